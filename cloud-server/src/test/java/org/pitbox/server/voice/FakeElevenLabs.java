package org.pitbox.server.voice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pitbox.server.testing.FakeHttp;

/**
 * A local ElevenLabs for tests, on a random loopback port, as the contract in the project's notes describes it:
 * {@code POST /v1/text-to-speech/{voice_id}/stream?output_format=...} with the {@code xi-api-key} header and a JSON
 * body {@code {text, model_id, voice_settings{stability, similarity_boost, style, speed, use_speaker_boost}}},
 * answered with audio in chunks as it is "made": raw S16LE for {@code pcm_*}, MPEG frames for {@code mp3_*}, after
 * {@link #firstByteDelay} (Flash's documented ~75 ms model latency plus network). {@code GET /v1/voices} and
 * {@code GET /v1/models} (each model's character limit, settable). It checks what ElevenLabs checks (key, JSON,
 * model, voice, settings' ranges, output format, text length) and answers in ElevenLabs' error shapes. Replies
 * queued with {@link #enqueue} come first: every documented error shape, current and legacy, slow or cut audio.
 */
public final class FakeElevenLabs implements AutoCloseable {
    public static final String KEY = "sk_fake-elevenlabs-SECRET-4b1d7e";
    public static final String VOICE = "JBFqnCBsd6RMkjVDRZzb";
    public static final String OTHER_VOICE = "EXAVITQu4vr4xnSDxMaL";
    public static final Duration MODEL_LATENCY = Duration.ofMillis(75);
    public static final Duration NETWORK = Duration.ofMillis(30);
    /** Bytes of one PCM chunk: 100 ms at 16 kHz. */
    public static final int PCM_CHUNK = 3200;
    /** Audio per character of text. */
    public static final double SECONDS_PER_CHAR = 0.06;
    private static final Pattern SPEECH = Pattern.compile("/v1/text-to-speech/([^/]+)/stream");
    private static final Set<String> FORMATS = Set.of("mp3_22050_32", "mp3_44100_32", "mp3_44100_64", "mp3_44100_96",
            "mp3_44100_128", "mp3_44100_192", "pcm_8000", "pcm_16000", "pcm_22050", "pcm_24000", "pcm_44100",
            "pcm_48000", "ulaw_8000", "alaw_8000");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the fake answers to one request. */
    public sealed interface Reply {
    }

    /**
     * Audio: the headers after {@code headerDelay}, the first chunk after {@code firstByteDelay} (null: the fake's
     * own), then the chunks; after {@code breakAfter} chunks the connection is cut (-1: never), after
     * {@code stallAfter} chunks the fake falls silent for {@code stall}.
     */
    public record Audio(Duration headerDelay, Duration firstByteDelay, int breakAfter, int stallAfter, Duration stall)
            implements Reply {
        public static Audio normal() {
            return new Audio(Duration.ZERO, null, -1, -1, Duration.ZERO);
        }

        public static Audio cutAfter(int chunks) {
            return new Audio(Duration.ZERO, null, chunks, -1, Duration.ZERO);
        }

        public static Audio stalled(int chunks, Duration stall) {
            return new Audio(Duration.ZERO, null, -1, chunks, stall);
        }

        public static Audio silentHeaders(Duration delay) {
            return new Audio(delay, null, -1, -1, Duration.ZERO);
        }
    }

    /** An error status with its body and headers. */
    public record Error(int status, String body, Map<String, String> headers) implements Reply {
        /** The current shape, {@code {"detail": {"type","code","message","status","request_id","param"}}}. */
        public static Error current(int status, String type, String code, String message, Map<String, String> headers) {
            ObjectNode detail = JSON.createObjectNode().put("type", type).put("code", code).put("message", message)
                    .put("status", code).put("request_id", UUID.randomUUID().toString()).putNull("param");
            return new Error(status, JSON.createObjectNode().set("detail", detail).toString(), headers);
        }

        /** The legacy shape, {@code {"detail": {"status","message"}}}. */
        public static Error legacy(int status, String code, String message, Map<String, String> headers) {
            ObjectNode detail = JSON.createObjectNode().put("status", code).put("message", message);
            return new Error(status, JSON.createObjectNode().set("detail", detail).toString(), headers);
        }

