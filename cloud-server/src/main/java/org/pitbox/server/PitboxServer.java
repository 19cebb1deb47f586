package org.pitbox.server;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.glassfish.jersey.jetty.JettyHttpContainer;
import org.glassfish.jersey.jetty.JettyHttpContainerFactory;
import org.glassfish.jersey.server.ContainerFactory;
import org.pitbox.server.auth.TokenSecret;
import org.pitbox.server.db.Database;
import org.pitbox.server.live.LiveRelay;

/**
 * The PitBox cloud server: Jersey on Jetty with an embedded database by default, and the live relay for
 * WebSockets under /api/v1/live. {@link #create} builds it without starting.
 */
public final class PitboxServer implements AutoCloseable {
    private final Server jetty;
    private final Database database;
    private final PitboxApplication application;
    private LiveRelay live;

    private PitboxServer(Server jetty, Database database, PitboxApplication application) {
        this.jetty = jetty;
        this.database = database;
        this.application = application;
    }

    /** Builds and starts a server; {@code config.port() == 0} picks a free port. */
    public static PitboxServer start(ServerConfig config) throws Exception {
        return create(config, Clock.systemUTC()).start();
    }

    /** Builds a server, not yet started; {@code clock} drives token and invite expiry (tests move it). */
    public static PitboxServer create(ServerConfig config, Clock clock) throws IOException {
        Files.createDirectories(config.dataDir());
        String secret = TokenSecret.resolve(config);
        Database database = Database.open(config.jdbcUrl(), config.jdbcUser(), config.jdbcPassword());
        try {
            PitboxApplication app = new PitboxApplication(config, database, secret, clock);
            JettyHttpContainer container = ContainerFactory.createContainer(JettyHttpContainer.class, app);
            SslContextFactory.Server ssl = null;
            if (config.tlsKeystore() != null) {
                ssl = new SslContextFactory.Server();
                ssl.setKeyStorePath(config.tlsKeystore().toAbsolutePath().toString());
                ssl.setKeyStorePassword(config.tlsKeystorePassword());
            }
            URI base = URI.create((ssl == null ? "http" : "https") + "://0.0.0.0:" + config.port() + "/");
            Server jetty = JettyHttpContainerFactory.createServer(base, ssl, container, false);
            PitboxServer server = new PitboxServer(jetty, database, app);
            server.live = LiveWiring.install(server, config);
            return server;
        } catch (IOException | RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public PitboxServer start() throws Exception {
        try {
            jetty.start();
        } catch (Exception e) {
            close();
            throw e;
        }
        return this;
    }

    public int port() {
        return ((NetworkConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    /** The Jetty server, for adding handlers before {@link #start()}. */
    public Server jetty() {
        return jetty;
    }

    /** The wired services: tokens, team access, sessions, metrics, health checks. */
    public PitboxApplication application() {
        return application;
    }

    /** Stops taking requests, ends the live sessions (storing their recordings), then closes the database. */
    @Override
    public void close() throws Exception {
        try {
            jetty.stop();
        } finally {
            try {
                if (live != null) {
                    live.close();
                }
            } finally {
                database.close();
            }
        }
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(ServerConfig.usage());
            return;
        }
        ServerConfig config;
        PitboxServer server;
        try {
            config = ServerConfig.from(args, System.getenv());
            server = start(config);
        } catch (IllegalArgumentException | IllegalStateException | IOException e) {
            System.err.println("pitbox server: " + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("pitbox server: error while stopping: " + e.getMessage());
            }
        }));
        String scheme = config.tlsKeystore() == null ? "http" : "https";
        System.out.println("PitBox server " + Version.current() + " listening on " + scheme + "://localhost:"
                + server.port() + " (data in " + config.dataDir().toAbsolutePath() + ")");
        server.jetty.join();
    }
}
