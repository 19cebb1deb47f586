package org.pitbox.server.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pitbox.server.ai.AiException.Kind;
import org.pitbox.server.ai.FakeGradient.Error;
import org.pitbox.server.ai.FakeGradient.Stream;
import org.pitbox.server.api.MutableClock;

/** The GradientAI client against the local fake: streaming, every error, the retry and the circuit breaker. */
class GradientClientTest {
    private static final Duration TIMEOUT = Duration.ofMillis(700);
    private static final List<ChatMessage> QUESTION = List.of(ChatMessage.system("You are a race engineer."),
            ChatMessage.user("How much fuel do we need?"));

    private final MutableClock clock = new MutableClock();
    private final List<Duration> waits = new ArrayList<>();
    private final List<String> pieces = new ArrayList<>();
    private FakeGradient fake;

    @AfterEach
    void stop() {
        fake.close();
    }

    private GradientClient client(FakeGradient f, String key, String model) {
        fake = f;
        return new GradientClient(new AiSettings(f.url(), key, model, TIMEOUT, 10, 1000, true), clock, waits::add,
                new CircuitBreaker(3, Duration.ofSeconds(30), clock));
    }

    private GradientClient agent() throws Exception {
        return client(FakeGradient.agent(), FakeGradient.KEY, null);
    }

    private AiException fails(GradientClient c, Kind kind) {
        AiException e = assertThrows(AiException.class, () -> c.stream(QUESTION, 200, pieces::add));
        assertEquals(kind, e.kind(), e.getMessage());
        assertFalse(e.getMessage().contains(FakeGradient.KEY), e.getMessage());
        return e;
    }

    @Test
    void streamsTheAgentsAnswerPieceByPieceUntilDone() throws Exception {
        GradientClient c = agent();
        fake.enqueue(Stream.of("You need ", "41.5 l ", "to finish."));
        GradientClient.Completion answer = c.stream(QUESTION, 200, pieces::add);
        assertEquals(List.of("You need ", "41.5 l ", "to finish."), pieces);
        assertEquals("You need 41.5 l to finish.", answer.text());
        assertEquals("stop", answer.finishReason());
        assertEquals(103, answer.tokens());
        JsonNode body = fake.requests().getFirst();
        assertTrue(body.get("stream").asBoolean());
        assertEquals(200, body.get("max_tokens").asInt());
        assertEquals("system", body.at("/messages/0/role").asText());
        assertEquals("How much fuel do we need?", body.at("/messages/1/content").asText());
        assertFalse(body.has("model"));
    }

    @Test
    void serverlessInferenceSendsTheModel() throws Exception {
        GradientClient c = client(FakeGradient.serverless(), FakeGradient.KEY, "llama3.3-70b-instruct");
        assertEquals("Box this lap.", c.stream(QUESTION, 50, pieces::add).text());
        assertEquals("llama3.3-70b-instruct", fake.requests().getFirst().get("model").asText());
    }

    @Test
    void aWrongKeyIsUnauthorizedWithoutRetry() throws Exception {
        GradientClient c = client(FakeGradient.agent(), "wrong-key", null);
        assertTrue(fails(c, Kind.UNAUTHORIZED).getMessage().contains("401 unauthorized"));
        assertEquals(List.of(), waits);
    }

    @Test
    void aRejectedRequestIsNotRetried() throws Exception {
        GradientClient c = agent();
        fake.enqueue(new Error(400, "{\"id\":\"bad_request\",\"message\":\"no\"}", Map.of()));
        fails(c, Kind.REJECTED);
        assertEquals(1, fake.requests().size());
    }

    @Test
    void aServerErrorIsRetriedOnce() throws Exception {
        GradientClient c = agent();
        fake.enqueue(Error.server(), Stream.of("Pit now."));
        assertEquals("Pit now.", c.stream(QUESTION, 50, pieces::add).text());
        assertEquals(List.of(GradientClient.DEFAULT_RETRY_WAIT), waits);
        fake.enqueue(Error.server(), Error.server());
        assertTrue(fails(c, Kind.SERVER).getMessage().contains("500 server_error"));
        assertEquals(4, fake.requests().size());
    }