        /** The oldest shape: {@code detail} a plain string. */
        public static Error plain(int status, String message) {
            return new Error(status, JSON.createObjectNode().put("detail", message).toString(), Map.of());
        }

        /** As field reports show it: quota exhaustion as 401 in the legacy shape. */
        public static Error quotaLegacy() {
            return legacy(401, "quota_exceeded", "This request exceeds your quota of 10000. You have 0 credits"
                    + " remaining, while 91 credits are required for this request.", Map.of());
        }

        public static Error quota() {
            return current(400, "invalid_request", "quota_exceeded", "This request exceeds your quota of 10000.",
                    Map.of());
        }

        public static Error invalidKey() {
            return current(401, "authentication_error", "invalid_api_key", "Invalid API key", Map.of());
        }

        public static Error invalidKeyLegacy() {
            return legacy(401, "invalid_api_key", "Invalid API key", Map.of());
        }

        public static Error rateLimit(String retryAfter) {
            return current(429, "rate_limit_error", "rate_limit_exceeded", "Too many requests.", after(retryAfter));
        }

        public static Error concurrentLimit(String retryAfter) {
            return current(429, "rate_limit_error", "concurrent_limit_exceeded", "Too many concurrent requests.",
                    after(retryAfter));
        }

        public static Error tooManyConcurrentLegacy() {
            return legacy(429, "too_many_concurrent_requests", "Too many concurrent requests.", Map.of());
        }

        public static Error systemBusyLegacy() {
            return legacy(429, "system_busy", "Our services are experiencing high levels of traffic.", Map.of());
        }

        public static Error server(int status) {
            return current(status, "internal_error", "internal_server_error", "An internal error occurred.",
                    Map.of());
        }

        /** A proxy's page in front of the API. */
        public static Error badGateway() {
            return new Error(502, "<html><body>502 Bad Gateway</body></html>", Map.of());
        }

        private static Map<String, String> after(String retryAfter) {
            return retryAfter == null ? Map.of() : Map.of("Retry-After", retryAfter);
        }
    }

    /** One request as received. */
    public record Received(String method, String path, String query, String key, String contentType, JsonNode body) {
    }

    private final FakeHttp http;
    private final ConcurrentLinkedQueue<Reply> queue = new ConcurrentLinkedQueue<>();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Integer> modelLimits = new ConcurrentHashMap<>(Map.of("eleven_flash_v2_5", 40_000,
            "eleven_turbo_v2_5", 40_000, "eleven_multilingual_v2", 10_000, "eleven_v3", 3_000));
    private volatile Duration firstByteDelay = MODEL_LATENCY.plus(NETWORK);

    public FakeElevenLabs() {
        http = new FakeHttp(this::reply);
    }

    /** The server settings (environment) that point a server at this fake. */
    public Map<String, String> serverSettings(int timeoutSeconds) {
        return Map.of("PITBOX_ELEVENLABS_BASE_URL", url(), "PITBOX_ELEVENLABS_API_KEY", KEY,
                "PITBOX_ELEVENLABS_TIMEOUT_SECONDS", Integer.toString(timeoutSeconds));
    }

    public String url() {
        return http.url();
    }

    public void enqueue(Reply... replies) {
        queue.addAll(List.of(replies));
    }

    /** Time from the request to the first audio byte of an answer not queued otherwise. */
    public void firstByteDelay(Duration delay) {
        firstByteDelay = delay;
    }

    /** The characters per request {@code GET /v1/models} gives for a model, and the fake enforces. */
    public void modelLimit(String model, int characters) {
        modelLimits.put(model, characters);
    }

    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** The speech requests received. */
    public List<Received> speechRequests() {
        return received().stream().filter(r -> r.path().endsWith("/stream")).toList();
    }

    /** The PCM (S16LE, 16 kHz) the fake speaks for {@code text}: a tone that depends on the text. */
    public static byte[] pcm(String text) {
        int samples = (int) Math.round(text.length() * SECONDS_PER_CHAR * 16_000);
        ByteBuffer b = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        double hz = 180 + Math.floorMod(text.hashCode(), 200);
        for (int i = 0; i < samples; i++) {
            b.putShort((short) (8000 * Math.sin(2 * Math.PI * hz * i / 16_000)));
        }
        return b.array();
    }

