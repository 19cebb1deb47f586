package org.pitbox.protocol.live;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;

/**
 * A JSON control message; {@code type} says which fields are set (docs/live-protocol.md).
 *
 * @param schema      FrameSchema bytes, base64 ({@code open}, {@code session})
 * @param sessionInfo iRacing session-info YAML ({@code open}, {@code session})
 * @param rate        frames per second the publisher sends ({@code open}, {@code session}); absent means 60
 * @param seq         last recorded frame ({@code opened}, {@code ended}, {@code session})
 * @param text        radio, coach or error text; a fresh access token in {@code token}
 * @param coach       what a {@code coach} hint is about and where it came from
 * @param pitPlan     the pit stop an engineer asks the driver to set ({@code pit-plan})
 * @param audio       a {@code radio-clip}'s sound: 16 kHz mono signed 16-bit little-endian PCM, base64
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LiveControl(String type, Integer version, String sessionKey, String schema, String sessionInfo,
        Integer rate, Long seq, Long dropped, String text, Long userId, String name, String role,
        List<Member> members, List<Session> sessions, Coach coach, PitPlan pitPlan, String audio) {

    public static final String HELLO = "hello", OPEN = "open", OPENED = "opened", END = "end", ENDED = "ended",
            SESSION = "session", RADIO = "radio", PRESENCE = "presence", ERROR = "error", TOKEN = "token";
    /** The server's coach hint after a lap, to the driver and the session's subscribers; the driver turns it off and on. */
    public static final String COACH = "coach", COACH_OFF = "coach-off", COACH_ON = "coach-on";
    /**
     * An engineer's pit stop for the driver (an accepted strategy card): subscriber → server → the session's driver,
     * who sees it filled in on the overlay's pit request.
     */
    public static final String PIT_PLAN = "pit-plan";
    /**
     * The driver's spoken radio as sound (a grammar recogniser cannot write free speech down): publisher → server →
     * the session's subscribers, with the words in {@code text} where the recogniser heard them.
     */
    public static final String RADIO_CLIP = "radio-clip";
    /** A clip's sample rate and its length at most: 10 s. */
    public static final int CLIP_RATE = 16_000, MAX_CLIP_SAMPLES = 10 * CLIP_RATE;
    /** Characters of a coach hint at most. */
    public static final int MAX_COACH_CHARS = 200;

    /** A connection of a team member; mode is team, publish or subscribe. */
    public record Member(long userId, String name, String role, String sessionKey, String mode) {
    }

    /** A live session of the team. */
    public record Session(String sessionKey, long driverUserId, String driverName) {
    }

    /**
     * A coach hint's lap, where it is about (T3, S2, fuel, tyres, lap), its source ("rule-based" or "AI") and the
     * stored insight to rate it by.
     */
    public record Coach(int lap, String where, String source, long insightId) {
    }

    /**
     * A pit stop to set: litres to add (null: leave the fuel request alone), tyres to change (lf, rf, lr, rr; empty:
     * none), fast repair, and the strategy card it came from (may be null).
     */
    public record PitPlan(Double fuelLiters, List<String> tyres, boolean fastRepair, String cardId) {
    }

    /** Every message but {@code radio-clip}. */
    public LiveControl(String type, Integer version, String sessionKey, String schema, String sessionInfo,
            Integer rate, Long seq, Long dropped, String text, Long userId, String name, String role,
            List<Member> members, List<Session> sessions, Coach coach, PitPlan pitPlan) {
        this(type, version, sessionKey, schema, sessionInfo, rate, seq, dropped, text, userId, name, role, members,
                sessions, coach, pitPlan, null);
    }

    /** Every message but {@code coach}, {@code pit-plan} and {@code radio-clip}. */
    public LiveControl(String type, Integer version, String sessionKey, String schema, String sessionInfo,
            Integer rate, Long seq, Long dropped, String text, Long userId, String name, String role,
            List<Member> members, List<Session> sessions) {
        this(type, version, sessionKey, schema, sessionInfo, rate, seq, dropped, text, userId, name, role, members,
                sessions, null, null);
    }

    public static LiveControl of(String type) {
        return new LiveControl(type, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public static LiveControl hello(long userId, String name, String role) {
        return new LiveControl(HELLO, LiveProtocol.VERSION, null, null, null, null, null, null, null, userId, name,
                role, null, null);
    }

    /** An {@code open} without a rate: the publisher sends at {@link LiveProtocol#TICK_RATE}. */
    public static LiveControl open(byte[] schema, String sessionInfo) {
        return open(schema, sessionInfo, null);
    }

    public static LiveControl open(byte[] schema, String sessionInfo, Integer rate) {
        return new LiveControl(OPEN, LiveProtocol.VERSION, null, Base64.getEncoder().encodeToString(schema),
                sessionInfo, rate, null, null, null, null, null, null, null, null);
    }

    public static LiveControl opened(long lastSeq) {
        return new LiveControl(OPENED, null, null, null, null, null, lastSeq, null, null, null, null, null, null, null);
    }

    public static LiveControl session(String key, byte[] schema, String sessionInfo, long driverId,
            String driverName) {
        return session(key, schema, sessionInfo, null, driverId, driverName);
    }

    public static LiveControl session(String key, byte[] schema, String sessionInfo, Integer rate, long driverId,
            String driverName) {
        return new LiveControl(SESSION, null, key, Base64.getEncoder().encodeToString(schema), sessionInfo, rate, null,
                null, null, driverId, driverName, null, null, null);
    }

    public static LiveControl ended(long lastSeq, long dropped) {
        return new LiveControl(ENDED, null, null, null, null, null, lastSeq, dropped, null, null, null, null, null,
                null);
    }

    public static LiveControl radio(String text) {
        return radio(text, null, null);
    }

    public static LiveControl radio(String text, Long fromUserId, String fromName) {
        return new LiveControl(RADIO, null, null, null, null, null, null, null, text, fromUserId, fromName, null, null,
                null);
    }

    /**
     * The driver's radio as sound, cut to {@link #MAX_CLIP_SAMPLES}; {@code text} the words heard (null when none);
     * the server adds who sent it.
     */
    public static LiveControl radioClip(short[] samples, String text, Long fromUserId, String fromName) {
        int n = Math.min(samples.length, MAX_CLIP_SAMPLES);
        ByteBuffer pcm = ByteBuffer.allocate(n * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            pcm.putShort(samples[i]);
        }
        return new LiveControl(RADIO_CLIP, null, null, null, null, null, null, null, text, fromUserId, fromName, null,
                null, null, null, null, Base64.getEncoder().encodeToString(pcm.array()));
    }

    /** A {@code radio-clip}'s samples; throws IllegalArgumentException when the audio is not base64 16-bit PCM. */
    public short[] clipSamples() {
        byte[] pcm = audio == null ? new byte[0] : Base64.getDecoder().decode(audio);
        if (pcm.length % 2 != 0) {
            throw new IllegalArgumentException("the clip is not 16-bit PCM (an odd number of bytes)");
        }
        short[] samples = new short[pcm.length / 2];
        ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
        return samples;
    }

    public static LiveControl presence(List<Member> members, List<Session> sessions) {
        return new LiveControl(PRESENCE, null, null, null, null, null, null, null, null, null, null, null, members,
                sessions);
    }

    /** A fresh access token of the same user, which keeps the socket open until it expires. */
    public static LiveControl token(String accessToken) {
        return new LiveControl(TOKEN, null, null, null, null, null, null, null, accessToken, null, null, null, null,
                null);
    }

    /** A coach hint, cut to {@link #MAX_COACH_CHARS}. */
    public static LiveControl coach(String text, Coach about) {
        String hint = text.length() > MAX_COACH_CHARS ? text.substring(0, MAX_COACH_CHARS) : text;
        return new LiveControl(COACH, null, null, null, null, null, null, null, hint, null, null, null, null, null,
                about, null);
    }

    /** A pit stop for the driver of {@code sessionKey}; the server adds who sent it ({@code userId}, {@code name}). */
    public static LiveControl pitPlan(String sessionKey, PitPlan plan, Long fromUserId, String fromName) {
        return new LiveControl(PIT_PLAN, null, sessionKey, null, null, null, null, null, null, fromUserId, fromName,
                null, null, null, null, plan);
    }

    public static LiveControl error(String text) {
        return new LiveControl(ERROR, null, null, null, null, null, null, null, text, null, null, null, null, null);
    }

    /** The rate, {@link LiveProtocol#TICK_RATE} when absent. */
    public int tickRate() {
        return rate == null ? LiveProtocol.TICK_RATE : rate;
    }

    /** The decoded schema bytes, or null. */
    public byte[] schemaBytes() {
        return schema == null ? null : Base64.getDecoder().decode(schema);
    }
}
