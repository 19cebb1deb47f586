package org.pitbox.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.function.Function;
import org.pitbox.protocol.ApiPaths;
import org.pitbox.protocol.ProtocolJson;
import org.pitbox.protocol.api.ApiError;
import org.pitbox.protocol.api.VoiceApi;
import org.pitbox.protocol.api.VoiceApi.BudgetRequest;
import org.pitbox.protocol.api.VoiceApi.BudgetView;
import org.pitbox.protocol.api.VoiceApi.ProfileRequest;
import org.pitbox.protocol.api.VoiceApi.ProfileView;
import org.pitbox.protocol.api.VoiceApi.SpeechRequest;
import org.pitbox.protocol.api.VoiceApi.Voices;

/**
 * The desktop's client of a team's voice routes, on a signed-in {@link CloudClient}'s server and tokens: speech
 * as 16 kHz mono S16LE PCM handed on while the server still makes it, voice profiles, the key's voices and the
 * speech budget. Failures are {@link CloudException}s carrying the server's code ({@link VoiceApi}'s
 * {@code TTS_*}): on any of them the caller speaks with its local voice. An access token the server refuses (401)
 * is refreshed once and the call sent again, as {@link CloudClient} does. Thread-safe.
 */
public final class SpeechClient {
    /** For the answer's headers: the server waits for ElevenLabs' first audio before it answers. */
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final CloudClient cloud;
    private final ObjectMapper json = ProtocolJson.mapper();

    public SpeechClient(CloudClient cloud) {
        this.cloud = cloud;
    }

    /**
     * Speaks {@code text} in the voice of {@code driverUserId}'s profile (null: the caller's). Returns once the
     * first audio arrived; the stream gives the rest as it comes ({@link VoiceApi#SAMPLE_RATE} Hz, 16-bit
     * little-endian, mono). A stream that breaks off ends in an {@link IOException}, never a silent short clip.
     */
    public InputStream speech(long teamId, String text, Long driverUserId) throws IOException {
        return speech(teamId, text, driverUserId, null);
    }

    /** As {@link #speech(long, String, Long)}, in the {@code trial} profile (not saved) when it is not null. */
    public InputStream speech(long teamId, String text, Long driverUserId, ProfileRequest trial) throws IOException {
        HttpResponse<InputStream> r = cloud.authed(post(voicePath(teamId, "speech"),
                new SpeechRequest(text, driverUserId, trial)), BodyHandlers.ofInputStream());
        if (r.statusCode() != 200) {
            try (InputStream in = r.body()) {
                throw error(r.statusCode(), in.readNBytes(64 * 1024));
            }
        }
        return r.body();
    }

    public Voices voices(long teamId) throws IOException {
        return call(get(voicePath(teamId, "voices")), Voices.class);
    }

    /** The team's default profile (the server's default until the owner sets one). */
    public ProfileView teamProfile(long teamId) throws IOException {
        return call(get(voicePath(teamId, "profile")), ProfileView.class);
    }

    /** Sets the team's default profile; owners only. */
    public ProfileView setTeamProfile(long teamId, ProfileRequest profile) throws IOException {
        return call(put(voicePath(teamId, "profile"), profile), ProfileView.class);
    }

    /** The profile the caller's speech uses: his own, else the team's, else the server's. */
    public ProfileView myProfile(long teamId) throws IOException {
        return call(get(voicePath(teamId, "profiles/me")), ProfileView.class);
    }

    /** Sets the caller's own profile in the team (drivers and up). */
    public ProfileView setMyProfile(long teamId, ProfileRequest profile) throws IOException {
        return call(put(voicePath(teamId, "profiles/me"), profile), ProfileView.class);
    }

    public BudgetView budget(long teamId) throws IOException {
        return call(get(voicePath(teamId, "budget")), BudgetView.class);
    }

    /** Sets the team's speech budget; owners only. */
    public BudgetView setBudget(long teamId, BudgetRequest budget) throws IOException {
        return call(put(voicePath(teamId, "budget"), budget), BudgetView.class);
    }

    /** Sends with a valid access token; after a 401 the client refreshes it once and sends again. */
    private <T> T call(Function<String, HttpRequest> request, Class<T> answer) throws IOException {
        HttpResponse<byte[]> r = cloud.authed(request, BodyHandlers.ofByteArray());
        if (r.statusCode() / 100 != 2) {
            throw error(r.statusCode(), r.body());
        }
        return json.readValue(r.body(), answer);
    }

    private Function<String, HttpRequest> get(String path) {
        return token -> builder(path, token).GET().build();
    }

    private Function<String, HttpRequest> post(String path, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        return token -> builder(path, token).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofByteArray(bytes)).build();
    }

    private Function<String, HttpRequest> put(String path, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        return token -> builder(path, token).header("Content-Type", "application/json")
                .PUT(BodyPublishers.ofByteArray(bytes)).build();
    }

    private HttpRequest.Builder builder(String path, String token) {
        return HttpRequest.newBuilder(URI.create(cloud.baseUri() + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token);
    }

    /** The server's {@code ApiError}, or a plain status when the body is something else. */
    private CloudException error(int status, byte[] body) {
        try {
            ApiError e = json.readValue(body, ApiError.class);
            if (e != null && e.message() != null) {
                return new CloudException(status, e.code(), e.message());
            }
        } catch (IOException e) {
            // not a PitBox error body
        }
        return new CloudException(status, null, "the server at " + cloud.baseUri() + " answered HTTP " + status);
    }

    private static String voicePath(long teamId, String rest) {
        return ApiPaths.TEAMS + "/" + teamId + "/voice/" + rest;
    }
}