    @Test
    void tooManyRequestsWaitsForRetryAfter() throws Exception {
        GradientClient c = agent();
        fake.enqueue(Error.tooManyRequests("2"), Stream.of("Pit now."));
        assertEquals("Pit now.", c.stream(QUESTION, 50, pieces::add).text());
        assertEquals(List.of(Duration.ofSeconds(2)), waits);
        fake.enqueue(Error.tooManyRequests("1"), Error.tooManyRequests("1"));
        fails(c, Kind.RATE_LIMITED);
        assertEquals(4, fake.requests().size());
    }

    @Test
    void aRetryAfterTooFarAwayIsNotWaitedFor() throws Exception {
        GradientClient c = agent();
        fake.enqueue(Error.tooManyRequests("3600"));
        fails(c, Kind.RATE_LIMITED);
        fake.enqueue(Error.tooManyRequests(null)); // ratelimit-reset a minute away
        fails(c, Kind.RATE_LIMITED);
        assertEquals(List.of(), waits);
        assertEquals(2, fake.requests().size());
    }

    @Test
    void slowHeadersTimeOut() throws Exception {
        GradientClient c = agent();
        fake.enqueue(new Stream(List.of("late"), TIMEOUT.multipliedBy(3), Duration.ZERO, -1, true));
        fails(c, Kind.TIMEOUT);
    }

    @Test
    void aSlowFirstPieceTimesOut() throws Exception {
        GradientClient c = agent();
        fake.enqueue(new Stream(List.of("late"), Duration.ZERO, TIMEOUT.multipliedBy(3), -1, true));
        fails(c, Kind.TIMEOUT);
        assertEquals(List.of(), pieces);
    }

    @Test
    void aCutStreamIsADisconnectAfterThePiecesThatCame() throws Exception {
        GradientClient c = agent();
        CountDownLatch read = new CountDownLatch(2); // a cut can drop what the client has not read yet
        fake.enqueue(new Stream(List.of("Fuel ", "is ", "short"), Duration.ZERO, Duration.ZERO, 2, true, read));
        AiException cut = assertThrows(AiException.class, () -> c.stream(QUESTION, 200, p -> {
            pieces.add(p);
            read.countDown();
        }));
        assertEquals(Kind.DISCONNECTED, cut.kind(), cut.getMessage());
        assertEquals(List.of("Fuel ", "is "), pieces);
        pieces.clear();
        fake.enqueue(new Stream(List.of("Fuel ", "is "), Duration.ZERO, Duration.ZERO, -1, false));
        assertTrue(fails(c, Kind.DISCONNECTED).getMessage().contains("[DONE]"));
        assertEquals(List.of("Fuel ", "is "), pieces);
    }

    @Test
    void theCircuitOpensAfterRepeatedFailuresAndClosesAfterATrial() throws Exception {
        GradientClient c = agent();
        for (int i = 0; i < 3; i++) {
            fake.enqueue(new Error(400, "{\"id\":\"bad_request\",\"message\":\"no\"}", Map.of()));
            fails(c, Kind.REJECTED);
        }
        fails(c, Kind.CIRCUIT_OPEN);
        assertEquals(3, fake.requests().size());
        clock.advance(Duration.ofSeconds(31));
        fake.enqueue(Error.server(), Error.server());
        fails(c, Kind.SERVER); // the trial failed: open again
        fails(c, Kind.CIRCUIT_OPEN);
        clock.advance(Duration.ofSeconds(31));
        assertEquals("Box this lap.", c.stream(QUESTION, 50, pieces::add).text());
        assertFalse(c.breaker().isOpen());
    }
}
