package org.pitbox.server.live;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.pitbox.protocol.live.LiveControl;
import org.pitbox.protocol.live.LiveProtocol;

/** One authorised WebSocket: the team channel, a publisher or a subscriber (public only for Jetty). */
public final class LiveSocket implements Session.Listener.AutoDemanding {
    enum Mode {
        TEAM, PUBLISH, SUBSCRIBE;

        String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    final LiveRelay relay;
    final Mode mode;
    final long teamId;
    final String sessionKey;
    final LiveMember member;
    private volatile Outbox out;
    private volatile Origin origin;

    LiveSocket(LiveRelay relay, Mode mode, long teamId, String sessionKey, LiveMember member) {
        this.relay = relay;
        this.mode = mode;
        this.teamId = teamId;
        this.sessionKey = sessionKey;
        this.member = member;
    }

    Outbox out() {
        return out;
    }

    LiveControl.Member presence() {
        return new LiveControl.Member(member.userId(), member.displayName(), member.role().name().toLowerCase(
                java.util.Locale.ROOT), sessionKey, mode.wireName());
    }

    void send(LiveControl control) {
        out.send(Json.text(control));
    }

    void fail(String why) {
        send(LiveControl.error(why));
        out.close(StatusCode.POLICY_VIOLATION, why);
    }

    @Override
    public void onWebSocketOpen(Session session) {
        out = new Outbox(session, relay.config().subscriberQueue());
        send(LiveControl.hello(member.userId(), member.displayName(), member.role().name().toLowerCase(
                java.util.Locale.ROOT)));
        relay.joined(this);
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        byte[] message = new byte[payload.remaining()];
        payload.get(message);
        callback.succeed();
        Origin o = origin;
        if (mode != Mode.PUBLISH || LiveProtocol.type(message) != LiveProtocol.FRAME) {
            send(LiveControl.error("unexpected binary message"));
        } else if (o == null) {
            send(LiveControl.error("send open before frames"));
        } else {
            o.frame(this, message);
        }
    }

    @Override
    public void onWebSocketText(String text) {
        LiveControl c;
        try {
            c = Json.read(text, LiveControl.class);
        } catch (IOException e) {
            send(LiveControl.error("malformed control message"));
            return;
        }
        String type = c.type() == null ? "" : c.type();
        switch (type) {
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
            default -> send(LiveControl.error("unknown message type " + type));
        }
    }

    private void radio(String text) {
        if (!member.role().canRadio()) {
            send(LiveControl.error("viewers cannot use the radio"));
        } else if (mode == Mode.TEAM || text == null || text.isBlank()) {
            send(LiveControl.error("radio needs a session and text"));
        } else {
            relay.radio(this, text);
        }
    }

    @Override
    public void onWebSocketClose(int status, String reason, Callback callback) {
        relay.left(this, origin);
        callback.succeed();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        // onWebSocketClose follows
    }
}
