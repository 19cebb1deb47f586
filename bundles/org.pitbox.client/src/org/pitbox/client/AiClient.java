package org.pitbox.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.pitbox.protocol.ApiPaths;
import org.pitbox.protocol.ProtocolJson;
import org.pitbox.protocol.api.AiApi;
import org.pitbox.protocol.api.AiApi.BudgetRequest;
import org.pitbox.protocol.api.AiApi.BudgetView;
import org.pitbox.protocol.api.AiApi.CardStateRequest;
import org.pitbox.protocol.api.AiApi.ChatRequest;
import org.pitbox.protocol.api.AiApi.ConversationEntry;
import org.pitbox.protocol.api.AiApi.InsightView;
import org.pitbox.protocol.api.AiApi.RatingRequest;
import org.pitbox.protocol.api.AiApi.RatingView;
import org.pitbox.protocol.api.AiApi.Report;
import org.pitbox.protocol.api.AiApi.StrategyCard;

/**
 * The team's AI routes through a signed-in {@link CloudClient} (its server and tokens): the chat about a session,
 * streamed as server-sent events, its conversation and insights, ratings, the report, the JSONL export and the
 * budget. A session is named as the server takes it: a stored session's id ({@code "42"}) or {@code live:KEY}.
 * Failures are {@link CloudException}s with the server's message (e.g. a 429 over the team's budget).
 */
public final class AiClient {
    /** How long the server may take to start an answer, and a whole export. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String SSE = "text/event-stream";

    /** Hears an answer as it streams in, on the chat's own thread. */
    public interface ChatListener {
        /** More text of the answer. */
        void piece(String text);

        /** Forget the pieces so far: the answer starts again ({@code unmatched}: numbers no fact matched). */
        default void restart(String reason, List<String> unmatched) {
        }

        /** A strategy suggestion given with the answer, before it is done. */
        default void card(StrategyCard card) {
        }
    }

    /** An answer on its way: completes with the stored answer, a {@link CloudException}, or a cancellation. */
    public static final class Chat {
        private final CompletableFuture<InsightView> answer = new CompletableFuture<>();
        private volatile Thread thread;
        private volatile Stream<String> lines;
        private volatile boolean cancelled;

        public CompletableFuture<InsightView> answer() {
            return answer;
        }

        /** Stops listening (the server still stores the answer); no listener call follows once this returns. */
        public synchronized void cancel() {
            cancelled = true;
            Stream<String> l = lines;
            if (l != null) {
                l.close();
            }
            Thread t = thread;
            if (t != null && t != Thread.currentThread()) {
                t.interrupt();
            }
            answer.completeExceptionally(new CancellationException("the answer was cancelled"));
        }

        synchronized boolean take(Stream<String> stream) {
            lines = stream;
            return !cancelled;
        }

        boolean cancelled() {
            return cancelled;
        }
    }

    private final CloudClient cloud;
    private final ObjectMapper json = ProtocolJson.mapper();

    public AiClient(CloudClient cloud) {
        this.cloud = cloud;
    }

    /**
     * Asks about a session; the answer streams to {@code listener} on a new thread. {@code lap} may be null.
     */
    public Chat chat(long teamId, String session, String question, Integer lap, ChatListener listener) {
        Chat chat = new Chat();
        chat.thread = Thread.ofPlatform().daemon().name("pitbox-ai-chat").start(() -> {
            try {
                InsightView done = stream(teamId, session, new ChatRequest(question, lap), listener, chat);
                chat.answer.complete(done);
            } catch (IOException | RuntimeException e) {
                chat.answer.completeExceptionally(chat.cancelled() ? new CancellationException("cancelled") : e);
            }
        });
        return chat;
    }

