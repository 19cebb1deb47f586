package org.pitbox.protocol.client;

import org.pitbox.core.source.FeedStatus;
import org.pitbox.core.source.LiveFeed;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.Frame;

/**
 * A team member's live session as a {@link LiveFeed}, so every screen that shows a local source shows it too.
 * The subscriber's thread hands rows in with {@link #offer}; screens poll {@link #readLatest} at display rate.
 * The tick of a frame is the session's frame seq.
 */
public final class SubscribedFeed implements LiveFeed {
    private final LiveSession session;
    private final ChannelLayout layout;
    private final byte[] latest;
    private long latestSeq = -1;
    private volatile SubscriberStatus status;
    private volatile boolean ended;

    public SubscribedFeed(LiveSession session) {
        this.session = session;
        this.layout = RowProjection.layoutOf(session.schema());
        this.latest = new byte[layout.rowLength()];
    }

    public LiveSession session() {
        return session;
    }

    /** Keeps the newest row; called by the subscriber's thread. */
    public synchronized void offer(long seq, byte[] row) {
        System.arraycopy(row, 0, latest, 0, latest.length);
        latestSeq = seq;
    }

    public void status(SubscriberStatus s) {
        status = s;
    }

    public void ended() {
        ended = true;
    }

    @Override
    public ChannelLayout layout() {
        return layout;
    }

    @Override
    public String sessionInfoYaml() {
        return session.sessionInfo() == null ? "" : session.sessionInfo();
    }

    @Override
    public synchronized boolean readLatest(Frame frame) {
        if (latestSeq < 0 || latestSeq == frame.tick()) {
            return false;
        }
        frame.row().put(0, latest, 0, latest.length);
        frame.setTick(latestSeq);
        return true;
    }

    @Override
    public FeedStatus status() {
        String who = session.driverName() + "'s session " + session.key();
        if (ended) {
            return new FeedStatus(FeedStatus.State.ENDED, who + " has ended");
        }
        SubscriberStatus s = status;
        if (s == null || s.state() != SubscriberStatus.State.CONNECTED) {
            return FeedStatus.waiting(who + ": " + (s == null || s.reason() == null ? "connecting" : s.reason()));
        }
        return FeedStatus.live("Watching " + who + " at " + session.rate() + " Hz");
    }

    @Override
    public void close() {
        // the subscriber that feeds it is closed by its owner
    }
}
