package org.pitbox.server.voice;

import java.net.URI;
import java.time.Duration;

/**
 * How the server reaches ElevenLabs and what each team may use of it by default. The key is a secret: only
 * {@link #toString()}'s {@code ***} ever shows it.
 *
 * @param baseUrl           ElevenLabs' API root
 * @param apiKey            the {@code xi-api-key}; null: no speech from the server, the desktop's local voice speaks
 * @param model             the model, {@code eleven_flash_v2_5} unless set
 * @param voiceId           the voice used when neither the driver nor the team chose one
 * @param timeout           for the answer's headers and then for each silence in its audio
 * @param requestsPerMinute a team's default request budget
 * @param charactersPerDay  a team's default character budget (UTC days)
 * @param cacheBytes        the memory the cache of repeated phrases may hold
 */
public record VoiceSettings(String baseUrl, String apiKey, String model, String voiceId, Duration timeout,
        int requestsPerMinute, long charactersPerDay, long cacheBytes) {
    public static final String DEFAULT_BASE_URL = "https://api.elevenlabs.io";
    public static final String DEFAULT_MODEL = "eleven_flash_v2_5";
    /** A premade voice every account has (the docs' examples use it). */
    public static final String DEFAULT_VOICE = "JBFqnCBsd6RMkjVDRZzb";

    public VoiceSettings {
        baseUrl = baseUrl == null ? DEFAULT_BASE_URL : baseUrl.replaceFirst("/+$", "");
        URI uri = URI.create(baseUrl);
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("elevenlabs-base-url must be an http(s) URL");
        }
        model = model == null ? DEFAULT_MODEL : model;
        voiceId = voiceId == null ? DEFAULT_VOICE : voiceId;
        if (!model.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new IllegalArgumentException("elevenlabs-model must be a model id like " + DEFAULT_MODEL);
        }
        if (!voiceId.matches(Profiles.VOICE_ID)) {
            throw new IllegalArgumentException("elevenlabs-voice-id must be a voice id like " + DEFAULT_VOICE);
        }
    }

    /** True when a key is set. */
    public boolean configured() {
        return apiKey != null;
    }

    @Override
    public String toString() {
        return "[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "unset" : "***") + ", model=" + model
                + ", voiceId=" + voiceId + ", timeout=" + timeout + ", requestsPerMinute=" + requestsPerMinute
                + ", charactersPerDay=" + charactersPerDay + ", cacheBytes=" + cacheBytes + "]";
    }
}
