package org.pitbox.server.live;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.pitbox.protocol.live.LiveControl;
import org.pitbox.protocol.live.LiveProtocol;

/**
 * One session's subscribers on this node. Follows the session's bus subject, keeps the frames since
 * the last keyframe (at most {@link #MAX_CATCH_UP} and {@code catchUpBytes}) so a late joiner can decode
 * the latest frame at once, and never waits for a subscriber: a full queue drops the frame and the
 * subscriber waits for the next keyframe, asked for at once; its drop count goes to it before that
 * keyframe and in {@code ended}.
 */
final class Fanout {
    /** Frames kept since the last keyframe; beyond this a keyframe is requested instead. */
    static final int MAX_CATCH_UP = 1200;

    private static final class Sub {
        final LiveSocket socket;
        boolean synced;
        long dropped;
        /** Video goes to it from a key picture on, until it misses one. */
        boolean videoSynced;

        Sub(LiveSocket socket) {
            this.socket = socket;
        }
    }

    private final Bus bus;
    private final LiveMetrics metrics;
    private final long catchUpBytes;
    private final long teamId;
    private final String key;
    private final List<Sub> subs = new ArrayList<>();
    private final List<byte[]> sinceKeyframe = new ArrayList<>();
    private final Throttle keyframes = new Throttle(100);
    private final Throttle syncs = new Throttle(1000);
    private final Throttle videoKeys = new Throttle(500);
    private long sinceKeyframeBytes;
    private Runnable unsubscribe;
    private String session;
    private boolean based;
    private long lastSeq;

    Fanout(Bus bus, LiveMetrics metrics, long catchUpBytes, long teamId, String key) {
        this.bus = bus;
        this.metrics = metrics;
        this.catchUpBytes = catchUpBytes;
        this.teamId = teamId;
        this.key = key;
    }

    void start() {
        unsubscribe = bus.subscribe(Bus.data(teamId, key), this::onBus);
        sync();
    }

    /** Asks the origin, wherever it is, to send the session message and a keyframe. */
    private void sync() {
        if (syncs.ready()) {
            bus.publish(Bus.control(teamId, key), Json.bytes(LiveControl.of(Origin.SYNC)));
        }
    }

    void stop() {
        unsubscribe.run();
    }

    void join(LiveSocket socket) {
        boolean askKeyframe = false;
        synchronized (this) {
            Sub sub = new Sub(socket);
            subs.add(sub);
            if (session != null) {
                socket.out().send(session);
                if (based) {
                    sinceKeyframe.forEach(socket.out()::send);
                    sub.synced = true;
                } else {
                    askKeyframe = true;
                }
            }
        }
        if (askKeyframe) {
            askKeyframe();
        }
        askVideoKey(); // its video starts at the next key picture
    }

    synchronized boolean isEmpty() {
        return subs.isEmpty();
    }

    /** Returns true if no subscriber is left. */
    synchronized boolean leave(LiveSocket socket) {
        subs.removeIf(s -> s.socket == socket);
        return subs.isEmpty();
    }

    private void onBus(byte[] data) {
        if (Json.isJson(data)) {
            control(data);
        } else if (LiveProtocol.type(data) == LiveProtocol.FRAME) {
            frame(data);
        } else if (LiveProtocol.type(data) == LiveProtocol.VIDEO) {
            video(data);
        }
    }

    /**
     * A picture of the driver's view: to every subscriber whose outbox has room for video (a quarter of it, so
     * telemetry keeps its room), from a key picture on; one that misses a picture waits for the next key picture,
     * asked for at once.
     */
    private void video(byte[] message) {
        boolean key = LiveProtocol.isVideoKey(message);
        boolean askKey = false;
        synchronized (this) {
            if (session == null) {
                return;
            }
            for (Sub s : subs) {
                if ((s.videoSynced || key) && s.socket.out().offerVideo(message)) {
                    s.videoSynced = true;
                } else {
                    askKey |= s.videoSynced || key;
                    s.videoSynced = false;
                }
            }
        }
        if (askKey) {
            askVideoKey();
        }
    }

