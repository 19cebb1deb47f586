package org.pitbox.server.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.pitbox.server.ai.AiException.Kind;

/**
 * Calls GradientAI's chat completions with {@code stream: true} and hands the answer on piece by piece as the
 * server-sent events arrive. One retry on 429 and 5xx, after the answer's {@code Retry-After} (or
 * {@code ratelimit-reset}) when it is at most {@link #MAX_RETRY_WAIT}; a {@link CircuitBreaker} stops calls while
 * the service keeps failing. Offered {@link Tools}, it runs the functions the model calls and carries on
 * (bounded rounds, calls and argument sizes). The key goes only into the Authorization header: no message or log
 * names it.
 */
public final class GradientClient {
    public static final Duration MAX_RETRY_WAIT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_RETRY_WAIT = Duration.ofMillis(500);
    /** Characters of an answer kept; a longer stream is cut there. */
    public static final int MAX_ANSWER_CHARS = 8000;
    /** Rounds of tool calls in one answer, calls in one round, and characters of a call's name and arguments. */
    public static final int MAX_TOOL_ROUNDS = 3;
    public static final int MAX_TOOL_CALLS = 8;
    public static final int MAX_NAME_CHARS = 64;
    public static final int MAX_ARGUMENT_CHARS = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "pitbox-ai-watchdog");
        t.setDaemon(true);
        return t;
    });

    /** Waits before the retry; tests record the wait instead. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    /** A whole answer and the tokens it cost (estimated at 4 characters a token when the stream gave no usage). */
    public record Completion(String text, int promptTokens, int completionTokens, String finishReason) {
        public int tokens() {
            return promptTokens + completionTokens;
        }
    }

    private final AiSettings settings;
    private final URI endpoint;
    private final Clock clock;
    private final Sleeper sleeper;
    private final CircuitBreaker breaker;
    private final HttpClient http;

    public GradientClient(AiSettings settings, Clock clock, Sleeper sleeper, CircuitBreaker breaker) {
        if (!settings.configured()) {
            throw new IllegalArgumentException("GradientAI needs gradient-base-url (or gradient-agent-id) and"
                    + " gradient-api-key");
        }
        this.settings = settings;
        this.endpoint = URI.create(settings.baseUrl() + (settings.model() == null
                ? "/api/v1/chat/completions?agent=true" : "/v1/chat/completions"));
        this.clock = clock;
        this.sleeper = sleeper;
        this.breaker = breaker;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public CircuitBreaker breaker() {
        return breaker;
    }

    /** Streams an answer to {@code onPiece} without tools; a retry happens only before any piece was handed on. */
    public Completion stream(List<ChatMessage> messages, int maxTokens, Consumer<String> onPiece)
            throws AiException {
        return stream(messages, maxTokens, null, onPiece);
    }

    /** Whether {@link #stream(List, int, Tools, Consumer)} offers the model its tools (setting gradient-tools). */
    public boolean offersTools() {
        return settings.tools();
    }

    /**
     * Streams an answer to {@code onPiece}. With {@code tools} (and gradient-tools on) the model may call them: its
     * streamed {@code tool_calls} are run here, their results go back as {@code tool} messages and the answer
     * continues, for at most {@value #MAX_TOOL_ROUNDS} rounds (the last request says {@code tool_choice: none}).
     * Each request is retried once on 429 and 5xx, before any of its pieces was handed on.
     */
    public Completion stream(List<ChatMessage> messages, int maxTokens, Tools tools, Consumer<String> onPiece)
            throws AiException {
        if (!breaker.allow()) {
            throw new AiException(Kind.CIRCUIT_OPEN, "GradientAI failed repeatedly; calls pause for a while");
        }
        Tools offered = settings.tools() ? tools : null;
        List<ChatMessage> sent = new ArrayList<>(messages);
        StringBuilder text = new StringBuilder();
        int prompt = 0;
        int answer = 0;
        try {
            for (int round = 0;; round++) {
                Round r = request(body(sent, maxTokens, offered, round == MAX_TOOL_ROUNDS), onPiece);
                text.append(r.text());
                prompt += r.promptTokens();
                answer += r.completionTokens();
                if (r.calls().isEmpty()) {
                    breaker.succeeded();
                    return new Completion(text.toString(), prompt, answer, r.finishReason());
                }
                if (offered == null || round == MAX_TOOL_ROUNDS) {
                    throw new AiException(Kind.BAD_RESPONSE, offered == null ? "GradientAI called a tool it was not"
                            + " offered" : "GradientAI still called tools after " + MAX_TOOL_ROUNDS + " rounds");
                }
                sent.add(ChatMessage.calls(r.text(), r.calls()));
                for (ChatMessage.ToolCall c : r.calls()) {
                    sent.add(ChatMessage.tool(c.id(), result(offered, c)));
                }
            }
        } catch (AiException e) {
            breaker.failed();
            throw e;
        }
    }

    /** One request, retried once after the wait a 429 or 5xx asks for. */
    private Round request(String body, Consumer<String> onPiece) throws AiException {
        try {
            try {
                return once(body, onPiece);
            } catch (Retryable r) {
                try {
                    sleeper.sleep(r.wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw r.failure;
                }
                return once(body, onPiece);
            }
        } catch (Retryable r) {
            throw r.failure;
        }
    }

    /** A tool's result; an error result for arguments over the bound or a tool that failed. */
    private static String result(Tools tools, ChatMessage.ToolCall call) {
        if (call.arguments().length() > MAX_ARGUMENT_CHARS) {
            return error("arguments longer than " + MAX_ARGUMENT_CHARS + " characters");
        }
        try {
            return tools.call(call.name(), call.arguments());
        } catch (RuntimeException e) {
            return error("the function failed");
        }
    }

    static String error(String message) {
        return JSON.createObjectNode().put("error", message).toString();
    }

    /** A failure worth one more try after {@code wait}. */
    private static final class Retryable extends Exception {
        private static final long serialVersionUID = 1L;
        final transient AiException failure;
        final transient Duration wait;

        Retryable(AiException failure, Duration wait) {
            super(null, null, false, false);
            this.failure = failure;
            this.wait = wait;
        }
    }

    private Round once(String body, Consumer<String> onPiece) throws AiException, Retryable {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(settings.timeout())
                .header("Authorization", "Bearer " + settings.apiKey())
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<InputStream> response;
        try {
            response = http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                    .get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AiException(Kind.TIMEOUT, "GradientAI sent no answer within " + settings.timeout());
        } catch (ExecutionException e) {
            boolean timeout = e.getCause() instanceof java.net.http.HttpTimeoutException;
            throw new AiException(timeout ? Kind.TIMEOUT : Kind.UNREACHABLE, timeout
                    ? "GradientAI sent no answer within " + settings.timeout()
                    : "GradientAI is unreachable (" + e.getCause().getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AiException(Kind.UNREACHABLE, "interrupted");
        }
        try (InputStream in = response.body()) {
            int status = response.statusCode();
            if (status != 200) {
                fail(response, in);
            }
            return events(in, onPiece);
        } catch (IOException e) {
            throw new AiException(Kind.DISCONNECTED, "GradientAI's answer broke off");
        }
    }

    private String body(List<ChatMessage> messages, int maxTokens, Tools tools, boolean lastRound) {
        ObjectNode body = JSON.createObjectNode();
        if (settings.model() != null) {
            body.put("model", settings.model());
        }
        ArrayNode list = body.putArray("messages");
        for (ChatMessage m : messages) {
            ObjectNode o = list.addObject().put("role", m.role()).put("content", m.content());
            if (!m.toolCalls().isEmpty()) {
                ArrayNode calls = o.putArray("tool_calls");
                m.toolCalls().forEach(c -> calls.addObject().put("id", c.id()).put("type", "function")
                        .putObject("function").put("name", c.name()).put("arguments", c.arguments()));
            }
            if (m.toolCallId() != null) {
                o.put("tool_call_id", m.toolCallId());
            }
        }
        if (tools != null) {
            body.set("tools", tools.schema());
            body.put("tool_choice", lastRound ? "none" : "auto");
        }
        body.put("stream", true);
        body.putObject("stream_options").put("include_usage", true);
        body.put("max_tokens", maxTokens);
        return body.toString();
    }

    /** What one request streamed: text, tokens, why it stopped and the tools it called. */
    private record Round(String text, int promptTokens, int completionTokens, String finishReason,
            List<ChatMessage.ToolCall> calls) {
    }

    /** A tool call as its deltas arrive: the id and name come once, the arguments in pieces. */
    private static final class PartialCall {
        String id;
        final StringBuilder name = new StringBuilder();
        final StringBuilder arguments = new StringBuilder();

        void add(JsonNode delta) {
            if (delta.path("id").isTextual()) {
                id = delta.get("id").asText();
            }
            JsonNode f = delta.path("function");
            append(name, f.path("name").asText(""), MAX_NAME_CHARS);
            append(arguments, f.path("arguments").asText(""), MAX_ARGUMENT_CHARS);
        }

        /** Keeps one character past {@code max}, so that an overlong text shows as one. */
        private static void append(StringBuilder b, String piece, int max) {
            b.append(piece, 0, Math.max(0, Math.min(piece.length(), max + 1 - b.length())));
        }

        ChatMessage.ToolCall call() throws AiException {
            if (id == null || id.isBlank() || id.length() > MAX_NAME_CHARS || name.isEmpty()) {
                throw new AiException(Kind.BAD_RESPONSE, "GradientAI sent a tool call without an id or a name");
            }
            return new ChatMessage.ToolCall(id, name.toString(), arguments.toString());
        }
    }

    /** Throws the error answer as an exception, or as a {@link Retryable} for 429 and 5xx. */
    private void fail(HttpResponse<?> response, InputStream in) throws IOException, AiException, Retryable {
        int status = response.statusCode();
        String id = "";
        try {
            JsonNode error = JSON.readTree(in.readNBytes(16 * 1024));
            id = error == null ? "" : error.path("id").asText("");
        } catch (IOException e) {
            // not JSON: the status says enough
        }
        String what = "GradientAI answered " + status + (id.isEmpty() ? "" : " " + id);
        if (status == 401 || status == 403) {
            throw new AiException(Kind.UNAUTHORIZED, what + ": check gradient-api-key");
        }
        if (status != 429 && status < 500) {
            throw new AiException(Kind.REJECTED, what);
        }
        AiException e = new AiException(status == 429 ? Kind.RATE_LIMITED : Kind.SERVER, what);
        Duration wait = retryWait(response);
        if (wait == null) {
            throw e;
        }
        throw new Retryable(e, wait);
    }

    /** Retry-After in seconds or as a date, else ratelimit-reset (epoch seconds); null when too long to wait. */
    private Duration retryWait(HttpResponse<?> response) {
        Duration wait = DEFAULT_RETRY_WAIT;
        String after = response.headers().firstValue("Retry-After").orElse(null);
        String reset = response.headers().firstValue("ratelimit-reset").orElse(null);
        try {
            if (after != null && after.strip().matches("\\d{1,9}")) {
                wait = Duration.ofSeconds(Long.parseLong(after.strip()));
            } else if (after != null) {
                wait = Duration.between(clock.instant(),
                        ZonedDateTime.parse(after.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } else if (reset != null && response.statusCode() == 429) {
                wait = Duration.ofSeconds(Long.parseLong(reset.strip()) - clock.instant().getEpochSecond());
            }
        } catch (RuntimeException e) {
            wait = DEFAULT_RETRY_WAIT;
        }
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(MAX_RETRY_WAIT) > 0 ? null : wait;
    }

    /** Reads {@code data:} events until {@code [DONE]}; a silence longer than the timeout ends the stream. */
    private Round events(InputStream in, Consumer<String> onPiece) throws IOException, AiException {
        AtomicBoolean silent = new AtomicBoolean();
        Map<Integer, PartialCall> calls = new TreeMap<>();
        StringBuilder text = new StringBuilder();
        StringBuilder data = new StringBuilder();
        JsonNode usage = null;
        String finish = null;
        ScheduledFuture<?> watch = watch(in, silent);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                watch.cancel(false);
                watch = watch(in, silent);
                if (line.startsWith("data:")) {
                    data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).stripLeading());
                    continue;
                }
                if (!line.isEmpty() || data.isEmpty()) {
                    continue; // comments, other fields, blank lines between events
                }
                String event = data.toString();
                data.setLength(0);
                if (event.equals("[DONE]")) {
                    return round(text.toString(), usage, finish, calls);
                }
                JsonNode chunk = parse(event);
                if (chunk.has("error")) {
                    throw new AiException(Kind.SERVER, "GradientAI's stream reported an error");
                }
                if (chunk.path("usage").isObject()) {
                    usage = chunk.get("usage");
                }
                JsonNode choice = chunk.path("choices").path(0);
                finish = choice.path("finish_reason").isTextual() ? choice.get("finish_reason").asText() : finish;
                for (JsonNode d : choice.path("delta").path("tool_calls")) {
                    int index = d.path("index").asInt(-1);
                    if (index < 0 || index >= MAX_TOOL_CALLS) {
                        throw new AiException(Kind.BAD_RESPONSE, "GradientAI sent a tool call without an index or"
                                + " more than " + MAX_TOOL_CALLS);
                    }
                    calls.computeIfAbsent(index, i -> new PartialCall()).add(d);
                }
                String piece = choice.path("delta").path("content").asText("");
                if (!piece.isEmpty() && text.length() < MAX_ANSWER_CHARS) {
                    piece = piece.substring(0, Math.min(piece.length(), MAX_ANSWER_CHARS - text.length()));
                    text.append(piece);
                    onPiece.accept(piece);
                }
            }
        } catch (IOException e) {
            if (silent.get()) {
                throw new AiException(Kind.TIMEOUT, "GradientAI's stream was silent for " + settings.timeout());
            }
            throw e;
        } finally {
            watch.cancel(false);
        }
        throw new AiException(Kind.DISCONNECTED, "GradientAI's stream ended before [DONE]");
    }

    private ScheduledFuture<?> watch(InputStream in, AtomicBoolean silent) {
        return WATCHDOG.schedule(() -> {
            silent.set(true);
            try {
                in.close();
            } catch (IOException e) {
                // closing is all that was wanted
            }
        }, settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private static JsonNode parse(String event) throws AiException {
        try {
            JsonNode chunk = JSON.readTree(event);
            if (chunk == null || !chunk.isObject()) {
                throw new AiException(Kind.BAD_RESPONSE, "GradientAI sent an event that is no JSON object");
            }
            return chunk;
        } catch (IOException e) {
            throw new AiException(Kind.BAD_RESPONSE, "GradientAI sent an event that is not JSON");
        }
    }

    private static Round round(String text, JsonNode usage, String finish, Map<Integer, PartialCall> partial)
            throws AiException {
        int prompt = usage == null ? 0 : usage.path("prompt_tokens").asInt(0);
        int answer = usage == null || !usage.has("completion_tokens") ? (text.length() + 3) / 4
                : usage.path("completion_tokens").asInt(0);
        List<ChatMessage.ToolCall> calls = new ArrayList<>();
        for (PartialCall p : partial.values()) {
            calls.add(p.call());
        }
        return new Round(text, prompt, answer, finish, calls);
    }
}
