package org.pitbox.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pitbox.protocol.HealthReport;
import org.pitbox.protocol.ProtocolJson;

class HealthTest {
    @Test
    void healthIsUpOnTheEmbeddedDefaults(@TempDir Path dataDir) throws Exception {
        ServerConfig config = ServerConfig.from(new String[] {"--port", "0", "--data-dir", dataDir.toString()}, Map.of());
        try (PitboxServer server = PitboxServer.start(config)) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            HealthReport report = ProtocolJson.mapper().readValue(response.body(), HealthReport.class);
            assertEquals(HealthReport.UP, report.status());
            assertEquals(HealthReport.UP, report.checks().get("database"));
        }
    }
}
