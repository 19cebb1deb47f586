package org.pitbox.server;

import java.nio.file.Path;
import java.util.Map;

/**
 * The server's settings, from command-line flags first, then environment variables, then defaults.
 * Invalid values fail at start with one clear line.
 *
 * @param port    TCP port; 0 picks a free one (tests)
 * @param dataDir where the embedded database and uploads live
 * @param jdbcUrl the database; defaults to an H2 file under {@code dataDir}
 */
public record ServerConfig(int port, Path dataDir, String jdbcUrl) {
    public static final int DEFAULT_PORT = 8080;

    public ServerConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            jdbcUrl = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("pitbox") + ";AUTO_SERVER=FALSE";
        }
    }

    /** Reads {@code --port N}, {@code --data-dir DIR}, {@code --jdbc-url URL} and PITBOX_PORT, PITBOX_DATA_DIR, PITBOX_JDBC_URL. */
    public static ServerConfig from(String[] args, Map<String, String> env) {
        String port = env.getOrDefault("PITBOX_PORT", Integer.toString(DEFAULT_PORT));
        String dataDir = env.getOrDefault("PITBOX_DATA_DIR", defaultDataDir());
        String jdbcUrl = env.get("PITBOX_JDBC_URL");
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + flag);
            }
            String value = args[++i];
            switch (flag) {
                case "--port" -> port = value;
                case "--data-dir" -> dataDir = value;
                case "--jdbc-url" -> jdbcUrl = value;
                default -> throw new IllegalArgumentException("unknown option " + flag
                        + " (known: --port N, --data-dir DIR, --jdbc-url URL)");
            }
        }
        int portNumber;
        try {
            portNumber = Integer.parseInt(port.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port must be a number, got '" + port + "'");
        }
        return new ServerConfig(portNumber, Path.of(dataDir), jdbcUrl);
    }

    private static String defaultDataDir() {
        return Path.of(System.getProperty("user.home"), ".pitbox", "server").toString();
    }
}
