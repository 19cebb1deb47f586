package org.pitbox.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pitbox.protocol.HealthReport;
import org.pitbox.protocol.ProtocolJson;

class HealthTest {
    @Test
    void healthIsUpOnTheEmbeddedDefaultsAndDownWhenACheckFails(@TempDir Path dataDir) throws Exception {
        ServerConfig config = ServerConfig.from(new String[] {"--port", "0", "--data-dir", dataDir.toString()}, Map.of());
        try (PitboxServer server = PitboxServer.start(config)) {
            HealthReport report = ProtocolJson.mapper().readValue(get(server, 200), HealthReport.class);
            assertEquals(HealthReport.UP, report.status());
            assertEquals(HealthReport.UP, report.checks().get("database"));
            server.application().healthChecks().put("nats", () -> false);
            report = ProtocolJson.mapper().readValue(get(server, 503), HealthReport.class);
            assertEquals(HealthReport.DOWN, report.checks().get("nats"));
        }
        Path secret = dataDir.resolve("token.secret");
        assertTrue(Files.readString(secret).length() >= ServerConfig.MIN_SECRET_LENGTH);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)));
    }

    private static String get(PitboxServer server, int status) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(status, response.statusCode());
        return response.body();
    }
}
