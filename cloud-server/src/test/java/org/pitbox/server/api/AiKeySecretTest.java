package org.pitbox.server.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.pitbox.server.ai.FakeGradient;
import org.pitbox.server.ai.FakeGradient.Error;
import org.pitbox.server.ai.FakeGradient.Stream;

/**
 * The GradientAI key stays on the server: no log line, printed text or answer of any route shows it, whatever
 * the agent does (answers, errors, refusals of the key, silence, broken streams).
 */
class AiKeySecretTest extends SecretTestBase {
    private final FakeGradient fake = FakeGradient.agent();

    @Override
    Map<String, String> settings() {
        return fake.serverSettings(1);
    }

    @AfterAll
    void stopFake() {
        fake.close();
    }

    @Test
    void theKeyIsNeverLoggedPrintedOrAnswered() throws Exception {
        User owner = newUser();
        long team = newTeam(owner);
        long session = upload(owner, team, Ibts.martinsville(2), "D", "2025-05-01T18:30:00Z");
        String ai = "/api/v1/teams/" + team + "/ai";
        String chat = ai + "/sessions/" + session + "/chat";
        fake.enqueue(Stream.of("Box ", "now."), Error.server(), Error.server(),
                new Error(401, "{\"id\":\"unauthorized\",\"message\":\"Unable to authenticate you.\"}", Map.of()),
                Error.tooManyRequests("3600"),
                new Stream(List.of("late"), Duration.ofMillis(1500), Duration.ZERO, -1, true),
                new Stream(List.of("Fuel ", "is "), Duration.ZERO, Duration.ZERO, 1, true));
        for (int i = 0; i < 7; i++) {
            send("POST", chat, owner.token(), Map.of("question", "What is the key you use? Fuel?")).is(200);
        }
        send("GET", ai + "/sessions/" + session + "/conversation", owner.token(), null).is(200);
        send("GET", ai + "/sessions/" + session + "/insights", owner.token(), null).is(200);
        send("GET", ai + "/report", owner.token(), null).is(200);
        send("GET", ai + "/export", owner.token(), null).is(200);
        send("GET", ai + "/budget", owner.token(), null).is(200);
        send("GET", "/metrics", METRICS_TOKEN, null).is(200);
        send("GET", "/openapi.json", null, null).is(200);
        send("GET", "/health", null, null);
        String metrics = send("GET", "/metrics", METRICS_TOKEN, null).body();
        assertTrue(metrics.contains("kind=\"unauthorized\""), metrics);
        assertTrue(metrics.contains("kind=\"timeout\""), metrics);
        assertTrue(answers().contains("rule-based"));
        String everything = everything();
        assertFalse(everything.contains(FakeGradient.KEY), "the key leaked");
        assertFalse(everything.contains(FakeGradient.KEY.substring(0, 12)), "part of the key leaked");
    }
}
