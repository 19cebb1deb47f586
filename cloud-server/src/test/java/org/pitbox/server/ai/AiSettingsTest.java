package org.pitbox.server.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pitbox.server.ServerConfig;

/** Where the gateway's endpoint comes from, and that its key shows nowhere. */
class AiSettingsTest {
    @TempDir
    Path dir;

    private AiSettings read(Map<String, String> env) {
        return ServerConfig.from(new String[] {"--data-dir", dir.toString()}, env).ai();
    }

    @Test
    void anAgentIdOrAModelGivesTheUsualUrl() {
        AiSettings agent = read(Map.of("PITBOX_GRADIENT_AGENT_ID", "abc123", "PITBOX_GRADIENT_API_KEY", "k-SECRET"));
        assertEquals("https://abc123.agents.do-ai.run", agent.baseUrl());
        assertNull(agent.model());
        assertTrue(agent.configured());
        AiSettings model = read(Map.of("PITBOX_GRADIENT_MODEL", "llama3.3-70b-instruct"));
        assertEquals(AiSettings.INFERENCE_URL, model.baseUrl());
        assertFalse(model.configured(), "no key");
        AiSettings own = read(Map.of("PITBOX_GRADIENT_BASE_URL", "http://127.0.0.1:9/", "PITBOX_GRADIENT_AGENT_ID",
                "abc123"));
        assertEquals("http://127.0.0.1:9", own.baseUrl());
        assertFalse(read(Map.of()).configured());
    }

    @Test
    void budgetsAndTimeoutHaveDefaultsAndBounds() {
        AiSettings d = read(Map.of());
        assertEquals(Duration.ofSeconds(20), d.timeout());
        assertEquals(10, d.requestsPerMinute());
        assertEquals(200_000, d.tokensPerDay());
        String message = assertThrows(IllegalArgumentException.class,
                () -> read(Map.of("PITBOX_AI_REQUESTS_PER_MINUTE", "0"))).getMessage();
        assertTrue(message.contains("ai-requests-per-minute"), message);
        message = assertThrows(IllegalArgumentException.class,
                () -> read(Map.of("PITBOX_GRADIENT_BASE_URL", "ftp://x"))).getMessage();
        assertTrue(message.contains("gradient-base-url"), message);
    }

    @Test
    void theKeyIsNeverShown() {
        ServerConfig c = ServerConfig.from(new String[] {"--data-dir", dir.toString()},
                Map.of("PITBOX_GRADIENT_API_KEY", "k-SECRET-42", "PITBOX_GRADIENT_AGENT_ID", "abc"));
        assertFalse(c.toString().contains("k-SECRET-42"), c.toString());
        assertTrue(c.ai().toString().contains("apiKey=***"), c.ai().toString());
    }
}
