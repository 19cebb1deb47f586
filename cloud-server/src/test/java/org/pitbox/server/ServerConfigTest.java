package org.pitbox.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigTest {
    @Test
    void flagsWinOverEnvironment() {
        ServerConfig c = ServerConfig.from(new String[] {"--port", "9000", "--data-dir", "/tmp/x"},
                Map.of("PITBOX_PORT", "7000", "PITBOX_DATA_DIR", "/tmp/y"));
        assertEquals(9000, c.port());
        assertEquals(Path.of("/tmp/x"), c.dataDir());
    }

    @Test
    void environmentWinsOverDefaults() {
        ServerConfig c = ServerConfig.from(new String[0], Map.of("PITBOX_PORT", "7000"));
        assertEquals(7000, c.port());
        assertTrue(c.jdbcUrl().startsWith("jdbc:h2:file:"));
    }

    @Test
    void usageListsEverySettingWithoutSecretFlags() {
        String usage = ServerConfig.usage();
        assertTrue(usage.startsWith("usage: pitbox server [--config FILE] [--SETTING VALUE]..."), usage);
        assertTrue(usage.matches("(?s).*\n  --port +PITBOX_PORT, default 8080\n.*"), usage);
        assertTrue(usage.matches("(?s).*\n  token-secret \\(secret\\) +PITBOX_TOKEN_SECRET\n.*"), usage);
        assertFalse(usage.contains("--token-secret"), usage);
    }

    @Test
    void badValuesFailWithOneClearLine() {
        assertEquals("port must be a number, got 'abc'", assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.from(new String[] {"--port", "abc"}, Map.of())).getMessage());
        assertEquals("port must be 0..65535, got 70000", assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.from(new String[] {"--port", "70000"}, Map.of())).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.from(new String[] {"--bogus", "1"}, Map.of())).getMessage().startsWith("unknown option --bogus"));
        assertEquals("missing value after --port", assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.from(new String[] {"--port"}, Map.of())).getMessage());
    }

    @Test
    void toStringNeverShowsSecrets() {
        ServerConfig c = ServerConfig.from(new String[0], Map.of(
                "PITBOX_JDBC_URL", "jdbc:postgresql://db/pitbox?user=pb&password=pw-SECRET-1",
                "PITBOX_JDBC_PASSWORD", "pw-SECRET-2",
                "PITBOX_TOKEN_SECRET", "tok-SECRET-3-0123456789abcdefghijklmnop",
                "PITBOX_GRADIENT_API_KEY", "key-SECRET-4",
                "PITBOX_ELEVENLABS_API_KEY", "key-SECRET-5",
                "PITBOX_TLS_KEYSTORE", "/etc/pitbox.p12",
                "PITBOX_TLS_KEYSTORE_PASSWORD", "ks-SECRET-6",
                "PITBOX_NATS_URL", "nats://user:nats-SECRET-7@nats:4222"));
        String text = c.toString();
        assertFalse(text.contains("SECRET"), text);
        assertTrue(text.contains("tokenSecret=***"), text);
        assertEquals("key-SECRET-4", c.gradientAi().apiKey());
    }

    @Test
    void theConfigFileFillsInWhatFlagsAndEnvironmentLeave(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pitbox.properties");
        Files.writeString(file, "port=7100\naccess-token-minutes=5\ncors-origins=https://a.example, https://b.example\n");
        ServerConfig c = ServerConfig.from(new String[] {"--config", file.toString()}, Map.of("PITBOX_PORT", "7200"));
        assertEquals(7200, c.port());
        assertEquals(Duration.ofMinutes(5), c.accessTokenTtl());
        assertEquals(List.of("https://a.example", "https://b.example"), c.corsOrigins());
        ServerConfig viaEnv = ServerConfig.from(new String[0], Map.of("PITBOX_CONFIG", file.toString()));
        assertEquals(7100, viaEnv.port());
        Files.writeString(file, "prot=1\n");
        assertEquals("unknown key 'prot' in config file " + file, assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.from(new String[] {"--config", file.toString()}, Map.of())).getMessage());
    }

    @Test
    void externalDatabasesNeedATokenSecretAndSecretsStayOffTheCommandLine() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ServerConfig.from(new String[0],
                Map.of("PITBOX_JDBC_URL", "jdbc:postgresql://db/pitbox"))).getMessage()
                .startsWith("PITBOX_TOKEN_SECRET is required"));
        assertEquals("token secret must be at least 32 characters", assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.from(new String[0], Map.of("PITBOX_TOKEN_SECRET", "short"))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ServerConfig.from(
                new String[] {"--token-secret", "x"}, Map.of())).getMessage().contains("PITBOX_TOKEN_SECRET"));
        assertEquals("upload-chunk-bytes must be 1024..max-body-bytes (4096), got 8192",
                assertThrows(IllegalArgumentException.class, () -> ServerConfig.from(new String[0],
                        Map.of("PITBOX_MAX_BODY_BYTES", "4096", "PITBOX_UPLOAD_CHUNK_BYTES", "8192"))).getMessage());
        assertEquals("live-outbox-bytes must be at least twice live-catch-up-bytes and a session message (12582912),"
                + " got 4194304", assertThrows(IllegalArgumentException.class, () -> ServerConfig.from(new String[0],
                        Map.of("PITBOX_LIVE_OUTBOX_BYTES", "4194304"))).getMessage());
    }

    @Test
    void liveLimitsAreSettings() {
        ServerConfig c = ServerConfig.from(new String[] {"--live-frame-bytes", "32768"},
                Map.of("PITBOX_LIVE_CATCH_UP_BYTES", "1048576", "PITBOX_LIVE_OUTBOX_BYTES", "8388608",
                        "PITBOX_MAX_LIVE_RECORDING_BYTES", "2097152"));
        assertEquals(32768, c.live().frameBytes());
        assertEquals(2 << 20, c.live().recordingBytes());
        assertEquals(1 << 20, c.live().catchUpBytes());
        assertEquals(8 << 20, c.live().outboxBytes());
        assertEquals(64 << 10, ServerConfig.from(new String[0], Map.of()).live().frameBytes());
        assertEquals(1L << 30, ServerConfig.from(new String[0], Map.of()).live().recordingBytes());
    }

    @Test
    void theObjectStoreIsSetByItsSettingsAndItsSecretKeyStaysHidden() {
        assertNull(ServerConfig.from(new String[0], Map.of()).objectStore(), "the data dir is the default store");
        Map<String, String> env = Map.of("PITBOX_S3_BUCKET", "pitbox-sessions", "PITBOX_S3_ACCESS_KEY", "AKIDPITBOX",
                "PITBOX_S3_SECRET_KEY", "s3-SECRET-8");
        ServerConfig c = ServerConfig.from(new String[] {"--s3-endpoint", "https://fra1.digitaloceanspaces.com",
                "--s3-region", "fra1"}, env);
        assertEquals(new ServerConfig.ObjectStore("https://fra1.digitaloceanspaces.com", "fra1", "pitbox-sessions",
                "AKIDPITBOX", "s3-SECRET-8"), c.objectStore());
        assertFalse(c.toString().contains("SECRET"), c.toString());
        assertTrue(c.toString().contains("secretKey=***"), c.toString());
        assertEquals("us-east-1", ServerConfig.from(new String[0], env).objectStore().region());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ServerConfig.from(
                new String[] {"--s3-secret-key", "x"}, Map.of())).getMessage().contains("PITBOX_S3_SECRET_KEY"));
        assertEquals("s3-bucket needs s3-access-key and s3-secret-key", assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.from(new String[] {"--s3-bucket", "pitbox"}, Map.of())).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ServerConfig.from(
                new String[] {"--s3-endpoint", "fra1.digitaloceanspaces.com"}, env)).getMessage()
                .startsWith("s3-endpoint must be http(s)://host[:port]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ServerConfig.from(
                new String[] {"--s3-bucket", "Pit_Box"}, env)).getMessage().startsWith("s3-bucket must be"));
    }
}
