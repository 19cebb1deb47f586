package org.pitbox.iracing.source;

import java.io.IOException;
import java.util.List;
import java.util.function.LongSupplier;
import org.pitbox.core.source.FeedStatus;
import org.pitbox.core.source.LiveFeed;
import org.pitbox.core.source.RecentRows;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.Frame;
import org.pitbox.iracing.live.LiveTelemetryReader;
import org.pitbox.iracing.live.ReadStatus;

/**
 * A live feed over iRacing's shared memory, or over a memory dump: the same reader either way. While the
 * sim is not running it says so and tries to connect again once a second, never spinning.
 * <p>
 * The reader copies the newest row only. iRacing rotates its rows through three buffers, so the row before the
 * newest is still there for one more tick, but {@link LiveTelemetryReader} does not offer it: a row is taken
 * when any reader polls during its tick (the streamer polls every few milliseconds). Every row taken stays in
 * {@link RecentRows} for two seconds, so a reader of the newest never takes a row from a reader of every row.
 */
final class SharedMemoryFeed implements LiveFeed {
    /** Opens the shared memory; throws while the sim is not running. */
    interface Connector {
        Connection connect() throws IOException;
    }

    /** A reader over an open mapping, and what to close when done. */
    record Connection(LiveTelemetryReader reader, AutoCloseable mapping) {
    }

    private static final long RETRY_NANOS = 1_000_000_000L;
    /** Two seconds of iRacing's 60 Hz live rows. */
    private static final int KEPT_ROWS = 120;
    private static final ChannelLayout NO_CHANNELS = new ChannelLayout(List.of(), 0);

    private final Connector connector;
    private final LongSupplier nanoClock;
    private LiveTelemetryReader reader;
    private AutoCloseable mapping;
    private Frame taken;
    private RecentRows recent;
    private long lastAttempt;
    private FeedStatus status = FeedStatus.waiting("Waiting for iRacing to start...");
    private String sessionInfo = "";

    SharedMemoryFeed(Connector connector, LongSupplier nanoClock) {
        this.connector = connector;
        this.nanoClock = nanoClock;
        this.lastAttempt = nanoClock.getAsLong() - RETRY_NANOS;
    }

    /** Empty until the sim is found; consumers rebuild their frame when the layout object changes. */
    @Override
    public synchronized ChannelLayout layout() {
        return reader == null ? NO_CHANNELS : reader.layout();
    }

    @Override
    public synchronized String sessionInfoYaml() {
        return sessionInfo;
    }

    @Override
    public synchronized boolean readLatest(Frame frame) {
        return poll(frame) && recent.readLatest(frame);
    }

    @Override
    public synchronized boolean readNext(Frame frame) {
        return poll(frame) && recent.readNext(frame);
    }

    /** Takes the newest row from the sim into {@link #recent}; false when the frame cannot be served. */
    private boolean poll(Frame frame) {
        if (reader == null && !tryConnect()) {
            return false;
        }
        if (frame.layout() != reader.layout()) {
            return false;
        }
        ReadStatus result = reader.read(taken);
        if (result.hasData()) {
            recent.add(taken.row(), taken.tick());
        }
        if (reader.sessionInfoChanged()) {
            sessionInfo = reader.sessionInfo(false);
        }
        switch (result) {
            case NEW_DATA, RESTARTED -> status = FeedStatus.live("iRacing is live");
            case DISCONNECTED -> status = FeedStatus.waiting("iRacing is running, waiting for you to join a session");
            case LAYOUT_CHANGED -> disconnect();
            case NO_NEW_DATA, TORN -> {
                if (!reader.isConnected()) {
                    status = FeedStatus.waiting("No data from iRacing for 30 s");
                }
            }
        }
        return reader != null;
    }

    private boolean tryConnect() {
        long now = nanoClock.getAsLong();
        if (now - lastAttempt < RETRY_NANOS) {
            return false;
        }
        lastAttempt = now;
        try {
            Connection connection = connector.connect();
            reader = connection.reader();
            mapping = connection.mapping();
            taken = reader.newFrame();
            recent = new RecentRows(reader.layout().rowLength(), KEPT_ROWS);
            status = FeedStatus.waiting("Connected to iRacing, waiting for data");
            return true;
        } catch (IOException e) {
            status = FeedStatus.waiting("Waiting for iRacing to start... (" + e.getMessage() + ")");
            return false;
        }
    }

    @Override
    public synchronized FeedStatus status() {
        return status;
    }

    private void disconnect() {
        reader = null;
        taken = null;
        recent = null;
        if (mapping != null) {
            try {
                mapping.close();
            } catch (Exception e) {
                status = FeedStatus.waiting("Reconnecting to iRacing (" + e.getMessage() + ")");
            }
            mapping = null;
        }
    }

    @Override
    public synchronized void close() {
        disconnect();
    }
}
