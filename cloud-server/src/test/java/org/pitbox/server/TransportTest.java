package org.pitbox.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CORS for configured origins and TLS from a configured keystore. */
class TransportTest {
    private static final String ORIGIN = "https://pitwall.team.example";

    @Test
    void corsAnswersConfiguredOriginsOnly(@TempDir Path dataDir) throws Exception {
        ServerConfig config = ServerConfig.from(new String[] {"--port", "0", "--data-dir", dataDir.toString(),
            "--cors-origins", ORIGIN}, Map.of());
        try (PitboxServer server = PitboxServer.start(config)) {
            HttpClient client = HttpClient.newHttpClient();
            URI teams = URI.create("http://127.0.0.1:" + server.port() + "/api/v1/teams");
            HttpResponse<String> preflight = client.send(HttpRequest.newBuilder(teams)
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", ORIGIN)
                    .header("Access-Control-Request-Method", "POST").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(204, preflight.statusCode());
            assertEquals(ORIGIN, preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
            HttpResponse<String> foreign = client.send(HttpRequest.newBuilder(teams)
                    .header("Origin", "https://elsewhere.example").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, foreign.statusCode(), "no token: the API still answers, without CORS headers");
            assertNull(foreign.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        }
    }

    @Test
    void servesHttpsFromTheConfiguredKeystore(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("server.p12");
        String password = "keystore-pass-123";
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "pitbox", "-keyalg", "EC", "-dname", "CN=localhost", "-ext",
                "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore",
                keystore.toString(), "-storepass", password).redirectErrorStream(true).start();
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, "keytool failed");
        ServerConfig config = ServerConfig.from(new String[] {"--port", "0", "--data-dir", dir.resolve("data").toString(),
            "--tls-keystore", keystore.toString()}, Map.of("PITBOX_TLS_KEYSTORE_PASSWORD", password));
        try (PitboxServer server = PitboxServer.start(config)) {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                trusted.load(in, password.toCharArray());
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, tmf.getTrustManagers(), null);
            HttpResponse<String> health = HttpClient.newBuilder().sslContext(tls).build().send(
                    HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            assertTrue(health.body().contains("\"UP\""), health.body());
        }
    }
}
