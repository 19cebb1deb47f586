package org.pitbox.protocol.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pitbox.protocol.codec.ChannelSpec;
import org.pitbox.protocol.codec.CodecException;
import org.pitbox.protocol.codec.FrameDecoder;
import org.pitbox.protocol.codec.FrameEncoder;
import org.pitbox.protocol.codec.FrameSchema;

/** The live protocol's binary messages and endpoints. */
class LiveProtocolTest {
    private static final FrameSchema SCHEMA = new FrameSchema(List.of(new ChannelSpec("Speed", ChannelSpec.FLOAT,
            1, 0), new ChannelSpec("Gear", ChannelSpec.INT, 1, 4)), 8);

    @Test
    void socketUriFollowsTheServersScheme() {
        String path = LiveProtocol.teamPath(7);
        assertEquals(URI.create("ws://127.0.0.1:8080/api/v1/live/teams/7"),
                LiveProtocol.socketUri(URI.create("http://127.0.0.1:8080/"), path));
        assertEquals(URI.create("wss://pitbox.example.com/api/v1/live/teams/7"),
                LiveProtocol.socketUri(URI.create("https://pitbox.example.com"), path));
        assertEquals(URI.create("ws://h:1/api/v1/live/teams/7"), LiveProtocol.socketUri(URI.create("ws://h:1"), path));
    }

    @Test
    void aFrameMessageCarriesTheOnlySeqAndDecodesWithIt() throws CodecException {
        FrameEncoder encoder = new FrameEncoder(SCHEMA);
        FrameDecoder decoder = new FrameDecoder(SCHEMA);
        byte[] row = new byte[SCHEMA.rowLength()];
        byte[] out = new byte[SCHEMA.rowLength()];
        long first = 4_000_000_000L; // beyond 31 bits: the seq is a u32
        for (long seq = first; seq < first + 3; seq++) {
            row[0] = (byte) seq;
            byte[] frame = encoder.encode(row);
            byte[] message = LiveProtocol.frame(seq, frame, 0, frame.length);
            assertEquals(LiveProtocol.FRAME, LiveProtocol.type(message));
            assertEquals(seq, LiveProtocol.number(message));
            assertEquals(seq == first, LiveProtocol.isKeyframe(message));
            assertTrue(decoder.decode(LiveProtocol.number(message), LiveProtocol.frameData(message), out));
            assertArrayEquals(row, out);
        }
        byte[] late = encoder.encode(row);
        assertFalse(decoder.decode(first + 4, late, out), "a delta after a gap in seq waits for a keyframe");
        assertTrue(decoder.needsKeyframe());
    }
}
