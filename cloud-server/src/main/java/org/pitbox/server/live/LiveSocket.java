package org.pitbox.server.live;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.pitbox.protocol.live.LiveControl;
import org.pitbox.protocol.live.LiveProtocol;

/**
 * One authorised WebSocket: the team channel, a publisher or a subscriber (public only for Jetty). It closes
 * when its access token expires unless the client sends a fresh one ({@code token}), and is dropped when
 * nothing (not even a pong) came from the client for the idle timeout; a malformed message gets an
 * {@code error} and the socket carries on.
 */
public final class LiveSocket implements Session.Listener.AutoDemanding {
    private static final System.Logger LOG = System.getLogger(LiveSocket.class.getName());

    enum Mode {
        TEAM, PUBLISH, SUBSCRIBE;

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The shortest time between two radio clips of one driver. */
    static final long CLIP_INTERVAL_MILLIS = 2000;
    /** The largest VIDEO message (a key picture at 4 Mbit/s is far below it). */
    static final int MAX_VIDEO_BYTES = 512 << 10;
    /** A publisher's video may average 8 Mbit/s (twice the highest cap) with 2 s of burst; more is dropped. */
    static final long VIDEO_BYTES_PER_SECOND = 1_000_000;

    private final LiveRelay relay;
    private final LiveLimits limits;
    private final int queue;
    private final ScheduledExecutorService timer;
    private final Duration tokenLifetime;
    final Mode mode;
    final long teamId;
    final String sessionKey;
    private volatile LiveMember member;
    private volatile Outbox out;
    private volatile Origin origin;
    private volatile long heard = System.nanoTime();
    private ScheduledFuture<?> expiry;
    private boolean closed;
    private final Throttle clips = new Throttle(CLIP_INTERVAL_MILLIS);
    private final ByteBudget video = new ByteBudget(VIDEO_BYTES_PER_SECOND, 2 * VIDEO_BYTES_PER_SECOND);
    private final Throttle videoWarnings = new Throttle(10_000);

    /** @param grant the member and how long their token is valid; {@code queue} frames in flight before drops */
    LiveSocket(LiveRelay relay, LiveLimits limits, int queue, ScheduledExecutorService timer, Mode mode, long teamId,
            String sessionKey, LiveAccess.Grant grant) {
        this.relay = relay;
        this.limits = limits;
        this.queue = queue;
        this.timer = timer;
        this.mode = mode;
        this.teamId = teamId;
        this.sessionKey = sessionKey;
        this.member = grant.member();
        this.tokenLifetime = grant.lifetime();
    }

    Outbox out() {
        return out;
    }

    LiveMember member() {
        return member;
    }

    /** Takes the member's new role; false if the socket may no longer stay open with it. */
    boolean changeRole(LiveMember now) {
        member = now;
        return mode != Mode.PUBLISH || now.role().canPublish();
    }

    Origin origin() {
        return origin;
    }

    LiveControl.Member presence() {
        LiveMember m = member;
        return new LiveControl.Member(m.userId(), m.displayName(), m.role().name().toLowerCase(Locale.ROOT),
                sessionKey, mode.wireName());
    }

    void send(LiveControl control) {
        out.send(Json.text(control));
    }

    void fail(String why) {
        send(LiveControl.error(why));
        out.close(StatusCode.POLICY_VIOLATION, why);
    }

