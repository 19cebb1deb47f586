package org.pitbox.server.voice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.pitbox.server.voice.TtsException.Kind;

/**
 * ElevenLabs' REST API as its documentation describes it: {@code POST /v1/text-to-speech/{voice}/stream} (audio
 * handed on as it arrives), {@code GET /v1/voices} and {@code GET /v1/models}, each with the {@code xi-api-key}
 * header. Error bodies are read in the current shape {@code {"detail": {"type","code","message","status",
 * "request_id","param"}}}, the legacy one ({@code detail.status}, or {@code detail} a string) and FastAPI's 422
 * list. A 429 (rate or concurrency limit, system busy) is tried once more after its {@code Retry-After} when that
 * is at most {@link #MAX_RETRY_WAIT}. The key goes only into the header: no message names it.
 */
public final class ElevenLabsClient {
    public static final Duration MAX_RETRY_WAIT = Duration.ofSeconds(3);
    public static final Duration DEFAULT_RETRY_WAIT = Duration.ofMillis(250);
    public static final String PCM_16000 = "pcm_16000";
    public static final String MP3 = "mp3_44100_128";
    /** Voices one list keeps. */
    public static final int MAX_VOICES = 500;
    private static final int ERROR_BYTES = 16 * 1024;
    private static final int LIST_BYTES = 4 << 20;
    private static final Set<String> QUOTA = Set.of("quota_exceeded");
    private static final Set<String> TOO_LONG = Set.of("max_character_limit_exceeded", "text_too_long");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Waits before the retry; tests record the wait instead. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    /** The voice settings of one request: speed 0.7..1.2, the others 0..1. */
    public record Tuning(double speed, double stability, double similarity, double style) {
    }

    /** A voice the key offers. */
    public record Voice(String voiceId, String name, String category, String previewUrl) {
    }

    /** A model and its characters per request (0 when ElevenLabs did not say). */
    public record Model(String modelId, String name, boolean textToSpeech, int maxCharacters) {
    }

    /** Audio as it arrives; close it when done. {@code requestId} is ElevenLabs' (may be null). */
    public record Audio(InputStream body, String requestId) implements Closeable {
        @Override
        public void close() throws IOException {
            body.close();
        }
    }

    private final VoiceSettings settings;
    private final Clock clock;
    private final Sleeper sleeper;
    private final HttpClient http;

