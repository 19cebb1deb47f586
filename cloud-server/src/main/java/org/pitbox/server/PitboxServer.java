package org.pitbox.server;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jetty.JettyConnectionMetrics;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.glassfish.jersey.jetty.JettyHttpContainer;
import org.glassfish.jersey.jetty.JettyHttpContainerFactory;
import org.glassfish.jersey.server.ContainerFactory;
import org.pitbox.server.auth.TokenSecret;
import org.pitbox.server.backup.BackupCommand;
import org.pitbox.server.db.Database;
import org.pitbox.server.http.JsonErrorHandler;
import org.pitbox.server.live.LiveRelay;
import org.pitbox.server.metrics.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PitBox cloud server: Jersey on Jetty with an embedded database by default, and the live relay for
 * WebSockets under /api/v1/live. {@link #create} builds it without starting.
 */
public final class PitboxServer implements AutoCloseable {
    private static final Duration MAX_SWEEP_PERIOD = Duration.ofMinutes(15);
    private static final Logger LOG = LoggerFactory.getLogger(PitboxServer.class);

    private final Server jetty;
    private final Database database;
    private final PitboxApplication application;
    private final Metrics metrics;
    private final Duration sweepEvery;
    private LiveRelay live;
    private ScheduledExecutorService sweeper;

    private PitboxServer(Server jetty, Database database, PitboxApplication application, Metrics metrics,
            Duration uploadExpiry) {
        this.jetty = jetty;
        this.database = database;
        this.application = application;
        this.metrics = metrics;
        Duration quarter = uploadExpiry.dividedBy(4);
        this.sweepEvery = quarter.compareTo(MAX_SWEEP_PERIOD) < 0 ? quarter : MAX_SWEEP_PERIOD;
    }

    /** Builds and starts a server; {@code config.port() == 0} picks a free port. */
    public static PitboxServer start(ServerConfig config) throws Exception {
        return create(config, Clock.systemUTC()).start();
    }

    /** Builds a server, not yet started; {@code clock} drives token and invite expiry (tests move it). */
    public static PitboxServer create(ServerConfig config, Clock clock) throws IOException {
        Files.createDirectories(config.dataDir());
        String secret = TokenSecret.resolve(config);
        Metrics metrics = new Metrics();
        Database database;
        try {
            database = Database.open(config.jdbcUrl(), config.jdbcUser(), config.jdbcPassword(), metrics.registry());
        } catch (RuntimeException e) {
            metrics.close();
            throw e;
        }
        try {
            PitboxApplication app = new PitboxApplication(config, database, secret, metrics, clock);
            JettyHttpContainer container = ContainerFactory.createContainer(JettyHttpContainer.class, app);
            SslContextFactory.Server ssl = null;
            if (config.tlsKeystore() != null) {
                ssl = new SslContextFactory.Server();
                ssl.setKeyStorePath(config.tlsKeystore().toAbsolutePath().toString());
                ssl.setKeyStorePassword(config.tlsKeystorePassword());
            }
            URI base = URI.create((ssl == null ? "http" : "https") + "://0.0.0.0:" + config.port() + "/");
            Server jetty = JettyHttpContainerFactory.createServer(base, ssl, container, false);
            harden(jetty, config.limits());
            new JettyServerThreadPoolMetrics(jetty.getThreadPool(), Tags.empty()).bindTo(metrics.registry());
            JettyConnectionMetrics.addToAllConnectors(jetty, metrics.registry());
            PitboxServer server = new PitboxServer(jetty, database, app, metrics, config.limits().uploadExpiry());
            server.live = LiveWiring.install(server, config);
            return server;
        } catch (IOException | RuntimeException e) {
            database.close();
            metrics.close();
            throw e;
        }
    }

    /**
     * No version in the {@code Server} header, JSON for Jetty's own errors, idle connections closed, and request
     * bodies that arrive slower than the minimum rate failed, so a slow or silent client cannot hold a thread.
     */
    private static void harden(Server jetty, ServerConfig.Limits limits) {
        for (Connector connector : jetty.getConnectors()) {
            connector.getConnectionFactories().stream().filter(HttpConnectionFactory.class::isInstance)
                    .map(f -> ((HttpConnectionFactory) f).getHttpConfiguration())
                    .forEach(http -> http.setSendServerVersion(false));
            ((AbstractConnector) connector).setIdleTimeout(limits.idleTimeout().toMillis());
        }
        jetty.setErrorHandler(new JsonErrorHandler());
        jetty.setHandler(new StatisticsHandler.MinimumDataRateHandler(jetty.getHandler(),
                limits.minBodyBytesPerSecond(), 0));
    }

    /** Starts Jetty and the sweep that deletes expired uploads. */
    public PitboxServer start() throws Exception {
        try {
            jetty.start();
        } catch (Exception e) {
            close();
            throw e;
        }
        sweeper = metrics.executor("upload_sweep", Executors.newScheduledThreadPool(1, r -> {
            Thread t = new Thread(r, "pitbox-upload-sweep");
            t.setDaemon(true);
            return t;
        }));
        sweeper.scheduleWithFixedDelay(this::sweep, sweepEvery.toMillis(), sweepEvery.toMillis(),
                TimeUnit.MILLISECONDS);
        return this;
    }

    private void sweep() {
        try {
            int expired = application.sessions().expireUnfinished();
            if (expired > 0) {
                LOG.info("deleted {} expired unfinished uploads", expired);
            }
        } catch (RuntimeException e) {
            LOG.warn("the upload sweep failed; it runs again in {}", sweepEvery, e);
        }
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
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
        try {
            jetty.stop();
        } finally {
            try {
                if (live != null) {
                    live.close();
                }
            } finally {
                application.storage().close();
                database.close();
                metrics.close();
            }
        }
    }

    public static void main(String[] args) throws Exception {
        if (BackupCommand.handles(args)) {
            try {
                System.out.println(BackupCommand.run(args, System.getenv()));
                return;
            } catch (IllegalArgumentException | IOException | java.sql.SQLException e) {
                System.err.println("pitbox server " + args[0] + ": " + e.getMessage());
                System.exit(2);
            }
        }
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