    /** MPEG-1 layer III frames (128 kbit/s, 44.1 kHz, 417 bytes each) as long as the text's audio. */
    public static byte[] mp3(String text) {
        int frames = (int) Math.ceil(text.length() * SECONDS_PER_CHAR * 44_100 / 1152);
        byte[] bytes = new byte[frames * 417];
        for (int f = 0; f < frames; f++) {
            int at = f * 417;
            bytes[at] = (byte) 0xFF;
            bytes[at + 1] = (byte) 0xFB;
            bytes[at + 2] = (byte) 0x90;
            bytes[at + 3] = (byte) 0x64;
        }
        return bytes;
    }

    @Override
    public void close() {
        http.close();
    }

    private void reply(HttpExchange x) throws IOException, InterruptedException {
        String path = x.getRequestURI().getPath();
        String query = x.getRequestURI().getRawQuery();
        String key = x.getRequestHeaders().getFirst("xi-api-key");
        JsonNode body = null;
        byte[] raw = x.getRequestBody().readAllBytes();
        try {
            body = raw.length == 0 ? null : JSON.readTree(raw);
        } catch (IOException e) {
            body = null;
        }
        received.add(new Received(x.getRequestMethod(), path, query, key, x.getRequestHeaders()
                .getFirst("Content-Type"), body));
        if (!KEY.equals(key)) {
            send(x, key == null ? Error.current(401, "authentication_error", "missing_api_key",
                    "Missing xi-api-key header", Map.of()) : Error.invalidKey());
            return;
        }
        Matcher speech = SPEECH.matcher(path);
        if (x.getRequestMethod().equals("GET") && path.equals("/v1/voices")) {
            json(x, voices());
        } else if (x.getRequestMethod().equals("GET") && path.equals("/v1/models")) {
            json(x, models());
        } else if (x.getRequestMethod().equals("POST") && speech.matches()) {
            speak(x, speech.group(1), query, body);
        } else {
            send(x, Error.plain(404, "Not Found"));
        }
    }

    private void speak(HttpExchange x, String voice, String query, JsonNode body)
            throws IOException, InterruptedException {
        String format = query(query).getOrDefault("output_format", "mp3_44100_128");
        Error problem = problem(x, voice, format, body);
        if (problem != null) {
            send(x, problem);
            return;
        }
        Reply reply = queue.poll();
        if (reply instanceof Error e) {
            send(x, e);
            return;
        }
        Audio a = reply == null ? Audio.normal() : (Audio) reply;
        String text = body.get("text").asText();
        byte[] audio = format.startsWith("pcm_") ? pcm(text) : mp3(text);
        Thread.sleep(a.headerDelay().toMillis());
        x.getResponseHeaders().set("Content-Type", format.startsWith("mp3_") ? "audio/mpeg"
                : "application/octet-stream");
        x.getResponseHeaders().set("request-id", UUID.randomUUID().toString());
        x.getResponseHeaders().set("character-cost", Integer.toString(text.length()));
        x.sendResponseHeaders(200, 0);
        OutputStream out = x.getResponseBody();
        out.flush();
        Duration first = a.firstByteDelay() != null ? a.firstByteDelay() : firstByteDelay;
        Thread.sleep(Math.max(0, first.toMillis() - a.headerDelay().toMillis()));
        int chunk = format.startsWith("pcm_") ? PCM_CHUNK : 417 * 4;
        int sent = 0;
        for (int at = 0; at < audio.length; at += chunk) {
            if (sent == a.breakAfter()) {
                throw new IllegalStateException("the fake cuts the connection"); // HttpServer drops it, unended
            }
            if (sent == a.stallAfter()) {
                Thread.sleep(a.stall().toMillis());
            }
            out.write(audio, at, Math.min(chunk, audio.length - at));
            out.flush();
            sent++;
        }
    }

