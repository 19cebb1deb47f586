package org.pitbox.server.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.pitbox.server.testing.FakeHttp;

/**
 * A local GradientAI for tests, on a random loopback port, as the contract in the project's notes describes it:
 * {@code POST /api/v1/chat/completions?agent=true} (agent) or {@code POST /v1/chat/completions} with a model
 * (serverless); {@code Authorization: Bearer KEY}; an OpenAI chat body; {@code stream: true} answered with
 * {@code chat.completion.chunk} events and {@code data: [DONE]}, {@code stream: false} with one
 * {@code chat.completion}; DigitalOcean's error bodies {@code {"id","message"}}; 429 with {@code Retry-After} and
 * the {@code ratelimit-*} headers; OpenAI-style {@code tools} (functions only, each with a name and an object of
 * parameters), {@code tool_choice}, assistant messages with {@code tool_calls} and {@code tool} messages, each
 * answering a call id of the assistant message before it, every call answered. Replies queued with
 * {@link #enqueue} come first (errors, slow answers, broken streams, tool calls); otherwise {@link #answerWith}
 * decides the text.
 */
public final class FakeGradient implements AutoCloseable {
    public static final String KEY = "fake-agent-key-SECRET-7f3a91";
    public static final Duration GATE_WAIT = Duration.ofSeconds(10);
    /** How long a cut stream without a gate waits before the cut, so that the client reads what came. */
    static final Duration CUT_PAUSE = Duration.ofMillis(300);
    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the fake answers to one request. */
    public sealed interface Reply {
    }

    /**
     * A streamed answer in {@code pieces}; {@code headerDelay} before the status line, {@code firstPieceDelay}
     * after it; {@code breakAfter} pieces the connection is cut (-1: never); {@code done} false leaves out
     * {@code [DONE]} and ends the stream cleanly; {@code gate}, when set, is awaited after the first piece, or in a
     * cut stream just before the cut, so that the client has read the pieces sent before the connection drops (for
     * at most {@link #GATE_WAIT}), and whether it opened is kept in {@link #gates()}.
     */
    public record Stream(List<String> pieces, Duration headerDelay, Duration firstPieceDelay, int breakAfter,
            boolean done, CountDownLatch gate) implements Reply {
        public Stream(List<String> pieces, Duration headerDelay, Duration firstPieceDelay, int breakAfter,
                boolean done) {
            this(pieces, headerDelay, firstPieceDelay, breakAfter, done, null);
        }

        public static Stream of(String... pieces) {
            return new Stream(List.of(pieces), Duration.ZERO, Duration.ZERO, -1, true);
        }

        /** Sends the first piece, then waits for {@code gate} before the others. */
        public static Stream gated(CountDownLatch gate, String... pieces) {
            return new Stream(List.of(pieces), Duration.ZERO, Duration.ZERO, -1, true, gate);
        }
    }

    /**
     * A streamed turn that calls functions: each call's id, type and name in its first delta, then its arguments
     * in pieces of {@code argumentPiece} characters, then {@code finish_reason: tool_calls}. A null id or name is
     * left out of the deltas (a malformed call).
     */
    public record ToolCalls(List<Call> calls, int argumentPiece) implements Reply {
        public record Call(String id, String name, String arguments) {
        }

        public static ToolCalls of(Call... calls) {
            return new ToolCalls(List.of(calls), 7);
        }
    }

    /** An error status with its body and headers. */
    public record Error(int status, String body, Map<String, String> headers) implements Reply {
        public static Error tooManyRequests(String retryAfter) {
            long reset = System.currentTimeMillis() / 1000 + 60;
            return new Error(429, "{\"id\":\"too_many_requests\",\"message\":\"API rate limit exceeded.\"}",
                    retryAfter == null ? Map.of("ratelimit-limit", "60", "ratelimit-remaining", "0",
                            "ratelimit-reset", Long.toString(reset))
                            : Map.of("Retry-After", retryAfter, "ratelimit-limit", "60", "ratelimit-remaining", "0",
                                    "ratelimit-reset", Long.toString(reset)));
        }