    private void askVideoKey() {
        if (videoKeys.ready()) {
            bus.publish(Bus.control(teamId, key), Json.bytes(LiveControl.of(Origin.VIDEO_KEY)));
        }
    }

    private void frame(byte[] message) {
        long seq = LiveProtocol.number(message);
        boolean key = LiveProtocol.isKeyframe(message);
        long dropped = 0;
        boolean needKeyframe = false;
        boolean known;
        synchronized (this) {
            known = session != null; // false: this node missed the session message
            if (known && seq > lastSeq) {
                if (lastSeq > 0 && seq != lastSeq + 1) { // lost between nodes
                    based = false;
                    clearCatchUp();
                    for (Sub s : subs) {
                        s.synced = false;
                        s.dropped += seq - lastSeq - 1;
                        dropped += (seq - lastSeq - 1);
                    }
                }
                lastSeq = seq;
                if (key) {
                    clearCatchUp();
                    based = true;
                }
                if (based) {
                    sinceKeyframe.add(message);
                    sinceKeyframeBytes += message.length;
                    if (sinceKeyframe.size() > MAX_CATCH_UP || sinceKeyframeBytes > catchUpBytes) {
                        clearCatchUp();
                        based = false;
                    }
                }
                for (Sub s : subs) {
                    if (!(s.synced ? s.socket.out().offer(message) : key && resync(s, message))) {
                        s.synced = false;
                        s.dropped++;
                        dropped++;
                        needKeyframe = true;
                    }
                }
                needKeyframe |= !based;
            }
        }
        if (!known) {
            sync();
            return;
        }
        metrics.framesDropped(dropped);
        if (needKeyframe) {
            askKeyframe();
        }
    }

    /** A keyframe for a subscriber that missed frames: first the drop report, then the frame. */
    private static boolean resync(Sub s, byte[] keyframe) {
        if (!s.socket.out().hasRoom()) {
            return false;
        }
        if (s.dropped > 0) {
            s.socket.out().send(LiveProtocol.dropped(s.dropped));
        }
        s.socket.out().send(keyframe);
        s.synced = true;
        return true;
    }

    private void control(byte[] data) {
        LiveControl c = Json.readOrNull(data, LiveControl.class);
        if (c == null || c.type() == null) {
            return;
        }
        String text = new String(data, StandardCharsets.UTF_8);
        synchronized (this) {
            switch (c.type()) {
                case LiveControl.SESSION -> {
                    if (text.equals(session)) {
                        return;
                    }
                    session = text;
                    lastSeq = 0;
                    based = false;
                    clearCatchUp();
                    for (Sub s : subs) {
                        s.synced = false;
                        s.videoSynced = false;
                        s.socket.out().send(text);
                    }
                }
                case LiveControl.RADIO, LiveControl.RADIO_CLIP, LiveControl.COACH ->
                        subs.forEach(s -> s.socket.out().send(text));
                case LiveControl.ENDED -> {
                    for (Sub s : subs) {
                        s.socket.send(LiveControl.ended(c.seq() == null ? lastSeq : c.seq(), s.dropped));
                        s.synced = false;
                        s.videoSynced = false;
                        s.dropped = 0;
                    }
                    session = null;
                    based = false;
                    clearCatchUp();
                    lastSeq = 0;
                }
                default -> {
                }
            }
        }
    }

    private void clearCatchUp() {
        sinceKeyframe.clear();
        sinceKeyframeBytes = 0;
    }

    /** Bytes of the frames kept for late joiners. */
    synchronized long catchUpBytes() {
        return sinceKeyframeBytes;
    }

    private void askKeyframe() {
        if (keyframes.ready()) {
            bus.publish(Bus.control(teamId, key), Json.bytes(LiveControl.of(Origin.KEYFRAME)));
        }
    }
}