    /** What ElevenLabs would refuse in this request, or null. */
    private Error problem(HttpExchange x, String voice, String format, JsonNode body) {
        if (!String.valueOf(x.getRequestHeaders().getFirst("Content-Type")).startsWith("application/json")
                || body == null || !body.isObject()) {
            return validation("body", "a JSON object is required");
        }
        if (!FORMATS.contains(format)) {
            return validation("output_format", "unknown output format " + format);
        }
        if (!body.path("text").isTextual() || body.get("text").asText().isEmpty()) {
            return validation("text", "field required");
        }
        for (String field : List.of("previous_text", "next_text")) {
            if (body.has(field) && !body.get(field).isTextual()) {
                return validation(field, "str type expected");
            }
        }
        String model = body.path("model_id").asText("eleven_multilingual_v2");
        if (!modelLimits.containsKey(model)) {
            return Error.current(400, "invalid_request", "model_not_found", "Model " + model + " not found",
                    Map.of());
        }
        if (body.get("text").asText().length() > modelLimits.get(model)) {
            return Error.current(400, "invalid_request", "max_character_limit_exceeded", "Text is longer than "
                    + modelLimits.get(model) + " characters", Map.of());
        }
        if (!voice.equals(VOICE) && !voice.equals(OTHER_VOICE)) {
            return Error.current(400, "invalid_request", "voice_not_found", "A voice with the voice_id " + voice
                    + " was not found.", Map.of());
        }
        JsonNode s = body.path("voice_settings");
        if (!s.isMissingNode()) {
            for (String field : List.of("stability", "similarity_boost", "style")) {
                if (s.has(field) && !(s.get(field).isNumber() && s.get(field).asDouble() >= 0
                        && s.get(field).asDouble() <= 1)) {
                    return validation("voice_settings." + field, "must be between 0 and 1");
                }
            }
            if (s.has("speed") && !(s.get("speed").isNumber() && s.get("speed").asDouble() >= 0.7
                    && s.get("speed").asDouble() <= 1.2)) {
                return validation("voice_settings.speed", "must be between 0.7 and 1.2");
            }
            if (s.has("use_speaker_boost") && !s.get("use_speaker_boost").isBoolean()) {
                return validation("voice_settings.use_speaker_boost", "must be a boolean");
            }
        }
        return null;
    }

    /** FastAPI's 422: {@code {"detail": [{"loc": [...], "msg": "...", "type": "..."}]}}. */
    private static Error validation(String field, String message) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode item = body.putArray("detail").addObject();
        ArrayNode loc = item.putArray("loc");
        loc.add("body");
        for (String part : field.split("\\.")) {
            loc.add(part);
        }
        item.put("msg", message).put("type", "value_error");
        return new Error(422, body.toString(), Map.of());
    }

    private static ObjectNode voice(String id, String name) {
        ObjectNode v = JSON.createObjectNode().put("voice_id", id).put("name", name).put("category", "premade")
                .put("description", "").put("preview_url", "https://example.invalid/" + id + ".mp3");
        v.putObject("labels").put("accent", "british");
        v.putObject("settings").put("stability", 0.5).put("similarity_boost", 0.75);
        return v;
    }

    private static JsonNode voices() {
        ObjectNode list = JSON.createObjectNode();
        list.putArray("voices").add(voice(VOICE, "George")).add(voice(OTHER_VOICE, "Sarah"));
        return list;
    }

    private JsonNode models() {
        ArrayNode list = JSON.createArrayNode();
        modelLimits.forEach((id, limit) -> list.addObject().put("model_id", id).put("name", id)
                .put("can_do_text_to_speech", true).put("max_characters_request_free_user", Math.min(limit, 2500))
                .put("max_characters_request_subscribed_user", limit).put("maximum_text_length_per_request", limit)
                .put("token_cost_factor", 1.0));
        return list;
    }

    private static Map<String, String> query(String query) {
        Map<String, String> q = new HashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    q.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return q;
    }

    private static void json(HttpExchange x, JsonNode body) throws IOException {
        FakeHttp.send(x, 200, Map.of(), "application/json", body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange x, Error e) throws IOException {
        FakeHttp.send(x, e.status(), e.headers(), e.body().startsWith("<") ? "text/html" : "application/json",
                e.body().getBytes(StandardCharsets.UTF_8));
    }
}