        public static Error server() {
            return new Error(500, "{\"id\":\"server_error\",\"message\":\"Unexpected server-side error\","
                    + "\"request_id\":\"4851a473-1621-42ea-b2f9-5071c0ea8414\"}", Map.of());
        }
    }

    private final FakeHttp http;
    private final boolean serverless;
    private final ConcurrentLinkedQueue<Reply> queue = new ConcurrentLinkedQueue<>();
    private final List<JsonNode> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<Boolean> gates = Collections.synchronizedList(new ArrayList<>());
    private final AtomicReference<Function<JsonNode, String>> answer =
            new AtomicReference<>(request -> "Box this lap.");

    private FakeGradient(boolean serverless) {
        this.serverless = serverless;
        http = new FakeHttp(this::reply);
    }

    /** A fake agent endpoint. */
    public static FakeGradient agent() {
        return new FakeGradient(false);
    }

    /** A fake serverless inference endpoint. */
    public static FakeGradient serverless() {
        return new FakeGradient(true);
    }

    /** The server settings (environment) that point a server's agent at this fake. */
    public Map<String, String> serverSettings(int timeoutSeconds) {
        return Map.of("PITBOX_GRADIENT_BASE_URL", url(), "PITBOX_GRADIENT_API_KEY", KEY,
                "PITBOX_GRADIENT_TIMEOUT_SECONDS", Integer.toString(timeoutSeconds));
    }

    public String url() {
        return http.url();
    }

    public void enqueue(Reply... replies) {
        queue.addAll(List.of(replies));
    }

    /** The text of answers not queued, from the request body; streamed word by word. */
    public void answerWith(Function<JsonNode, String> answer) {
        this.answer.set(answer);
    }

    /** Every well-formed request body received, in order. */
    public List<JsonNode> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** For each gated stream, whether its gate opened before the wait ran out. */
    public List<Boolean> gates() {
        synchronized (gates) {
            return List.copyOf(gates);
        }
    }

    @Override
    public void close() {
        http.close();
    }

    private void reply(HttpExchange x) throws IOException, InterruptedException {
        String path = x.getRequestURI().getPath();
        String query = String.valueOf(x.getRequestURI().getQuery());
        boolean route = serverless ? path.equals("/v1/chat/completions")
                : path.equals("/api/v1/chat/completions") && query.contains("agent=true");
        if (!route || !x.getRequestMethod().equals("POST")) {
            send(x, new Error(404, "{\"id\":\"not_found\",\"message\":\"The resource you were accessing could"
                    + " not be found.\"}", Map.of()));
            return;
        }
        if (!("Bearer " + KEY).equals(x.getRequestHeaders().getFirst("Authorization"))) {
            send(x, new Error(401, "{\"id\":\"unauthorized\",\"message\":\"Unable to authenticate you.\"}",
                    Map.of()));
            return;
        }
        JsonNode body;
        try {
            body = JSON.readTree(x.getRequestBody().readAllBytes());
        } catch (IOException e) {
            body = null;
        }
        String problem = problem(x, body);
        if (problem != null) {
            send(x, new Error(400, JSON.createObjectNode().put("id", "bad_request").put("message", problem)
                    .toString(), Map.of()));
            return;
        }
        requests.add(body);
        Reply reply = queue.poll();
        if (reply == null) {
            reply = new Stream(List.of(answer.get().apply(body).split("(?<= )")), Duration.ZERO, Duration.ZERO, -1,
                    true);
        }
        if (reply instanceof ToolCalls t) {
            toolCalls(x, t);
        } else if (reply instanceof Stream s && !body.path("stream").asBoolean()) {
            whole(x, String.join("", s.pieces()));
        } else if (reply instanceof Stream s) {
            stream(x, s, body.path("stream_options").path("include_usage").asBoolean());
        } else {
            send(x, (Error) reply);
        }
    }

