package org.pitbox.server;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.Server;
import org.glassfish.jersey.jetty.JettyHttpContainerFactory;

/** The PitBox cloud server: Jersey on Jetty with an embedded database by default. */
public final class PitboxServer implements AutoCloseable {
    private final Server jetty;

    private PitboxServer(Server jetty) {
        this.jetty = jetty;
    }

    /** Starts a server; {@code config.port() == 0} picks a free port. */
    public static PitboxServer start(ServerConfig config) throws IOException {
        Files.createDirectories(config.dataDir());
        Database database = Database.open(config.jdbcUrl());
        URI base = URI.create("http://0.0.0.0:" + config.port() + "/");
        Server jetty = JettyHttpContainerFactory.createServer(base, new PitboxApplication(database), true);
        return new PitboxServer(jetty);
    }

    public int port() {
        return ((NetworkConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
    }

    public static void main(String[] args) throws Exception {
        ServerConfig config;
        try {
            config = ServerConfig.from(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("pitbox server: " + e.getMessage());
            System.exit(2);
            return;
        }
        PitboxServer server = start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("pitbox server: error while stopping: " + e.getMessage());
            }
        }));
        System.out.println("PitBox server " + Version.current() + " listening on http://localhost:" + server.port()
                + " (data in " + config.dataDir().toAbsolutePath() + ")");
        server.jetty.join();
    }
}