    public ElevenLabsClient(VoiceSettings settings, Clock clock, Sleeper sleeper) {
        if (!settings.configured()) {
            throw new IllegalArgumentException("ElevenLabs needs elevenlabs-api-key");
        }
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * Starts speaking {@code text}: returns once ElevenLabs answered 200, with the audio still arriving.
     *
     * @param format {@link #PCM_16000} (raw S16LE) or an MP3 format such as {@link #MP3}
     */
    public Audio speech(String voiceId, String text, Tuning tuning, String format) throws TtsException {
        return speech(voiceId, text, null, null, tuning, format);
    }

    /**
     * Speaks {@code text} as a part of a longer line: ElevenLabs' request stitching ({@code previous_text},
     * {@code next_text}) gives the part the intonation it has in the line; either may be null.
     */
    public Audio speech(String voiceId, String text, String previous, String next, Tuning tuning, String format)
            throws TtsException {
        ObjectNode body = JSON.createObjectNode().put("text", text).put("model_id", settings.model());
        if (previous != null && !previous.isEmpty()) {
            body.put("previous_text", previous);
        }
        if (next != null && !next.isEmpty()) {
            body.put("next_text", next);
        }
        body.putObject("voice_settings").put("stability", tuning.stability())
                .put("similarity_boost", tuning.similarity()).put("style", tuning.style())
                .put("speed", tuning.speed()).put("use_speaker_boost", true);
        URI uri = URI.create(settings.baseUrl() + "/v1/text-to-speech/" + encode(voiceId) + "/stream?output_format="
                + encode(format));
        HttpRequest request = request(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
        HttpResponse<InputStream> r = withRetry(request);
        return new Audio(new SilenceGuard(r.body(), settings.timeout()), r.headers().firstValue("request-id")
                .orElse(null));
    }

    /** The voices the key offers, at most {@link #MAX_VOICES}. */
    public List<Voice> voices() throws TtsException {
        JsonNode list = getJson("/v1/voices").path("voices");
        if (!list.isArray()) {
            throw new TtsException(Kind.BAD_RESPONSE, "ElevenLabs' voice list has no voices array");
        }
        List<Voice> voices = new ArrayList<>();
        for (JsonNode v : list) {
            if (voices.size() < MAX_VOICES && v.path("voice_id").isTextual()) {
                voices.add(new Voice(v.get("voice_id").asText(), v.path("name").asText(""),
                        v.path("category").asText(""), v.path("preview_url").asText(null)));
            }
        }
        return voices;
    }

    /** The models, each with its characters per request. */
    public List<Model> models() throws TtsException {
        JsonNode list = getJson("/v1/models");
        if (!list.isArray()) {
            throw new TtsException(Kind.BAD_RESPONSE, "ElevenLabs' model list is no array");
        }
        List<Model> models = new ArrayList<>();
        for (JsonNode m : list) {
            int max = m.path("maximum_text_length_per_request").asInt(0);
            if (max <= 0) {
                max = m.path("max_characters_request_subscribed_user").asInt(0);
            }
            models.add(new Model(m.path("model_id").asText(""), m.path("name").asText(""),
                    m.path("can_do_text_to_speech").asBoolean(true), Math.max(0, max)));
        }
        return models;
    }

    private JsonNode getJson(String path) throws TtsException {
        HttpResponse<InputStream> r = withRetry(request(URI.create(settings.baseUrl() + path))
                .header("Accept", "application/json").GET().build());
        try (InputStream in = new SilenceGuard(r.body(), settings.timeout())) {
            byte[] bytes = in.readNBytes(LIST_BYTES + 1);
            if (bytes.length > LIST_BYTES) {
                throw new TtsException(Kind.BAD_RESPONSE, "ElevenLabs' answer to " + path + " is over "
                        + (LIST_BYTES >> 20) + " MB");
            }
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new TtsException(Kind.DISCONNECTED, "ElevenLabs' answer to " + path + " broke off or is not JSON");
        }
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(settings.timeout()).header("xi-api-key", settings.apiKey());
    }

    /** The 200 answer; a 429 is sent once more after its wait when that is short enough. */
    private HttpResponse<InputStream> withRetry(HttpRequest request) throws TtsException {
        try {
            return once(request);
        } catch (TtsException e) {
            Duration wait = e.kind() != Kind.BUSY ? null : e.retryAfter() == null ? DEFAULT_RETRY_WAIT : e.retryAfter();
            if (wait == null || wait.compareTo(MAX_RETRY_WAIT) > 0) {
                throw e;
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException i) {
                Thread.currentThread().interrupt();
                throw e;
            }
            return once(request);
        }
    }

    private HttpResponse<InputStream> once(HttpRequest request) throws TtsException {
        HttpResponse<InputStream> r;
        try {
            r = http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                    .get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw timeout();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HttpTimeoutException) {
                throw timeout();
            }
            throw new TtsException(Kind.UNREACHABLE, "ElevenLabs is unreachable at " + settings.baseUrl() + " ("
                    + e.getCause().getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TtsException(Kind.UNREACHABLE, "interrupted while calling ElevenLabs");
        }
        if (r.statusCode() == 200) {
            return r;
        }
        throw failure(r);
    }

    private TtsException timeout() {
        return new TtsException(Kind.TIMEOUT, "ElevenLabs sent no answer within " + settings.timeout());
    }

    /** The error answer as an exception of the right kind. */
    private TtsException failure(HttpResponse<InputStream> r) {
        int status = r.statusCode();
        JsonNode detail = null;
        try (InputStream in = r.body()) {
            JsonNode body = JSON.readTree(in.readNBytes(ERROR_BYTES));
            detail = body == null ? null : body.get("detail");
        } catch (IOException e) {
            // not JSON: the status says enough
        }
        String code = null;
        String message = null;
        String requestId = null;
        if (detail != null && detail.isObject()) {
            code = text(detail, "code");
            code = code != null ? code : text(detail, "status");
            message = text(detail, "message");
            requestId = text(detail, "request_id");
        } else if (detail != null && detail.isTextual()) {
            message = detail.asText();
        } else if (detail != null && detail.isArray() && !detail.isEmpty()) {
            code = "validation_error";
            message = detail.get(0).path("msg").asText("") + " at " + detail.get(0).path("loc");
        }
        String what = "ElevenLabs answered " + status + (code == null ? "" : " " + code)
                + (message == null ? "" : ": " + shorten(message)) + (requestId == null ? "" : " (request "
                + shorten(requestId) + ")");
        if (code != null && QUOTA.contains(code)) {
            return new TtsException(Kind.QUOTA, code, what, null);
        }
        if (status == 401 || "invalid_api_key".equals(code)) {
            return new TtsException(Kind.INVALID_KEY, code, what + "; check elevenlabs-api-key", null);
        }
        if (status == 429) {
            return new TtsException(Kind.BUSY, code, what, retryAfter(r));
        }
        if (status >= 500) {
            return new TtsException(Kind.SERVER, code, what, null);
        }
        boolean tooLong = code != null && TOO_LONG.contains(code);
        return new TtsException(tooLong ? Kind.TOO_LONG : Kind.REJECTED, code, what, null);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }

    private static String shorten(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= 200 ? one : one.substring(0, 200) + "...";
    }

    /** Retry-After in seconds or as an HTTP date; null when absent or unreadable. */
    private Duration retryAfter(HttpResponse<?> r) {
        String after = r.headers().firstValue("Retry-After").map(String::strip).orElse(null);
        if (after == null) {
            return null;
        }
        try {
            Duration wait = after.matches("\\d{1,9}") ? Duration.ofSeconds(Long.parseLong(after))
                    : Duration.between(clock.instant(), ZonedDateTime.parse(after,
                            DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
