package org.pitbox.server.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.pitbox.protocol.codec.FrameSchema;
import org.pitbox.protocol.live.LiveControl;
import org.pitbox.protocol.live.LiveProtocol;

/**
 * A live session on the node its publisher is connected to: checks and records every frame, then
 * relays it on the bus. Frames must arrive in sequence; repeats of recorded ones are ignored, so a
 * publisher that reconnects within the grace period, to this node or (with JetStream) another, simply
 * resends what was not acknowledged. Frames are relayed as they are; they are decoded when the
 * recording is stored.
 */
final class Origin {
    /** Bus-only control types: from fanouts to the origin, and from a node that took the session over. */
    static final String SYNC = "sync", KEYFRAME = "keyframe", VIDEO_KEY = "video-key", MOVED = "moved";
    static final int ACK_EVERY = LiveProtocol.ACK_EVERY;
    private static final System.Logger LOG = System.getLogger(Origin.class.getName());

    /** Told once when the session stops on this node: ended here (to be stored), or moved to another node. */
    interface Stopped {
        void stopped(Origin origin, boolean ended);
    }

    private final Bus bus;
    private final LiveMetrics metrics;
    private final ScheduledExecutorService timer;
    private final Duration grace;
    private final Stopped stopped;
    final long teamId;
    final String key;
    final LiveMember driver;
    final FrameSchema schema;
    /** Frames per second the publisher sends, and the tick rate of the recording. */
    final int rate;
    final String sessionInfo;
    private final byte[] sessionMessage;
    private final Recording recording;
    /** The session's video pictures, made into an MP4 when it ends here. */
    private final VideoRecording video;
    private final Throttle keyframes = new Throttle(100);
    private final Throttle videoKeys = new Throttle(500);
    private long lastVideoSeq;
    private final Runnable unsubscribe;
    /** The session's watcher on this node, or null. */
    private final Watcher watcher;
    private boolean coachOff;
    private LiveSocket publisher;
    private ScheduledFuture<?> endTimer;
    private long lastSeq;
    private long lastAck;
    /** The recording could not take a frame: later ones are ignored until the publisher resumes and resends. */
    private boolean behind;
    private boolean ended;

    /** Starts the session and answers {@code opened}; {@code grace} is how long it waits for a lost publisher. */
    Origin(Bus bus, LiveMetrics metrics, ScheduledExecutorService timer, Duration grace, Stopped stopped,
            LiveSocket publisher, FrameSchema schema, int rate, String sessionInfo, Recording.Claim claim,
            VideoRecording video, Watcher watcher) {
        this.bus = bus;
        this.metrics = metrics;
        this.timer = timer;
        this.grace = grace;
        this.stopped = stopped;
        this.teamId = publisher.teamId;
        this.key = publisher.sessionKey;
        this.driver = publisher.member();
        this.schema = schema;
        this.rate = rate;
        this.sessionInfo = sessionInfo;
        this.sessionMessage = Json.bytes(LiveControl.session(key, schema.toBytes(), sessionInfo, rate,
                driver.userId(), driver.displayName()));
        this.recording = claim.recording();
        this.video = video;
        this.lastSeq = claim.lastSeq();
        this.lastAck = lastSeq;
        this.publisher = publisher;
        this.watcher = watcher;
        this.unsubscribe = bus.subscribe(Bus.control(teamId, key), this::control);
        publisher.send(LiveControl.opened(lastSeq));
        bus.publish(Bus.data(teamId, key), sessionMessage);
    }

    /** Takes a reconnected publisher back if it is the same driver with the same schema and rate. */
    synchronized boolean resume(LiveSocket socket, FrameSchema newSchema, int newRate) {
        if (ended || socket.member().userId() != driver.userId() || !newSchema.equals(schema) || newRate != rate) {
            return false;
        }
        if (endTimer != null) {
            endTimer.cancel(false);
            endTimer = null;
        }
        LiveSocket old = publisher;
        publisher = socket;
        behind = false;
        if (old != null && old != socket) {
            old.out().close(1000, "replaced by a new connection");
        }
        socket.send(LiveControl.opened(lastSeq));
        return true;
    }

    synchronized void frame(LiveSocket from, byte[] message) {
        if (from != publisher || ended || behind) {
            return;
        }
        long seq = LiveProtocol.number(message);
        if (seq <= lastSeq) {
            return;
        }
        if (seq != lastSeq + 1) {
            from.send(LiveControl.error("expected frame " + (lastSeq + 1) + ", got " + seq));
            return;
        }
        if (seq == 1 && !LiveProtocol.isKeyframe(message)) {
            from.fail("frame 1 is not a keyframe: the first frame must be a keyframe");
            return;
        }
        try {
            if (!recording.append(seq, message)) {
                behind = true; // the publisher reconnects on an error and resends from its spool
                from.send(LiveControl.error("the server's recording is behind: send again from frame " + seq));
                return;
            }
        } catch (IOException e) {
            from.fail("cannot record frame " + seq + ": " + e.getMessage());
            return;
        }
        lastSeq = seq;
        metrics.frameRelayed();
        bus.publish(Bus.data(teamId, key), message);
        if (watcher != null) {
            watcher.frame(message);
        }
        if (seq - lastAck >= ACK_EVERY) {
            lastAck = seq;
            recording.whenKept(() -> ack(seq));
        }
    }

