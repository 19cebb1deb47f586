package org.pitbox.client.live;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.pitbox.protocol.ProtocolJson;
import org.pitbox.protocol.codec.CodecException;
import org.pitbox.protocol.codec.FrameDecoder;
import org.pitbox.protocol.codec.FrameSchema;
import org.pitbox.protocol.live.LiveControl;
import org.pitbox.protocol.live.LiveProtocol;

/**
 * The engineer's live client (docs/live-protocol.md, "Subscriber"): watches one session, or with
 * {@link #team} only the team's presence.
 * <p>
 * The delivery thread of its {@link LiveLink} decodes each frame with a {@link FrameDecoder} for the
 * {@code session} schema and calls the {@link SubscriberListener}. When the connection drops it reconnects
 * with {@link Backoff}; frames it already has are skipped and decoding carries on from the server's catch-up
 * keyframe, the frames in between counted as dropped.
 */
public final class LiveSubscriber implements AutoCloseable {
    private final LiveLink link;
    private final SubscriberListener listener;
    private final boolean watching;
    private volatile long frames;
    private volatile long dropped;
    // the rest belongs to the link's delivery thread
    private String sessionText;
    private FrameDecoder decoder;
    private byte[] row;
    /** The last frame of the session received, 0 before the first. */
    private long lastSeq;
    private long droppedAtSession;
    /** The connection the counts below are for: the server counts per connection and per session. */
    private LiveLink.Connection counted;
    private long serverDropped;
    private long missed;
    private long droppedBefore;

    private LiveSubscriber(URI server, String path, Supplier<String> token, Backoff backoff, boolean watching,
            SubscriberListener listener) {
        this.listener = listener;
        this.watching = watching;
        this.link = new LiveLink(server, path, token, backoff, new LiveLink.Owner() {
            @Override
            public String connected(LiveLink.Connection c) throws InterruptedException, ExecutionException {
                return c.stayOpen();
            }

            @Override
            public void received(LiveLink.Connection from, String text, byte[] binary) {
                LiveSubscriber.this.received(from, text, binary);
            }

            @Override
            public void stateChanged() {
                listener.status(status());
            }

            @Override
            public void second() {
                listener.status(status());
            }
        });
    }

    /**
     * Watches one session of the team (before or during it), with presence.
     *
     * @param server base URI of the server (http, https, ws or wss)
     * @param token  gives the bearer token for each connection
     */
    public static LiveSubscriber session(URI server, Supplier<String> token, long teamId, String sessionKey,
            Backoff backoff, SubscriberListener listener) {
        if (!LiveProtocol.validSessionKey(sessionKey)) {
            throw new IllegalArgumentException("bad session key: " + sessionKey);
        }
        return new LiveSubscriber(server, LiveProtocol.subscribePath(teamId, sessionKey), token, backoff, true,
                listener);
    }

    /** The team channel: presence and the list of live sessions only. */
    public static LiveSubscriber team(URI server, Supplier<String> token, long teamId, Backoff backoff,
            SubscriberListener listener) {
        return new LiveSubscriber(server, LiveProtocol.teamPath(teamId), token, backoff, false, listener);
    }