    /** Closes the socket when its token expires, lifetime from now; a later call (a fresh token) replaces it. */
    synchronized void expireAfter(Duration lifetime) {
        if (closed) {
            return;
        }
        if (expiry != null) {
            expiry.cancel(false);
        }
        expiry = timer.schedule(() -> out.close(StatusCode.POLICY_VIOLATION, "the access token expired"),
                lifetime.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Pings the client, or drops it when nothing came from it for the idle timeout. */
    void keepAlive() {
        if (System.nanoTime() - heard > limits.idleTimeout().toNanos()) {
            out.disconnect();
        } else {
            out.ping();
        }
    }

    private synchronized void stopExpiry() {
        closed = true;
        if (expiry != null) {
            expiry.cancel(false);
        }
    }

    @Override
    public void onWebSocketOpen(Session session) {
        session.setMaxTextMessageSize(mode == Mode.PUBLISH ? limits.openBytes() : limits.controlBytes());
        session.setMaxBinaryMessageSize(mode == Mode.PUBLISH ? Math.max(limits.frameBytes(), MAX_VIDEO_BYTES)
                : limits.controlBytes());
        out = new Outbox(session, queue, limits.outboxBytes(), relay::slowConsumer);
        LiveControl.Member me = presence();
        send(LiveControl.hello(me.userId(), me.name(), me.role()));
        expireAfter(tokenLifetime);
        relay.joined(this);
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        heard = System.nanoTime();
        byte[] message = new byte[payload.remaining()];
        payload.get(message);
        callback.succeed();
        Origin o = origin;
        int type = LiveProtocol.type(message);
        if (mode == Mode.PUBLISH && type == LiveProtocol.VIDEO && message.length > LiveProtocol.VIDEO_HEADER) {
            video(o, message);
        } else if (mode != Mode.PUBLISH || type != LiveProtocol.FRAME
                || message.length < LiveProtocol.FRAME_HEADER + 2) { // a codec frame is at least 2 bytes
            send(LiveControl.error("unexpected binary message"));
        } else if (message.length > limits.frameBytes()) {
            out.close(StatusCode.MESSAGE_TOO_LARGE, "a frame is at most " + limits.frameBytes() + " bytes");
        } else if (o == null) {
            send(LiveControl.error("send open before frames"));
        } else {
            o.frame(this, message);
        }
    }

    private void video(Origin o, byte[] message) {
        if (o == null) {
            send(LiveControl.error("send open before video"));
        } else if (video.take(message.length)) {
            o.video(this, message);
        } else if (videoWarnings.ready()) {
            send(LiveControl.error("video over " + VIDEO_BYTES_PER_SECOND * 8 / 1_000_000
                    + " Mbit/s: pictures are dropped"));
        }
    }

    @Override
    public void onWebSocketText(String text) {
        heard = System.nanoTime();
        LiveControl c;
        try {
            c = Json.read(text, LiveControl.class);
        } catch (IOException e) {
            c = null;
        }
        if (c == null || c.type() == null) {
            send(LiveControl.error("malformed control message: expected a JSON object with a type"));
            return;
        }
        try {
            control(c);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "live control message " + c.type() + " failed", e);
            send(LiveControl.error("the server could not handle this " + c.type() + " message"));
        }
    }

    private void control(LiveControl c) {
        switch (c.type()) {
            case LiveControl.OPEN -> {
                if (mode != Mode.PUBLISH) {
                    send(LiveControl.error("open is for publishers"));
                } else {
                    origin = relay.open(this, c);
                }
            }
            case LiveControl.END -> {
                Origin o = origin;
                if (o != null) {
                    o.end(this);
                }
            }
            case LiveControl.RADIO -> radio(c.text());
            case LiveControl.RADIO_CLIP -> radioClip(c);
            case LiveControl.TOKEN -> relay.refresh(this, c.text());
            case LiveControl.COACH_ON, LiveControl.COACH_OFF -> coach(c.type().equals(LiveControl.COACH_ON));
            case LiveControl.PIT_PLAN -> pitPlan(c);
            default -> send(LiveControl.error("unknown message type"));
        }
    }

    private void coach(boolean on) {
        Origin o = origin;
        if (o == null) {
            send(LiveControl.error("coach-on and coach-off are for the driver of an open session"));
        } else {
            o.coach(on);
        }
    }

    private void radio(String text) {
        if (!member.role().canRadio()) {
            send(LiveControl.error("viewers cannot use the radio"));
        } else if (mode == Mode.TEAM || text == null || text.isBlank()) {
            send(LiveControl.error("radio needs a session and text"));
        } else if (text.length() > limits.radioChars()) {
            send(LiveControl.error("radio text is longer than " + limits.radioChars() + " characters"));
        } else {
            relay.radio(this, text);
        }
    }

    /**
     * The driver's radio as sound, to the session's subscribers: from the publisher of an open session only, at most
     * {@link LiveControl#MAX_CLIP_SAMPLES} of 16-bit PCM, one per {@link #CLIP_INTERVAL_MILLIS}.
     */
    private void radioClip(LiveControl c) {
        short[] samples;
        try {
            samples = c.clipSamples();
        } catch (IllegalArgumentException e) {
            samples = null;
        }
        String refused = mode != Mode.PUBLISH || origin == null ? "radio-clip is for the driver of an open session"
                : !member.role().canRadio() ? "viewers cannot use the radio"
                : samples == null || samples.length == 0 ? "radio-clip needs base64 16-bit PCM audio"
                : samples.length > LiveControl.MAX_CLIP_SAMPLES ? "a radio clip is at most "
                        + LiveControl.MAX_CLIP_SAMPLES / LiveControl.CLIP_RATE + " seconds"
                : c.text() != null && c.text().length() > limits.radioChars() ? "radio text is longer than "
                        + limits.radioChars() + " characters"
                : !clips.ready() ? "one radio clip every " + CLIP_INTERVAL_MILLIS / 1000 + " seconds at most"
                : null;
        if (refused != null) {
            send(LiveControl.error(refused));
        } else {
            relay.radioClip(this, samples, c.text());
        }
    }

    /** An engineer's pit stop for the watched session's driver, checked by {@link PitPlans}. */
    private void pitPlan(LiveControl c) {
        String refused = mode != Mode.SUBSCRIBE ? "pit-plan is sent on a session's subscribe socket"
                : !member.role().canRadio() ? "viewers cannot send a pit plan"
                : c.sessionKey() != null && !c.sessionKey().equals(sessionKey) ? "pit-plan names another session"
                : PitPlans.problem(c.pitPlan());
        if (refused != null) {
            send(LiveControl.error(refused));
        } else {
            relay.pitPlan(this, PitPlans.clean(c.pitPlan()));
        }
    }

    /** The answer to {@link #keepAlive}'s ping (the client's own pings are answered by Jetty). */
    @Override
    public void onWebSocketPong(ByteBuffer payload) {
        heard = System.nanoTime();
    }

    /**
     * Leaves the relay on the timer's thread: Jetty may call this inline from a failed send, on a thread that
     * holds an Origin's or a Fanout's lock, and leaving takes the relay's lock (taken before those elsewhere).
     */
    @Override
    public void onWebSocketClose(int status, String reason, Callback callback) {
        stopExpiry();
        Origin o = origin;
        try {
            timer.execute(() -> relay.left(this, o));
        } catch (RejectedExecutionException e) {
            // the relay is closed
        }
        callback.succeed();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        // onWebSocketClose follows
    }
}
