package org.pitbox.server.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pitbox.server.ai.AiException.Kind;
import org.pitbox.server.ai.FakeGradient.Stream;
import org.pitbox.server.ai.FakeGradient.ToolCalls;
import org.pitbox.server.ai.FakeGradient.ToolCalls.Call;
import org.pitbox.server.api.MutableClock;

/**
 * Function calling against the local fake: streamed {@code tool_calls} deltas put together, run on the server,
 * their results sent back as {@code tool} messages (the fake checks every call id is answered) and the answer
 * continued; bad calls, the argument bound and the rounds limit.
 */
class GradientToolsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<ChatMessage> QUESTION = List.of(ChatMessage.system("You are a race engineer."),
            ChatMessage.user("How much fuel do we need?"));

    /** Answers every call with its name and arguments, and keeps them. */
    private static final class Echo implements Tools {
        final List<String> called = new ArrayList<>();

        @Override
        public JsonNode schema() {
            try {
                return JSON.readTree("[{\"type\":\"function\",\"function\":{\"name\":\"fuel_to_finish\","
                        + "\"parameters\":{\"type\":\"object\",\"properties\":{}}}}]");
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String call(String name, String arguments) {
            called.add(name + " " + arguments);
            return name.equals("fuel_to_finish") ? "{\"facts\":[{\"id\":\"fuel.to_add\",\"value\":12.5,\"unit\":\"L\"}]}"
                    : GradientClient.error("no function " + name);
        }
    }

    private final MutableClock clock = new MutableClock();
    private final List<String> pieces = new ArrayList<>();
    private final Echo tools = new Echo();
    private final FakeGradient fake = FakeGradient.agent();

    @AfterEach
    void stop() {
        fake.close();
    }

    private GradientClient client(boolean offer) {
        return new GradientClient(new AiSettings(fake.url(), FakeGradient.KEY, null, Duration.ofSeconds(5), 10, 1000,
                offer), clock, d -> { }, new CircuitBreaker(3, Duration.ofSeconds(30), clock));
    }

    @Test
    void toolCallsArePutTogetherRunAndAnsweredThenTheAnswerStreams() throws Exception {
        fake.enqueue(ToolCalls.of(new Call("call_a1", "fuel_to_finish", "{\"laps\": 12, \"margin\": \"5 %\"}"),
                new Call("call_b2", "stint_plan", "{}")), Stream.of("Add ", "12.5 L."));
        GradientClient.Completion c = client(true).stream(QUESTION, 100, tools, pieces::add);
        assertEquals("Add 12.5 L.", c.text());
        assertEquals(List.of("Add ", "12.5 L."), pieces);
        assertEquals(List.of("fuel_to_finish {\"laps\": 12, \"margin\": \"5 %\"}", "stint_plan {}"), tools.called);
        JsonNode first = fake.requests().get(0);
        assertEquals("fuel_to_finish", first.at("/tools/0/function/name").asText());
        assertEquals("auto", first.get("tool_choice").asText());
        JsonNode messages = fake.requests().get(1).get("messages");
        assertEquals(QUESTION.size() + 3, messages.size());
        JsonNode asked = messages.get(2);
        assertEquals("assistant", asked.get("role").asText());
        assertEquals("call_a1", asked.at("/tool_calls/0/id").asText());
        assertEquals("{\"laps\": 12, \"margin\": \"5 %\"}", asked.at("/tool_calls/0/function/arguments").asText());
        assertEquals("call_b2", messages.get(4).get("tool_call_id").asText());
        assertTrue(messages.get(3).get("content").asText().contains("12.5"));
        assertTrue(messages.get(4).get("content").asText().contains("no function stint_plan"));
    }

    @Test
    void overlongArgumentsGetAnErrorResultWithoutARun() throws Exception {
        String big = "{\"x\":\"" + "9".repeat(GradientClient.MAX_ARGUMENT_CHARS) + "\"}";
        fake.enqueue(new ToolCalls(List.of(new Call("call_1", "fuel_to_finish", big)), 500), Stream.of("Box."));
        assertEquals("Box.", client(true).stream(QUESTION, 100, tools, pieces::add).text());
        assertEquals(List.of(), tools.called);
        JsonNode messages = fake.requests().get(1).get("messages");
        assertTrue(messages.get(3).get("content").asText().contains("arguments longer than"));
        assertTrue(messages.get(2).at("/tool_calls/0/function/arguments").asText().length()
                <= GradientClient.MAX_ARGUMENT_CHARS + 1);
    }

    @Test
    void aCallWithoutAnIdIsABadResponse() throws Exception {
        GradientClient client = client(true);
        fake.enqueue(ToolCalls.of(new Call(null, "fuel_to_finish", "{}")));
        AiException e = assertThrows(AiException.class, () -> client.stream(QUESTION, 100, tools, pieces::add));
        assertEquals(Kind.BAD_RESPONSE, e.kind());
        assertEquals(List.of(), tools.called);
        assertEquals(1, fake.requests().size());
    }

    @Test
    void afterThreeRoundsTheLastRequestAllowsNoToolAndAFourthRoundFails() throws Exception {
        GradientClient client = client(true);
        for (int i = 0; i < GradientClient.MAX_TOOL_ROUNDS; i++) {
            fake.enqueue(ToolCalls.of(new Call("call_" + i, "fuel_to_finish", "{}")));
        }
        fake.enqueue(Stream.of("Add 12.5 L."));
        assertEquals("Add 12.5 L.", client.stream(QUESTION, 100, tools, pieces::add).text());
        List<JsonNode> requests = fake.requests();
        assertEquals(GradientClient.MAX_TOOL_ROUNDS + 1, requests.size());
        assertEquals("none", requests.getLast().get("tool_choice").asText());
        assertEquals("auto", requests.get(GradientClient.MAX_TOOL_ROUNDS - 1).get("tool_choice").asText());

        for (int i = 0; i <= GradientClient.MAX_TOOL_ROUNDS; i++) {
            fake.enqueue(ToolCalls.of(new Call("again_" + i, "fuel_to_finish", "{}")));
        }
        AiException e = assertThrows(AiException.class, () -> client.stream(QUESTION, 100, tools, pieces::add));
        assertEquals(Kind.BAD_RESPONSE, e.kind());
        assertTrue(e.getMessage().contains("after " + GradientClient.MAX_TOOL_ROUNDS + " rounds"), e.getMessage());
    }

    @Test
    void withToolsOffNoneAreOfferedAndACallIsABadResponse() throws Exception {
        GradientClient client = client(false);
        assertFalse(client.offersTools());
        assertEquals("Box this lap.", client.stream(QUESTION, 100, tools, pieces::add).text());
        assertFalse(fake.requests().getFirst().has("tools"));
        assertFalse(fake.requests().getFirst().has("tool_choice"));
        fake.enqueue(ToolCalls.of(new Call("call_1", "fuel_to_finish", "{}")));
        assertEquals(Kind.BAD_RESPONSE, assertThrows(AiException.class,
                () -> client.stream(QUESTION, 100, tools, pieces::add)).kind());
        assertEquals(List.of(), tools.called);
    }
}
