package org.pitbox.protocol.live;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.regex.Pattern;
import org.pitbox.protocol.codec.FrameEncoder;

/**
 * The live relay's WebSocket protocol (see docs/live-protocol.md). Binary messages are
 * {@code [type byte][fields, little-endian]}; control messages are JSON text ({@link LiveControl}).
 */
public final class LiveProtocol {
    /** Protocol version, sent in the server's {@code hello}; 2 since frames carry no number of their own. */
    public static final int VERSION = 2;
    public static final String ROOT = "/api/v1/live";
    /**
     * Frames per second a publisher sends unless its {@code open} names a lower rate (iRacing's rate, and the
     * highest); a session's recording is stored at its rate.
     */
    public static final int TICK_RATE = 60;
    /** The server acknowledges a session's frames at least every this many (an ACK's sequence number). */
    public static final int ACK_EVERY = 30;

    /**
     * Publisher to server: {@code [1][u32 seq][FrameEncoder frame]}; the server relays it unchanged. The seq is
     * the frame's only number: it goes to the {@code FrameDecoder} with the frame.
     */
    public static final int FRAME = 1;
    /** Server to publisher: {@code [2][u32 seq]}, every frame up to seq is recorded. */
    public static final int ACK = 2;
    /** Server to publisher: {@code [3]}, make the next frame a keyframe. */
    public static final int KEYFRAME_REQUEST = 3;
    /** Server to subscriber: {@code [4][u32 total]}, frames this subscriber has missed so far. */
    public static final int DROPPED = 4;
    /** Bytes before the encoded frame in a FRAME message. */
    public static final int FRAME_HEADER = 5;
    /**
     * Publisher to server to subscribers: {@code [5][u32 seq][i64 micros][u8 flags][H.264 access unit, Annex B]},
     * one picture of the driver's view. seq counts video pictures (gaps are pictures the driver's side dropped);
     * micros is on the telemetry's clock: FRAME n is at {@code (n - 1) / rate} seconds. Flag bit 0: a key picture.
     */
    public static final int VIDEO = 5;
    /** Server to publisher: {@code [6]}, make the next video picture a key picture. */
    public static final int VIDEO_KEY_REQUEST = 6;
    /** Bytes before the access unit in a VIDEO message. */
    public static final int VIDEO_HEADER = 14;
    private static final int VIDEO_KEY = 1;

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private LiveProtocol() {
    }

    /** Session keys are chosen by the publisher: 1 to 64 of {@code A-Z a-z 0-9 _ -}. */
    public static boolean validSessionKey(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    /** A publisher's rate: 1 to {@link #TICK_RATE} frames per second. */
    public static boolean validTickRate(int rate) {
        return rate >= 1 && rate <= TICK_RATE;
    }

    /** The WebSocket URI of path on a server given by its base URI (http, https, ws or wss). */
    public static URI socketUri(URI server, String path) {
        return URI.create(server.toString().replaceFirst("^http", "ws").replaceFirst("/+$", "") + path);
    }

    /** The team channel: presence and the session list only. */
    public static String teamPath(long teamId) {
        return ROOT + "/teams/" + teamId;
    }

    public static String publishPath(long teamId, String sessionKey) {
        return teamPath(teamId) + "/sessions/" + sessionKey + "/publish";
    }

    public static String subscribePath(long teamId, String sessionKey) {
        return teamPath(teamId) + "/sessions/" + sessionKey + "/subscribe";
    }

    public static byte[] frame(long seq, byte[] frame, int offset, int length) {
        ByteBuffer b = allocate(FRAME_HEADER + length).put((byte) FRAME).putInt((int) seq);
        b.put(frame, offset, length);
        return b.array();
    }

    public static byte[] video(long seq, long micros, boolean key, byte[] accessUnit) {
        return allocate(VIDEO_HEADER + accessUnit.length).put((byte) VIDEO).putInt((int) seq).putLong(micros)
                .put((byte) (key ? VIDEO_KEY : 0)).put(accessUnit).array();
    }

    /** The picture's time on the telemetry's clock, in microseconds. */
    public static long videoMicros(byte[] message) {
        return ByteBuffer.wrap(message, 5, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    /** True if a VIDEO message carries a key picture (decodable without earlier ones). */
    public static boolean isVideoKey(byte[] message) {
        return message.length > VIDEO_HEADER - 1 && (message[VIDEO_HEADER - 1] & VIDEO_KEY) != 0;
    }

    /** The H.264 access unit of a VIDEO message. */
    public static ByteBuffer videoData(byte[] message) {
        return ByteBuffer.wrap(message, VIDEO_HEADER, message.length - VIDEO_HEADER);
    }

    public static byte[] videoKeyRequest() {
        return new byte[] {VIDEO_KEY_REQUEST};
    }

    public static byte[] ack(long seq) {
        return allocate(5).put((byte) ACK).putInt((int) seq).array();
    }

    public static byte[] keyframeRequest() {
        return new byte[] {KEYFRAME_REQUEST};
    }

    public static byte[] dropped(long total) {
        return allocate(5).put((byte) DROPPED).putInt((int) total).array();
    }

    /** The type byte of a binary message, -1 if empty. */
    public static int type(byte[] message) {
        return message.length == 0 ? -1 : message[0] & 0xFF;
    }

    /** The u32 after the type byte: FRAME, VIDEO and ACK seq, DROPPED total. */
    public static long number(byte[] message) {
        if (message.length < 5) {
            throw new IllegalArgumentException("message too short: " + message.length + " bytes");
        }
        return ByteBuffer.wrap(message, 1, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
    }

    /** True if a FRAME message carries a keyframe (decodable without earlier frames). */
    public static boolean isKeyframe(byte[] message) {
        return FrameEncoder.isKeyframe(message, FRAME_HEADER);
    }

    /** The encoded frame of a FRAME message, for {@code FrameDecoder.decode(number(message), ...)}. */
    public static ByteBuffer frameData(byte[] message) {
        return ByteBuffer.wrap(message, FRAME_HEADER, message.length - FRAME_HEADER);
    }

    private static ByteBuffer allocate(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }
}
