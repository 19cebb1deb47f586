package org.pitbox.app.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.pitbox.protocol.ApiPaths;
import org.pitbox.protocol.HealthReport;
import org.pitbox.protocol.ProtocolJson;

/** The probe against a real HTTP server on a free port. */
class HealthProbeTest {
    private final HealthProbe probe = new HealthProbe();

    @Test
    void aPitBoxServerAnswersWithItsHealth() throws Exception {
        String json = ProtocolJson.mapper().writeValueAsString(HealthReport.of("1.2.3", Map.of("database", HealthReport.UP)));
        HttpServer server = serve(json);
        try {
            HealthProbe.Result result = probe.check(url(server) + "/").get(30, TimeUnit.SECONDS);
            assertTrue(result.reachable(), result.summary());
            assertEquals("1.2.3", result.report().version());
            assertTrue(result.summary().startsWith("connected, version 1.2.3, "), result.summary());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anotherServerIsNamedAsNotPitBox() throws Exception {
        HttpServer server = serve("<html>hello</html>");
        try {
            HealthProbe.Result result = probe.check(url(server)).get(30, TimeUnit.SECONDS);
            assertFalse(result.reachable());
            assertEquals("answered HTTP 200 but is not a PitBox server", result.summary());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aClosedPortIsUnreachable() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        HealthProbe.Result result = probe.check("http://127.0.0.1:" + port).get(30, TimeUnit.SECONDS);
        assertFalse(result.reachable());
        assertTrue(result.summary().startsWith("unreachable ("), result.summary());
    }

    @Test
    void anAddressWithoutAHostIsRefusedAtOnce() throws Exception {
        HealthProbe.Result result = probe.check("nonsense").get(30, TimeUnit.SECONDS);
        assertFalse(result.reachable());
        assertEquals("not a server address: nonsense", result.summary());
    }

    private static HttpServer serve(String body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(ApiPaths.HEALTH, exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