    /**
     * A picture of the driver's view: recorded (when the disk keeps up; else a key picture is asked for, so the
     * recording carries on from it) and relayed. Pictures are not resent after a reconnect: repeats are ignored.
     */
    synchronized void video(LiveSocket from, byte[] message) {
        long seq = LiveProtocol.number(message);
        if (from != publisher || ended || seq <= lastVideoSeq) {
            return;
        }
        lastVideoSeq = seq;
        try {
            if (!video.append(seq, message)) {
                requestVideoKey();
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot record the video of " + key + ": " + e.getMessage());
        }
        bus.publish(Bus.data(teamId, key), message);
    }

    private void requestVideoKey() {
        if (publisher != null && videoKeys.ready()) {
            publisher.out().send(LiveProtocol.videoKeyRequest());
        }
    }

    private synchronized void ack(long seq) {
        if (publisher != null) {
            publisher.out().send(LiveProtocol.ack(seq));
        }
    }

    private void control(byte[] data) {
        LiveControl c = Json.readOrNull(data, LiveControl.class);
        if (c == null) {
            return;
        }
        String type = c.type() == null ? "" : c.type();
        if (type.equals(MOVED)) {
            moved();
            return;
        }
        if (type.equals(LiveControl.END)) {
            end();
            return;
        }
        synchronized (this) {
            if (ended) {
                return;
            }
            switch (type) {
                case SYNC -> {
                    bus.publish(Bus.data(teamId, key), sessionMessage);
                    requestKeyframe();
                }
                case KEYFRAME -> requestKeyframe();
                case VIDEO_KEY -> requestVideoKey();
                case LiveControl.RADIO -> {
                    if (publisher != null && c.userId() != null && c.userId() != driver.userId()) {
                        publisher.out().send(new String(data, StandardCharsets.UTF_8));
                    }
                    bus.publish(Bus.data(teamId, key), data);
                }
                case LiveControl.RADIO_CLIP -> bus.publish(Bus.data(teamId, key), data);
                case LiveControl.PIT_PLAN -> {
                    if (publisher != null) {
                        publisher.out().send(new String(data, StandardCharsets.UTF_8));
                    }
                }
                case LiveControl.COACH -> {
                    if (publisher != null && !coachOff) {
                        publisher.out().send(new String(data, StandardCharsets.UTF_8));
                    }
                    bus.publish(Bus.data(teamId, key), data);
                }
                default -> {
                }
            }
        }
    }

    private void requestKeyframe() {
        if (publisher != null && keyframes.ready()) {
            publisher.out().send(LiveProtocol.keyframeRequest());
        }
    }

    /** The driver turned the coach's hints on or off; the team's subscribers get them either way. */
    synchronized void coach(boolean on) {
        coachOff = !on;
    }

    /** The publisher's connection closed: wait for it to come back, then end. */
    synchronized void detached(LiveSocket socket) {
        if (socket != publisher || ended) {
            return;
        }
        publisher = null;
        endTimer = timer.schedule((Runnable) this::end, grace.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The publisher said {@code end}. */
    void end(LiveSocket socket) {
        synchronized (this) {
            if (socket != publisher) {
                return;
            }
        }
        end();
    }

    /** Ends the session: tells the subscribers, then turns the recording into an .ibt for the sink. */
    void end() {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            if (endTimer != null) {
                endTimer.cancel(false);
            }
            unsubscribe.run();
        }
        endWatch();
        recording.release(); // before ended: the driver may open the key again at once
        synchronized (this) {
            ack(lastSeq);
            if (publisher != null) {
                publisher.send(LiveControl.ended(lastSeq, 0));
            }
            bus.publish(Bus.data(teamId, key), Json.bytes(LiveControl.ended(lastSeq, 0)));
        }
        stopped.stopped(this, true);
    }

    private void endWatch() {
        if (watcher != null) {
            watcher.end();
        }
    }

    /** Turns the recording of an ended session into an .ibt, which it returns; null when another node stores it. */
    Path finish() throws IOException {
        return recording.finish(schema, rate, sessionInfo);
    }

    /** Turns the video of an ended session into an MP4, which it returns; null when no picture was recorded. */
    Path finishVideo() throws IOException {
        return video.finishVideo();
    }

    /** Another node stores the session (it found it orphaned first), with its video. */
    void abandonVideo() {
        video.abandon();
    }

    /** Another node took the session over with the same recording: stop here without a word to the team. */
    private void moved() {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            if (endTimer != null) {
                endTimer.cancel(false);
            }
            unsubscribe.run();
            if (publisher != null) {
                publisher.out().close(1000, "the session moved to another node");
            }
        }
        endWatch();
        recording.abandon();
        video.abandon();
        stopped.stopped(this, false);
    }
}