    private InsightView stream(long teamId, String session, ChatRequest body, ChatListener listener, Chat chat)
            throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        String path = sessionPath(teamId, session) + "/chat";
        HttpResponse<Stream<String>> r = cloud.authed(token -> cloud.request("POST", path, token,
                "application/json", BodyPublishers.ofByteArray(bytes), TIMEOUT), BodyHandlers.ofLines());
        try (Stream<String> lines = r.body()) {
            if (!chat.take(lines)) {
                throw new CancellationException("cancelled");
            }
            if (r.statusCode() / 100 != 2) {
                throw cloud.error(r.statusCode(), String.join("\n", lines.toList()).getBytes(StandardCharsets.UTF_8));
            }
            return events(lines.iterator(), listener, chat);
        } catch (java.io.UncheckedIOException e) {
            if (chat.cancelled()) {
                throw new CancellationException("cancelled");
            }
            throw new CloudException("the answer from " + cloud.baseUri() + " was cut off", e.getCause());
        }
    }

    /** Reads {@code event:} and {@code data:} lines; a blank line ends an event. */
    private InsightView events(Iterator<String> lines, ChatListener listener, Chat chat) throws IOException {
        String event = null;
        StringBuilder data = new StringBuilder();
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.isEmpty()) {
                InsightView done = dispatch(event, data.toString(), listener, chat);
                if (done != null) {
                    return done;
                }
                event = null;
                data.setLength(0);
            } else if (line.startsWith("event:")) {
                event = field(line, 6);
            } else if (line.startsWith("data:")) {
                data.append(data.isEmpty() ? "" : "\n").append(field(line, 5));
            }
        }
        InsightView done = dispatch(event, data.toString(), listener, chat);
        if (done == null) {
            throw new CloudException(0, null, "the answer from " + cloud.baseUri() + " stopped before it was done");
        }
        return done;
    }

    /** Tells the listener of one event, unless cancelled ({@link Chat#cancel} waits for a call in progress). */
    private InsightView dispatch(String event, String data, ChatListener listener, Chat chat) throws IOException {
        if (event == null || data.isEmpty()) {
            return null;
        }
        synchronized (chat) {
            if (chat.cancelled()) {
                throw new CancellationException("cancelled");
            }
            return dispatch(event, data, listener);
        }
    }

    private InsightView dispatch(String event, String data, ChatListener listener) throws IOException {
        switch (event) {
            case AiApi.PIECE -> listener.piece(json.readTree(data).path("text").asText());
            case AiApi.RESTART -> {
                JsonNode r = json.readTree(data);
                List<String> unmatched = new ArrayList<>();
                r.path("unmatched").forEach(n -> unmatched.add(n.asText()));
                listener.restart(r.path("reason").asText(), unmatched);
            }
            case AiApi.CARD -> listener.card(json.readValue(data, StrategyCard.class));
            case AiApi.DONE -> {
                return json.readValue(data, InsightView.class);
            }
            default -> {
                // an event this client does not know yet
            }
        }
        return null;
    }

    private static String field(String line, int from) {
        return line.length() > from && line.charAt(from) == ' ' ? line.substring(from + 1) : line.substring(from);
    }

    /** The session's questions and answers, oldest first. */
    public List<ConversationEntry> conversation(long teamId, String session) throws IOException {
        return List.of(cloud.<ConversationEntry[]>call("GET", sessionPath(teamId, session) + "/conversation", null,
                cloud.type(ConversationEntry[].class)));
    }

    /** The session's hints and answers. */
    public List<InsightView> insights(long teamId, String session) throws IOException {
        return List.of(cloud.<InsightView[]>call("GET", sessionPath(teamId, session) + "/insights", null,
                cloud.type(InsightView[].class)));
    }

    /** Rates a hint or answer: useful, wrong, late or irrelevant; {@code comment} may be null. */
    public RatingView rate(long teamId, long insightId, String rating, String comment) throws IOException {
        return cloud.call("POST", aiPath(teamId) + "/insights/" + insightId + "/ratings",
                new RatingRequest(rating, comment), cloud.type(RatingView.class));
    }

    /** Accepts or dismisses ({@code AiApi.ACCEPTED}, {@code AiApi.DISMISSED}) a strategy card of an answer. */
    public InsightView decide(long teamId, long insightId, String cardId, String state) throws IOException {
        return cloud.call("PUT", aiPath(teamId) + "/insights/" + insightId + "/cards/" + cardId,
                new CardStateRequest(state), cloud.type(InsightView.class));
    }

    public Report report(long teamId) throws IOException {
        return cloud.call("GET", aiPath(teamId) + "/report", null, cloud.type(Report.class));
    }

    public BudgetView budget(long teamId) throws IOException {
        return cloud.call("GET", aiPath(teamId) + "/budget", null, cloud.type(BudgetView.class));
    }

    /** Sets the team's budget (its owner only). */
    public BudgetView setBudget(long teamId, int requestsPerMinute, long tokensPerDay) throws IOException {
        return cloud.call("PUT", aiPath(teamId) + "/budget", new BudgetRequest(requestsPerMinute, tokensPerDay),
                cloud.type(BudgetView.class));
    }

    /**
     * Saves the team's insights, ratings and facts as JSON lines to {@code target}, replaced only once the whole
     * export arrived; returns its size in bytes.
     */
    public long export(long teamId, Path target) throws IOException {
        HttpResponse<InputStream> r = cloud.authed(token -> cloud.request("GET", aiPath(teamId) + "/export", token,
                null, null, TIMEOUT), BodyHandlers.ofInputStream());
        try (InputStream in = r.body()) {
            if (r.statusCode() != 200) {
                throw cloud.error(r.statusCode(), in.readAllBytes());
            }
            Path dir = target.toAbsolutePath().getParent();
            Path part = Files.createTempFile(dir, target.getFileName() + ".", ".part");
            try {
                long size;
                try (OutputStream out = Files.newOutputStream(part)) {
                    size = in.transferTo(out);
                }
                CloudClient.move(part, target);
                return size;
            } finally {
                Files.deleteIfExists(part);
            }
        }
    }

    private static String aiPath(long teamId) {
        return ApiPaths.TEAMS + "/" + teamId + "/ai";
    }

    private static String sessionPath(long teamId, String session) {
        return aiPath(teamId) + "/sessions/" + CloudClient.encode(session);
    }

    /** The server's name for a live session. */
    public static String live(String sessionKey) {
        return "live:" + sessionKey;
    }
}
