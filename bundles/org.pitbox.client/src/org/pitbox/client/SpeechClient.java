package org.pitbox.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
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
 * {@code TTS_*}): on any of them the caller speaks with its local voice. Thread-safe.
 */
public final class SpeechClient {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** For the answer's headers: the server waits for ElevenLabs' first audio before it answers. */
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final CloudClient cloud;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
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
        HttpResponse<InputStream> r = send(post(voicePath(teamId, "speech"), new SpeechRequest(text, driverUserId)),
                BodyHandlers.ofInputStream());
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

    private <T> T call(HttpRequest request, Class<T> answer) throws IOException {
        HttpResponse<byte[]> r = send(request, BodyHandlers.ofByteArray());
        if (r.statusCode() / 100 != 2) {
            throw error(r.statusCode(), r.body());
        }
        return json.readValue(r.body(), answer);
    }

    private HttpRequest get(String path) throws IOException {
        return builder(path).GET().build();
    }

    private HttpRequest post(String path, Object body) throws IOException {
        return builder(path).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build();
    }

    private HttpRequest put(String path, Object body) throws IOException {
        return builder(path).header("Content-Type", "application/json")
                .PUT(BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build();
    }

    private HttpRequest.Builder builder(String path) throws IOException {
        String token;
        try {
            token = cloud.accessToken();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return HttpRequest.newBuilder(URI.create(cloud.baseUri() + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token);
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException {
        try {
            return http.send(request, handler);
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new CloudException("cannot reach the server at " + cloud.baseUri(), e);
        } catch (HttpTimeoutException e) {
            throw new CloudException("the server at " + cloud.baseUri() + " did not answer in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while talking to " + cloud.baseUri());
        }
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
