package org.pitbox.protocol.api;

import java.util.List;

/**
 * The JSON bodies of the voice routes ({@code /teams/{id}/voice/...}): speech from the team's ElevenLabs key,
 * voice profiles, the voices the key offers and the team's speech budget. Speech answers with raw PCM
 * ({@link #PCM_MEDIA_TYPE}); every failure is an {@link ApiError} whose code is one of the {@code TTS_*} below,
 * on which the desktop speaks with its local voice instead.
 */
public final class VoiceApi {
    /** Signed 16-bit little-endian mono samples at 16 kHz, as the speech route streams them. */
    public static final String PCM_MEDIA_TYPE = "audio/L16;rate=16000;channels=1";
    public static final int SAMPLE_RATE = 16_000;
    /** No key on the server, ElevenLabs unreachable, failing or refusing the key: the local voice speaks. */
    public static final String TTS_UNAVAILABLE = "tts_unavailable";
    /** The ElevenLabs account's credits are used up. */
    public static final String TTS_QUOTA = "tts_quota";
    /** The team's own speech budget (requests a minute, characters a day) is used up; Retry-After says when. */
    public static final String TTS_OVER_BUDGET = "tts_over_budget";
    /** ElevenLabs stayed busy (its rate or concurrency limit) after one wait. */
    public static final String TTS_BUSY = "tts_busy";
    /** Longer than the server's or the model's limit per request. */
    public static final String TTS_TOO_LONG = "tts_too_long";
    /** The documented ranges of the voice settings. */
    public static final double MIN_SPEED = 0.7, MAX_SPEED = 1.2;

    private VoiceApi() {
    }

    /**
     * Text to speak; {@code driverUserId} picks whose profile speaks it (default: the caller's). A {@code trial}
     * profile, checked like a stored one, speaks it instead, so a profile can be heard before it is saved.
     */
    public record SpeechRequest(String text, Long driverUserId, ProfileRequest trial) {
    }

    /**
     * A voice profile to store: a voice of {@link Voices} and its settings (speed {@link #MIN_SPEED} to
     * {@link #MAX_SPEED}, the others 0 to 1). Null fields take the default's value.
     */
    public record ProfileRequest(String voiceId, Double speed, Double stability, Double similarity, Double style) {
    }

    /** A profile in effect; {@code scope} says where it came from: {@code driver}, {@code team} or {@code default}. */
    public record ProfileView(String scope, String voiceId, double speed, double stability, double similarity,
            double style) {
    }

    /** One voice the team's key offers. */
    public record VoiceView(String voiceId, String name, String category, String previewUrl) {
    }

    public record Voices(List<VoiceView> voices) {
    }

    public record BudgetRequest(Integer requestsPerMinute, Long charactersPerDay) {
    }

    /** The team's speech budget and the characters sent to ElevenLabs today (UTC; cached phrases are free). */
    public record BudgetView(int requestsPerMinute, long charactersPerDay, long charactersUsedToday) {
    }
}