    /** Sends a radio message to the driver (and the team); false if not connected or on the team channel. */
    public boolean radio(String text) {
        try {
            return watching && link.sendText(ProtocolJson.mapper().writeValueAsString(LiveControl.radio(text)));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Sends the watched session's driver a pit stop to set (an engineer's accepted strategy card); false if not
     * connected or on the team channel. The server names the sender and checks the bounds (an error if out).
     */
    public boolean pitPlan(LiveControl.PitPlan plan) {
        try {
            return watching && link.sendText(ProtocolJson.mapper().writeValueAsString(
                    LiveControl.pitPlan(null, plan, null, null)));
        } catch (IOException e) {
            return false;
        }
    }

    public SubscriberStatus status() {
        String reason = link.reason();
        SubscriberStatus.State state = switch (link.state()) {
            case CONNECTING -> reason == null ? SubscriberStatus.State.CONNECTING
                    : SubscriberStatus.State.RECONNECTING;
            case CONNECTED -> SubscriberStatus.State.CONNECTED;
            case WAITING -> SubscriberStatus.State.RECONNECTING;
            case CLOSED -> SubscriberStatus.State.OFFLINE;
        };
        return new SubscriberStatus(state, reason, frames, dropped, link.latencyMillis());
    }

    /** Disconnects, and waits a moment for a listener call in progress; no other listener call follows. */
    @Override
    public void close() {
        link.close();
    }

    private void received(LiveLink.Connection from, String text, byte[] binary) {
        if (from != counted) {
            fold();
            counted = from;
        }
        if (binary != null) {
            switch (LiveProtocol.type(binary)) {
                case LiveProtocol.FRAME -> frame(binary);
                case LiveProtocol.VIDEO -> {
                    if (binary.length > LiveProtocol.VIDEO_HEADER) {
                        listener.video(LiveProtocol.number(binary), LiveProtocol.videoMicros(binary),
                                LiveProtocol.isVideoKey(binary), java.util.Arrays.copyOfRange(binary,
                                        LiveProtocol.VIDEO_HEADER, binary.length));
                    }
                }
                case LiveProtocol.DROPPED -> {
                    serverDropped = Math.max(serverDropped, LiveProtocol.number(binary));
                    count();
                }
                default -> {
                }
            }
            return;
        }
        LiveControl c;
        try {
            c = ProtocolJson.mapper().readValue(text, LiveControl.class);
        } catch (IOException e) {
            return;
        }
        switch (c.type() == null ? "" : c.type()) {
            case LiveControl.SESSION -> session(c, text);
            case LiveControl.ENDED -> ended(c);
            case LiveControl.RADIO -> listener.radio(c.userId() == null ? 0 : c.userId(), c.name(), c.text());
            case LiveControl.RADIO_CLIP -> clip(c);
            case LiveControl.PRESENCE -> listener.presence(c.members() == null ? List.of() : c.members(),
                    c.sessions() == null ? List.of() : c.sessions());
            case LiveControl.ERROR -> listener.error(c.text());
            case LiveControl.COACH -> listener.coach(c);
            default -> {
            }
        }
    }

    private void clip(LiveControl c) {
        try {
            listener.radioClip(c.userId() == null ? 0 : c.userId(), c.name(), c.text(), c.clipSamples());
        } catch (IllegalArgumentException e) {
            listener.error("a radio clip that is not 16-bit PCM: " + e.getMessage());
        }
    }

    private void session(LiveControl c, String text) {
        if (text.equals(sessionText)) {
            return; // the same session again, after a reconnect
        }
        FrameSchema schema;
        try {
            byte[] bytes = c.schemaBytes();
            if (bytes == null) {
                throw new CodecException("missing");
            }
            schema = FrameSchema.fromBytes(bytes);
        } catch (CodecException | IllegalArgumentException e) {
            sessionText = null;
            decoder = null;
            listener.error("bad session schema: " + e.getMessage());
            return;
        }
        sessionText = text;
        decoder = new FrameDecoder(schema);
        row = new byte[schema.rowLength()];
        lastSeq = 0;
        droppedAtSession = dropped;
        listener.session(new LiveSession(c.sessionKey(), schema, c.sessionInfo(),
                c.userId() == null ? 0 : c.userId(), c.name(), c.tickRate()));
    }

    private void frame(byte[] m) {
        if (decoder == null || m.length < LiveProtocol.FRAME_HEADER) {
            return;
        }
        long seq = LiveProtocol.number(m);
        if (seq <= lastSeq) {
            return; // received before a reconnect
        }
        if (lastSeq > 0) {
            missed += seq - lastSeq - 1;
        }
        lastSeq = seq;
        boolean decoded;
        try {
            decoded = decoder.decode(seq, LiveProtocol.frameData(m), row);
        } catch (CodecException e) {
            decoded = false;
        }
        if (decoded) {
            frames++;
        } else {
            missed++; // a delta after a gap, waiting for a keyframe
        }
        count();
        if (decoded) {
            listener.row(seq, row);
        }
    }

    private void ended(LiveControl c) {
        long seq = c.seq() == null ? lastSeq : c.seq();
        if (lastSeq > 0 && seq > lastSeq) {
            missed += seq - lastSeq; // dropped after the last frame received
        }
        if (c.dropped() != null) {
            serverDropped = Math.max(serverDropped, c.dropped());
        }
        count();
        fold(); // the server counts each session from 0
        boolean known = sessionText != null;
        sessionText = null;
        decoder = null;
        lastSeq = 0;
        if (known) {
            listener.ended(seq, dropped - droppedAtSession);
        }
    }

    /**
     * Frames the server dropped show up as gaps in seq as well, so each connection counts the larger of the
     * two; gaps between connections count once, on the new one.
     */
    private void count() {
        long total = droppedBefore + Math.max(serverDropped, missed);
        if (total > dropped) {
            dropped = total;
            listener.dropped(total);
        }
    }

    private void fold() {
        droppedBefore += Math.max(serverDropped, missed);
        serverDropped = 0;
        missed = 0;
    }
}
