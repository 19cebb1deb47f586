package org.pitbox.ui.tests;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.pitbox.client.CloudClient;
import org.pitbox.client.live.LiveListener;
import org.pitbox.client.live.LivePublisher;
import org.pitbox.client.live.RowProjection;
import org.pitbox.core.sim.SimulatedRecording;
import org.pitbox.video.H264Encoder;
import org.pitbox.video.VideoPipeline;
import org.pitbox.video.VideoSettings;

/**
 * The demo team's driver, streaming a simulated race live on a thread of its own: the first laps as fast as the
 * publisher encodes them (it queues 600 rows; more would be lost), the rest at 60 Hz in real time. What fails goes to the test's failures.
 */
public final class TestDriver implements AutoCloseable {
    private final List<Throwable> failures;
    private volatile LivePublisher publisher;
    private volatile VideoPipeline video;
    private volatile boolean closed;
    private volatile boolean driven;
    /** When each picture sent was drawn (nanoTime), by its time in the session. */
    private final Map<Long, Long> drawnAt = new ConcurrentHashMap<>();
    private static final int MAX_TIMES = 100_000;

    private TestDriver(List<Throwable> failures) {
        this.failures = failures;
    }

    /** Signs in to {@code base} and streams {@code race} as live session {@code key}, spooling under {@code spool}. */
    static TestDriver start(URI base, String key, SimulatedRecording race, int laps, int fastLaps, Path spool,
            List<Throwable> failures) {
        TestDriver d = new TestDriver(failures);
        Thread.ofPlatform().daemon().start(() -> d.drive(base, key, race, race.recordCount() * fastLaps / laps,
                spool));
        return d;
    }

    /** Sends the driver's view too (a drawn onboard scene at 480p15) from now on; false if not streaming yet. */
    public boolean sendVideo() {
        return sendVideo(VideoSettings.P480_15);
    }

    /** The nanoTime at which the picture of session time {@code micros} was drawn, or 0 if unknown. */
    public long drawnAt(long micros) {
        return drawnAt.getOrDefault(micros, 0L);
    }

    /** Sends the driver's view too (a drawn onboard scene) from now on; false if not streaming yet. */
    public synchronized boolean sendVideo(VideoSettings settings) {
        LivePublisher p = publisher;
        if (p == null || closed || video != null) {
            return p != null && video != null;
        }
        long start = System.nanoTime();
        video = new VideoPipeline(new OnboardScene(settings.width(), settings.height(), settings.fps()),
                new H264Encoder(settings), v -> {
                    long drawn = start + v.micros() * 1000;
                    long micros = p.sessionMicros(drawn);
                    if (drawnAt.size() < MAX_TIMES) {
                        drawnAt.put(micros, drawn);
                    }
                    p.publishVideo(micros, v.key(), v.annexB());
                });
        return true;
    }

    /** Stops sending the driver's view; {@link #sendVideo} may start it again. */
    public void stopVideo() {
        VideoPipeline v;
        synchronized (this) {
            v = video;
            video = null;
        }
        if (v != null) {
            v.close();
        }
    }

    /** Whether every row of the race was handed to the publisher. */
    public boolean driven() {
        return driven;
    }

    /** The publisher once the driver streams, else null. */
    public LivePublisher publisher() {
        return publisher;
    }

    private void drive(URI base, String key, SimulatedRecording race, int fast, Path spool) {
        try {
            CloudClient client = new CloudClient(base);
            client.login("driver@demo.pitbox", TestDemoServer.PASSWORD);
            LivePublisher p = new LivePublisher(base, client::accessToken, client.teams().get(0).id(), key,
                    RowProjection.schemaOf(race.layout()), race.sessionInfoYaml(), LivePublisher.Config.defaults(spool),
                    new LiveListener() {
                        @Override
                        public void videoKeyWanted() {
                            VideoPipeline v = video;
                            if (v != null) {
                                v.requestKeyframe();
                            }
                        }
                    });
            synchronized (this) {
                if (closed) {
                    p.close();
                    return;
                }
                publisher = p;
            }
            ByteBuffer rows = race.rows();
            byte[] row = new byte[race.layout().rowLength()];
            for (int i = 0; i < race.recordCount() && !closed; i++) {
                rows.get(race.rowStart(i), row);
                publisher.publish(row);
                if (i < fast && i % 200 == 199) {
                    while (publisher.rowsWaiting() > 100) { // never past its queue: lost rows would cut laps
                        Thread.sleep(5);
                    }
                } else if (i >= fast) {
                    Thread.sleep(1000 / 60);
                }
            }
            driven = true;
        } catch (IOException | InterruptedException | RuntimeException e) {
            failures.add(e);
        }
    }

    /**
     * Ends the session as the app does (every row sent, then {@code end}), so the server stores it at once instead
     * of waiting for the driver to come back; true if the server recorded everything.
     */
    public boolean end() throws InterruptedException {
        synchronized (this) {
            closed = true;
        }
        stopVideo();
        LivePublisher p = publisher;
        return p != null && p.end(Duration.ofSeconds(30));
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        stopVideo();
        if (publisher != null) {
            publisher.close();
        }
    }
}
