package org.pitbox.server.live;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.pitbox.protocol.codec.FrameEncoder;
import org.pitbox.protocol.codec.FrameSchema;
import org.pitbox.protocol.live.LiveControl;
import org.pitbox.protocol.live.LiveProtocol;

/** A driver's client: encodes rows, numbers the frames, keeps them until acknowledged, honours keyframe requests. */
final class TestPublisher {
    final FrameSchema schema;
    final String sessionInfo;
    final FrameEncoder encoder;
    final ConcurrentSkipListMap<Long, byte[]> unacked = new ConcurrentSkipListMap<>();
    volatile long acked;
    private volatile boolean keyframeWanted;
    private long seq;
    TestSocket socket;

    TestPublisher(FrameSchema schema, String sessionInfo) {
        this.schema = schema;
        this.sessionInfo = sessionInfo;
        this.encoder = new FrameEncoder(schema);
    }

    /** Connects and opens; returns the last frame the server has recorded. */
    long connect(WebSocketClient client, URI uri, String token) throws Exception {
        socket = TestSocket.connect(client, uri, token);
        socket.onBinary(this::received);
        socket.send(LiveControl.open(schema.toBytes(), sessionInfo));
        return socket.await(LiveControl.OPENED).seq();
    }

    private void received(byte[] message) {
        switch (LiveProtocol.type(message)) {
            case LiveProtocol.ACK -> {
                acked = LiveProtocol.number(message);
                unacked.headMap(acked, true).clear();
            }
            case LiveProtocol.KEYFRAME_REQUEST -> keyframeWanted = true;
            default -> socket.binary.add(message);
        }
    }

    void publish(byte[] row) {
        if (keyframeWanted) {
            keyframeWanted = false;
            encoder.requestKeyframe();
        }
        byte[] frame = encoder.encode(row);
        byte[] message = LiveProtocol.frame(++seq, frame, 0, frame.length);
        unacked.put(seq, message);
        socket.send(message);
    }

    /** Sends again every unacknowledged frame from seq on. */
    void resendFrom(long from) {
        for (Map.Entry<Long, byte[]> e : unacked.tailMap(from, true).entrySet()) {
            socket.send(e.getValue());
        }
    }

    long seq() {
        return seq;
    }
}