    /** What is wrong with the request, or null. */
    private String problem(HttpExchange x, JsonNode body) {
        String type = String.valueOf(x.getRequestHeaders().getFirst("Content-Type"));
        if (!type.startsWith("application/json")) {
            return "Content-Type must be application/json";
        }
        if (body == null || !body.isObject()) {
            return "the body must be a JSON object";
        }
        JsonNode messages = body.path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            return "messages must be a non-empty array";
        }
        String calls = calls(messages);
        if (calls != null) {
            return calls;
        }
        String tools = tools(body);
        if (tools != null) {
            return tools;
        }
        if (serverless && !body.path("model").isTextual()) {
            return "model is required";
        }
        if (body.has("stream") && !body.get("stream").isBoolean()) {
            return "stream must be a boolean";
        }
        if (body.has("max_tokens") && !body.get("max_tokens").canConvertToInt()) {
            return "max_tokens must be an integer";
        }
        return null;
    }

    /**
     * What is wrong with the messages' roles, text and tool calls: every {@code tool} message answers a call of
     * the assistant message before it, and every call is answered before the next other message.
     */
    private static String calls(JsonNode messages) {
        Set<String> open = new java.util.HashSet<>();
        for (JsonNode m : messages) {
            String role = m.path("role").asText();
            if (!ROLES.contains(role) || !m.path("content").isTextual()) {
                return "each message needs a role and text content";
            }
            if (role.equals("tool")) {
                if (!open.remove(m.path("tool_call_id").asText(""))) {
                    return "a tool message must answer a tool_call_id of the assistant message before it";
                }
                continue;
            }
            if (!open.isEmpty()) {
                return "tool calls " + open + " have no tool message";
            }
            if (m.has("tool_calls") && !role.equals("assistant")) {
                return "only assistant messages have tool_calls";
            }
            for (JsonNode c : m.path("tool_calls")) {
                if (!c.path("id").isTextual() || !c.path("type").asText().equals("function")
                        || !c.path("function").path("name").isTextual()
                        || !c.path("function").path("arguments").isTextual() || !open.add(c.get("id").asText())) {
                    return "each tool call needs a distinct id, type function, a name and arguments as text";
                }
            }
        }
        return open.isEmpty() ? null : "tool calls " + open + " have no tool message";
    }

    /** What is wrong with {@code tools} and {@code tool_choice}. */
    private static String tools(JsonNode body) {
        JsonNode tools = body.path("tools");
        if (body.has("tools")) {
            if (!tools.isArray() || tools.isEmpty()) {
                return "tools must be a non-empty array";
            }
            for (JsonNode t : tools) {
                JsonNode f = t.path("function");
                if (!t.path("type").asText().equals("function") || !f.path("name").asText("")
                        .matches("[A-Za-z0-9_-]{1,64}") || !f.path("parameters").path("type").asText().equals("object")
                        || !f.path("parameters").path("properties").isObject()) {
                    return "each tool needs type function, a name and parameters of type object";
                }
            }
        }
        JsonNode choice = body.path("tool_choice");
        if (body.has("tool_choice")) {
            if (!body.has("tools")) {
                return "tool_choice needs tools";
            }
            if (!Set.of("none", "auto", "required").contains(choice.asText())
                    && !choice.path("function").path("name").isTextual()) {
                return "tool_choice must be none, auto, required or a function";
            }
        }
        return null;
    }

    private void toolCalls(HttpExchange x, ToolCalls t) throws IOException {
        x.getResponseHeaders().set("Content-Type", "text/event-stream");
        x.sendResponseHeaders(200, 0);
        OutputStream out = x.getResponseBody();
        for (int i = 0; i < t.calls().size(); i++) {
            ToolCalls.Call c = t.calls().get(i);
            ObjectNode first = chunk();
            ObjectNode call = first.withArray("choices").addObject().put("index", 0).putNull("finish_reason")
                    .putObject("delta").put("role", "assistant").putArray("tool_calls").addObject().put("index", i);
            if (c.id() != null) {
                call.put("id", c.id()).put("type", "function");
            }
            ObjectNode function = call.putObject("function").put("arguments", "");
            if (c.name() != null) {
                function.put("name", c.name());
            }
            event(out, first.toString());
            for (int k = 0; k < c.arguments().length(); k += t.argumentPiece()) {
                ObjectNode more = chunk();
                more.withArray("choices").addObject().put("index", 0).putNull("finish_reason").putObject("delta")
                        .putArray("tool_calls").addObject().put("index", i).putObject("function")
                        .put("arguments", c.arguments().substring(k, Math.min(c.arguments().length(),
                                k + t.argumentPiece())));
                event(out, more.toString());
            }
        }
        ObjectNode last = chunk();
        last.withArray("choices").addObject().put("index", 0).put("finish_reason", "tool_calls").putObject("delta");
        event(out, last.toString());
        event(out, "[DONE]");
    }

    private void stream(HttpExchange x, Stream s, boolean usage) throws IOException, InterruptedException {
        Thread.sleep(s.headerDelay().toMillis());
        x.getResponseHeaders().set("Content-Type", "text/event-stream");
        x.getResponseHeaders().set("Cache-Control", "no-cache");
        x.sendResponseHeaders(200, 0);
        OutputStream out = x.getResponseBody();
        out.flush();
        Thread.sleep(s.firstPieceDelay().toMillis());
        int sent = 0;
        for (String piece : s.pieces()) {
            if (sent == s.breakAfter()) {
                beforeCut(s);
                throw new IllegalStateException("the fake cuts the connection"); // HttpServer drops it, unended
            }
            ObjectNode delta = chunk();
            delta.withArray("choices").addObject().put("index", 0).putNull("finish_reason")
                    .putObject("delta").put("role", "assistant").put("content", piece);
            event(out, delta.toString());
            sent++;
            if (sent == 1 && s.breakAfter() < 0) {
                awaitGate(s);
            }
        }
        if (!s.done()) {
            return;
        }
        ObjectNode last = chunk();
        last.withArray("choices").addObject().put("index", 0).put("finish_reason", "stop").putObject("delta");
        event(out, last.toString());
        if (usage) {
            ObjectNode u = chunk();
            u.putArray("choices");
            int completion = s.pieces().size();
            u.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", completion)
                    .put("total_tokens", 100 + completion);
            event(out, u.toString());
        }
        event(out, "[DONE]");
    }

    private static void whole(HttpExchange x, String text) throws IOException {
        ObjectNode c = JSON.createObjectNode().put("id", "chatcmpl-fake").put("object", "chat.completion")
                .put("created", System.currentTimeMillis() / 1000).put("model", "fake");
        c.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop").putObject("message")
                .put("role", "assistant").put("content", text);
        c.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 10).put("total_tokens", 110);
        FakeHttp.send(x, 200, Map.of(), "application/json", c.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectNode chunk() {
        return JSON.createObjectNode().put("id", "chatcmpl-fake").put("object", "chat.completion.chunk")
                .put("created", System.currentTimeMillis() / 1000).put("model", "fake");
    }

    private void awaitGate(Stream s) throws InterruptedException {
        if (s.gate() != null) {
            gates.add(s.gate().await(GATE_WAIT.toMillis(), TimeUnit.MILLISECONDS));
        }
    }

    /**
     * Before a cut: the JDK's client drops the pieces it has received but not yet read when the connection fails,
     * so the fake waits until they are read (the gate) or, without one, a moment.
     */
    private void beforeCut(Stream s) throws InterruptedException {
        if (s.gate() != null) {
            awaitGate(s);
        } else {
            Thread.sleep(CUT_PAUSE.toMillis());
        }
    }

    private static void event(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void send(HttpExchange x, Error e) throws IOException {
        FakeHttp.send(x, e.status(), e.headers(), "application/json", e.body().getBytes(StandardCharsets.UTF_8));
    }
}
