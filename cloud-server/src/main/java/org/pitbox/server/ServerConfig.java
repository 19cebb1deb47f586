package org.pitbox.server;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.pitbox.server.ai.AiSettings;
import org.pitbox.server.live.LiveLimits;
import org.pitbox.server.voice.VoiceSettings;

/**
 * The server's settings. Each has one name, e.g. {@code data-dir}, given as the flag {@code --data-dir}, the
 * environment variable {@code PITBOX_DATA_DIR} or the key {@code data-dir} of a properties file named by
 * {@code --config FILE} or {@code PITBOX_CONFIG}; flags win over the environment, the environment over the file.
 * Secrets (passwords, keys, tokens and the NATS URL, which may carry a password) are not accepted as flags
 * (they would show in process lists). Invalid values fail at start with one
 * clear line. {@link #toString()} never shows a secret.
 */
public record ServerConfig(int port, Path dataDir, String jdbcUrl, String jdbcUser, String jdbcPassword,
        String tokenSecret, Duration accessTokenTtl, Duration refreshTokenTtl, Duration inviteTtl,
        ExternalApi gradientAi, VoiceSettings elevenLabs, List<String> corsOrigins, Path tlsKeystore,
        String tlsKeystorePassword, String natsUrl, long maxBodyBytes, int uploadChunkBytes, int authRatePerMinute,
        LiveLimits live, Limits limits, String metricsToken, ClientAddress clientAddress, ObjectStore objectStore,
        String adminToken, AiSettings ai, Storage storage) {

    public static final int DEFAULT_PORT = 8080;
    public static final int MIN_SECRET_LENGTH = 32;

    /** A third-party HTTP API the server calls: carried in config only, never logged. */
    public record ExternalApi(String baseUrl, String apiKey, String id) {
        @Override
        public String toString() {
            return "[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "unset" : "***") + ", id=" + id + "]";
        }
    }

    /**
     * An S3-compatible bucket for the session files (null: the data dir keeps them). {@code endpoint} null means
     * AWS itself; with an endpoint, keys are addressed path-style. The secret key is never shown.
     */
    public record ObjectStore(String endpoint, String region, String bucket, String accessKey, String secretKey) {
        public ObjectStore {
            if (endpoint != null && !endpoint.matches("https?://[^/?#@]+/?")) {
                throw new IllegalArgumentException("s3-endpoint must be http(s)://host[:port], got " + endpoint);
            }
            if (accessKey == null || secretKey == null) {
                throw new IllegalArgumentException("s3-bucket needs s3-access-key and s3-secret-key");
            }
            if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
                throw new IllegalArgumentException("s3-bucket must be 3..63 of a-z, 0-9, '.' and '-', got " + bucket);
            }
        }

        @Override
        public String toString() {
            return "[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + ", accessKey=" + accessKey
                    + ", secretKey=" + hidden(secretKey) + "]";
        }
    }

    /**
     * What one client, user or team may use.
     *
     * @param idleTimeout          a connection with nothing to read or write this long is closed
     * @param minBodyBytesPerSecond a request body arriving slower than this fails
     * @param teamQuotaBytes       declared bytes of all of a team's sessions, finished or not
     * @param maxSessionBytes      declared bytes of one session
     * @param openUploadsPerUser   unfinished uploads one user may have at a time
     * @param uploadExpiry         an unfinished upload older than this is deleted by the sweep
     */
    public record Limits(Duration idleTimeout, long minBodyBytesPerSecond, long teamQuotaBytes, long maxSessionBytes,
            int openUploadsPerUser, Duration uploadExpiry) {
    }

    /**
     * The uploads' and downloads' share of the server, kept from the live relay's.
     *
     * @param threads   threads for the uploads' chunk writes, joining, unpacking, checking and parsing
     * @param queue     upload requests that may wait for them; more are refused with 503 and Retry-After
     * @param downloads downloads streaming at once; more are refused with 503 and Retry-After
     */
    public record Storage(int threads, int queue, int downloads) {
    }

    /**
     * Where a request's client address comes from: the connection's peer, or, when the peer is one of
     * {@code trustedProxies}, the last address in {@code header} that is not a trusted proxy.
     */
    public record ClientAddress(String header, List<String> trustedProxies) {
        public ClientAddress {
            trustedProxies = List.copyOf(trustedProxies);
        }
    }

    private enum Setting {
        PORT("port", false, Integer.toString(DEFAULT_PORT)),
        DATA_DIR("data-dir", false, null),
        JDBC_URL("jdbc-url", false, null),
        JDBC_USER("jdbc-user", false, null),
        JDBC_PASSWORD("jdbc-password", true, null),
        TOKEN_SECRET("token-secret", true, null),
        ACCESS_TOKEN_MINUTES("access-token-minutes", false, "15"),
        REFRESH_TOKEN_DAYS("refresh-token-days", false, "30"),
        INVITE_DAYS("invite-days", false, "7"),
        GRADIENT_BASE_URL("gradient-base-url", false, null),
        GRADIENT_API_KEY("gradient-api-key", true, null),
        GRADIENT_AGENT_ID("gradient-agent-id", false, null),
        GRADIENT_MODEL("gradient-model", false, null),
        GRADIENT_TIMEOUT_SECONDS("gradient-timeout-seconds", false, "20"),
        GRADIENT_TOOLS("gradient-tools", false, "true"),
        AI_REQUESTS_PER_MINUTE("ai-requests-per-minute", false, "10"),
        AI_TOKENS_PER_DAY("ai-tokens-per-day", false, "200000"),
        ELEVENLABS_BASE_URL("elevenlabs-base-url", false, VoiceSettings.DEFAULT_BASE_URL),
        ELEVENLABS_API_KEY("elevenlabs-api-key", true, null),
        ELEVENLABS_VOICE_ID("elevenlabs-voice-id", false, VoiceSettings.DEFAULT_VOICE),
        ELEVENLABS_MODEL("elevenlabs-model", false, VoiceSettings.DEFAULT_MODEL),
        ELEVENLABS_TIMEOUT_SECONDS("elevenlabs-timeout-seconds", false, "10"),
        TTS_REQUESTS_PER_MINUTE("tts-requests-per-minute", false, "30"),
        TTS_CHARACTERS_PER_DAY("tts-characters-per-day", false, "20000"),
        TTS_CACHE_BYTES("tts-cache-bytes", false, Long.toString(32L << 20)),
        CORS_ORIGINS("cors-origins", false, ""),
        TLS_KEYSTORE("tls-keystore", false, null),
        TLS_KEYSTORE_PASSWORD("tls-keystore-password", true, null),
        NATS_URL("nats-url", true, null),
        MAX_BODY_BYTES("max-body-bytes", false, Long.toString(16L << 20)),
        UPLOAD_CHUNK_BYTES("upload-chunk-bytes", false, Integer.toString(1 << 20)),
        AUTH_RATE_PER_MINUTE("auth-rate-per-minute", false, "20"),
        LIVE_FRAME_BYTES("live-frame-bytes", false, Integer.toString(LiveLimits.DEFAULTS.frameBytes())),
        LIVE_CATCH_UP_BYTES("live-catch-up-bytes", false, Long.toString(LiveLimits.DEFAULTS.catchUpBytes())),
        LIVE_OUTBOX_BYTES("live-outbox-bytes", false, Long.toString(LiveLimits.DEFAULTS.outboxBytes())),
        IDLE_TIMEOUT_SECONDS("idle-timeout-seconds", false, "30"),
        MIN_BODY_BYTES_PER_SECOND("min-body-bytes-per-second", false, "1024"),
        TEAM_QUOTA_BYTES("team-quota-bytes", false, Long.toString(20L << 30)),
        MAX_SESSION_BYTES("max-session-bytes", false, Long.toString(1L << 30)),
        OPEN_UPLOADS_PER_USER("open-uploads-per-user", false, "10"),
        UPLOAD_EXPIRY_HOURS("upload-expiry-hours", false, "24"),
        STORAGE_THREADS("storage-threads", false, "2"),
        STORAGE_QUEUE("storage-queue", false, "16"),
        MAX_DOWNLOADS("max-downloads", false, "8"),
        MAX_LIVE_RECORDING_BYTES("max-live-recording-bytes", false, Long.toString(LiveLimits.DEFAULTS.recordingBytes())),
        METRICS_TOKEN("metrics-token", true, null),
        CLIENT_IP_HEADER("client-ip-header", false, "X-Forwarded-For"),
        TRUSTED_PROXIES("trusted-proxies", false, ""),
        S3_ENDPOINT("s3-endpoint", false, null),
        S3_REGION("s3-region", false, "us-east-1"),
        S3_BUCKET("s3-bucket", false, null),
        S3_ACCESS_KEY("s3-access-key", false, null),
        S3_SECRET_KEY("s3-secret-key", true, null),
        ADMIN_TOKEN("admin-token", true, null);

        final String key;
        final boolean secret;
        final String defaultValue;

        Setting(String key, boolean secret, String defaultValue) {
            this.key = key;
            this.secret = secret;
            this.defaultValue = defaultValue;
        }

        String env() {
            return "PITBOX_" + key.toUpperCase().replace('-', '_');
        }

        static Setting byKey(String key) {
            return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst().orElse(null);
        }
    }

    public ServerConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            jdbcUrl = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("pitbox")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        } else if (!jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("jdbc-url must start with jdbc:h2: or jdbc:postgresql:");
        }
        if (tokenSecret != null && tokenSecret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("token secret must be at least " + MIN_SECRET_LENGTH + " characters");
        }
        if (tokenSecret == null && !jdbcUrl.startsWith("jdbc:h2:")) {
            throw new IllegalArgumentException("PITBOX_TOKEN_SECRET is required with an external database"
                    + " (at least " + MIN_SECRET_LENGTH + " random characters)");
        }
        if (tlsKeystore != null && tlsKeystorePassword == null) {
            throw new IllegalArgumentException("tls-keystore-password is required with tls-keystore");
        }
        if (uploadChunkBytes < 1024 || uploadChunkBytes > maxBodyBytes) {
            throw new IllegalArgumentException("upload-chunk-bytes must be 1024..max-body-bytes (" + maxBodyBytes
                    + "), got " + uploadChunkBytes);
        }
        if (metricsToken != null && metricsToken.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("metrics token must be at least " + MIN_SECRET_LENGTH + " characters");
        }
        if (adminToken != null && adminToken.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("admin token must be at least " + MIN_SECRET_LENGTH + " characters");
        }
        corsOrigins = List.copyOf(corsOrigins);
    }

    /** True when the database is the embedded H2 one, so the server may keep its own token secret. */
    public boolean embeddedDatabase() {
        return jdbcUrl.startsWith("jdbc:h2:");
    }

    /** What {@code pitbox server --help} prints: every setting, its environment variable and default. */
    public static String usage() {
        StringBuilder b = new StringBuilder("""
                usage: pitbox server [--config FILE] [--SETTING VALUE]...
                  every setting is a flag, an environment variable or a line SETTING=VALUE of the --config FILE
                  (PITBOX_CONFIG); flags win over the environment, the environment over the file; secrets are
                  never flags
                """);
        for (Setting s : Setting.values()) {
            String name = s.secret ? s.key + " (secret)" : "--" + s.key;
            String fallback = s.defaultValue == null || s.defaultValue.isEmpty() ? "" : ", default " + s.defaultValue;
            b.append(String.format(Locale.ROOT, "  %-32s %s%s%n", name, s.env(), fallback));
        }
        return b.toString().strip();
    }

    /** Reads flags, then {@code env}, then the config file, then defaults. */
    public static ServerConfig from(String[] args, Map<String, String> env) {
        Map<Setting, String> flags = new HashMap<>();
        String configFile = env.get("PITBOX_CONFIG");
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            Setting s = flag.startsWith("--") ? Setting.byKey(flag.substring(2)) : null;
            if (s == null && !flag.equals("--config")) {
                throw new IllegalArgumentException("unknown option " + flag + " (known: --config FILE, "
                        + String.join(", ", Arrays.stream(Setting.values()).filter(x -> !x.secret)
                                .map(x -> "--" + x.key).toList()) + ")");
            }
            if (s != null && s.secret) {
                throw new IllegalArgumentException(flag + " is a secret: set " + s.env() + " or use --config FILE");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + flag);
            }
            String value = args[++i];
            if (s == null) {
                configFile = value;
            } else {
                flags.put(s, value);
            }
        }
        Map<String, String> file = configFile == null ? Map.of() : readFile(Path.of(configFile));
        Map<Setting, String> v = new LinkedHashMap<>();
        for (Setting s : Setting.values()) {
            String value = flags.containsKey(s) ? flags.get(s)
                    : env.containsKey(s.env()) ? env.get(s.env())
                    : file.getOrDefault(s.key, s.defaultValue);
            v.put(s, value == null || value.isBlank() ? null : value.trim());
        }
        String dataDir = v.get(Setting.DATA_DIR) != null ? v.get(Setting.DATA_DIR) : defaultDataDir();
        String keystore = v.get(Setting.TLS_KEYSTORE);
        String cors = v.get(Setting.CORS_ORIGINS);
        String proxies = v.get(Setting.TRUSTED_PROXIES);
        return new ServerConfig(
                (int) number(v, Setting.PORT, 0, Integer.MAX_VALUE),
                Path.of(dataDir),
                v.get(Setting.JDBC_URL), v.get(Setting.JDBC_USER), v.get(Setting.JDBC_PASSWORD),
                v.get(Setting.TOKEN_SECRET),
                Duration.ofMinutes(number(v, Setting.ACCESS_TOKEN_MINUTES, 1, 24 * 60)),
                Duration.ofDays(number(v, Setting.REFRESH_TOKEN_DAYS, 1, 365)),
                Duration.ofDays(number(v, Setting.INVITE_DAYS, 1, 90)),
                new ExternalApi(v.get(Setting.GRADIENT_BASE_URL), v.get(Setting.GRADIENT_API_KEY),
                        v.get(Setting.GRADIENT_AGENT_ID)),
                new VoiceSettings(v.get(Setting.ELEVENLABS_BASE_URL), v.get(Setting.ELEVENLABS_API_KEY),
                        v.get(Setting.ELEVENLABS_MODEL), v.get(Setting.ELEVENLABS_VOICE_ID),
                        Duration.ofSeconds(number(v, Setting.ELEVENLABS_TIMEOUT_SECONDS, 1, 120)),
                        (int) number(v, Setting.TTS_REQUESTS_PER_MINUTE, 1, 10_000),
                        number(v, Setting.TTS_CHARACTERS_PER_DAY, 0, 1_000_000_000L),
                        number(v, Setting.TTS_CACHE_BYTES, 0, 1L << 32)),
                list(cors),
                keystore == null ? null : Path.of(keystore), v.get(Setting.TLS_KEYSTORE_PASSWORD),
                v.get(Setting.NATS_URL),
                number(v, Setting.MAX_BODY_BYTES, 1024, Long.MAX_VALUE),
                (int) number(v, Setting.UPLOAD_CHUNK_BYTES, 0, Integer.MAX_VALUE),
                (int) number(v, Setting.AUTH_RATE_PER_MINUTE, 1, 1_000_000),
                liveLimits(v),
                new Limits(Duration.ofSeconds(number(v, Setting.IDLE_TIMEOUT_SECONDS, 1, 3600)),
                        number(v, Setting.MIN_BODY_BYTES_PER_SECOND, 0, Long.MAX_VALUE),
                        number(v, Setting.TEAM_QUOTA_BYTES, 1, Long.MAX_VALUE),
                        number(v, Setting.MAX_SESSION_BYTES, 1, Integer.MAX_VALUE),
                        (int) number(v, Setting.OPEN_UPLOADS_PER_USER, 1, 10_000),
                        Duration.ofHours(number(v, Setting.UPLOAD_EXPIRY_HOURS, 1, 24 * 365))),
                v.get(Setting.METRICS_TOKEN),
                new ClientAddress(v.get(Setting.CLIENT_IP_HEADER), list(proxies)),
                v.get(Setting.S3_BUCKET) == null ? null : new ObjectStore(v.get(Setting.S3_ENDPOINT),
                        v.get(Setting.S3_REGION), v.get(Setting.S3_BUCKET), v.get(Setting.S3_ACCESS_KEY),
                        v.get(Setting.S3_SECRET_KEY)),
                v.get(Setting.ADMIN_TOKEN),
                AiSettings.of(v.get(Setting.GRADIENT_BASE_URL), v.get(Setting.GRADIENT_API_KEY),
                        v.get(Setting.GRADIENT_AGENT_ID), v.get(Setting.GRADIENT_MODEL),
                        Duration.ofSeconds(number(v, Setting.GRADIENT_TIMEOUT_SECONDS, 1, 600)),
                        (int) number(v, Setting.AI_REQUESTS_PER_MINUTE, 1, 10_000),
                        number(v, Setting.AI_TOKENS_PER_DAY, 0, 1_000_000_000_000L),
                        bool(v, Setting.GRADIENT_TOOLS)),
                new Storage((int) number(v, Setting.STORAGE_THREADS, 1, 64),
                        (int) number(v, Setting.STORAGE_QUEUE, 0, 10_000),
                        (int) number(v, Setting.MAX_DOWNLOADS, 1, 10_000)));

    }

    /** The live relay's byte limits; the others keep their defaults. */
    private static LiveLimits liveLimits(Map<Setting, String> v) {
        LiveLimits d = LiveLimits.DEFAULTS;
        return new LiveLimits((int) number(v, Setting.LIVE_FRAME_BYTES, 1024, 16 << 20), d.openBytes(),
                d.controlBytes(), d.radioChars(), number(v, Setting.LIVE_CATCH_UP_BYTES, 1024, 1L << 32),
                number(v, Setting.LIVE_OUTBOX_BYTES, 1024, 1L << 34), d.idleTimeout(),
                number(v, Setting.MAX_LIVE_RECORDING_BYTES, 1 << 20, Long.MAX_VALUE));
    }

    private static List<String> list(String commaSeparated) {
        return commaSeparated == null ? List.of() : Arrays.stream(commaSeparated.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
    }

    private static long number(Map<Setting, String> values, Setting s, long min, long max) {
        String text = values.get(s);
        long n;
        try {
            n = Long.parseLong(text == null ? "" : text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(s.key + " must be a number, got '" + text + "'");
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(s.key + " must be " + min + ".." + max + ", got " + n);
        }
        return n;
    }

    /** true or false; anything else is an error. */
    private static boolean bool(Map<Setting, String> values, Setting s) {
        String text = values.get(s);
        if (!"true".equals(text) && !"false".equals(text)) {
            throw new IllegalArgumentException(s.key + " must be true or false, got '" + text + "'");
        }
        return Boolean.parseBoolean(text);
    }

    private static Map<String, String> readFile(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read config file " + file + ": " + e.getMessage());
        }
        Map<String, String> map = new HashMap<>();
        for (String key : p.stringPropertyNames()) {
            if (Setting.byKey(key) == null) {
                throw new IllegalArgumentException("unknown key '" + key + "' in config file " + file);
            }
            map.put(key, p.getProperty(key));
        }
        return map;
    }

    private static String defaultDataDir() {
        return Path.of(System.getProperty("user.home"), ".pitbox", "server").toString();
    }

    /** The JDBC URL without credentials, safe for logs. */
    public static String redact(String url) {
        return url.replaceAll("(?i)(password|user)=[^;&]*", "$1=***");
    }

    /** Every setting, secrets shown only as set or unset. */
    @Override
    public String toString() {
        return "ServerConfig[port=" + port + ", dataDir=" + dataDir + ", jdbcUrl=" + redact(jdbcUrl)
                + ", jdbcUser=" + jdbcUser + ", jdbcPassword=" + hidden(jdbcPassword)
                + ", tokenSecret=" + hidden(tokenSecret) + ", accessTokenTtl=" + accessTokenTtl
                + ", refreshTokenTtl=" + refreshTokenTtl + ", inviteTtl=" + inviteTtl + ", gradientAi=" + gradientAi
                + ", elevenLabs=" + elevenLabs + ", corsOrigins=" + corsOrigins + ", tlsKeystore=" + tlsKeystore
                + ", tlsKeystorePassword=" + hidden(tlsKeystorePassword) + ", natsUrl=" + redactUserInfo(natsUrl)
                + ", maxBodyBytes=" + maxBodyBytes + ", uploadChunkBytes=" + uploadChunkBytes
                + ", authRatePerMinute=" + authRatePerMinute + ", live=" + live + ", limits=" + limits
                + ", metricsToken=" + hidden(metricsToken) + ", clientAddress=" + clientAddress
                + ", objectStore=" + objectStore + ", adminToken=" + hidden(adminToken) + ", ai=" + ai
                + ", storage=" + storage + "]";
    }

    private static String hidden(String secret) {
        return secret == null ? "unset" : "***";
    }

    /** The URL with any user and password replaced by {@code ***}. */
    public static String redactUserInfo(String url) {
        return url == null ? null : url.replaceAll("//[^/@]*@", "//***@");
    }
}
