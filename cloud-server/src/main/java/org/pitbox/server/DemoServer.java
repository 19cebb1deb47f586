package org.pitbox.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.pitbox.protocol.ApiPaths;
import org.pitbox.protocol.ProtocolJson;
import org.pitbox.protocol.api.CreateInviteRequest;
import org.pitbox.protocol.api.CreateTeamRequest;
import org.pitbox.protocol.api.InviteView;
import org.pitbox.protocol.api.LoginRequest;
import org.pitbox.protocol.api.RegisterRequest;
import org.pitbox.protocol.api.TeamView;
import org.pitbox.protocol.api.TokenPair;

/**
 * {@code ./pitbox demo}'s server: the embedded server on a free port with its data in a fresh folder, a demo
 * team owned by a driver account and an engineer invited into it, all made through the public API. It prints
 * the address, writes it to {@code --ready-file FILE} once everything is there, and deletes its data on exit.
 */
public final class DemoServer {
    public static final String PASSWORD = "pitbox-demo";
    public static final String DRIVER = "driver@demo.pitbox";
    public static final String ENGINEER = "engineer@demo.pitbox";
    public static final String TEAM = "PitBox Demo Racing";

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;

    private DemoServer(URI base) {
        this.base = base;
    }

    /** Makes the two accounts and the team on the server at {@code base}; returns the team. */
    public static TeamView seed(URI base) throws IOException, InterruptedException {
        return new DemoServer(base).seed();
    }

    private TeamView seed() throws IOException, InterruptedException {
        post(ApiPaths.AUTH + "/register", null, new RegisterRequest(DRIVER, PASSWORD, "Demo Driver"), Map.class);
        post(ApiPaths.AUTH + "/register", null, new RegisterRequest(ENGINEER, PASSWORD, "Demo Engineer"), Map.class);
        String driver = login(DRIVER);
        TeamView team = post(ApiPaths.TEAMS, driver, new CreateTeamRequest(TEAM), TeamView.class);
        InviteView invite = post(ApiPaths.TEAMS + "/" + team.id() + "/invites", driver,
                new CreateInviteRequest("engineer"), InviteView.class);
        post(ApiPaths.INVITES + "/" + invite.code() + "/accept", login(ENGINEER), null, TeamView.class);
        return team;
    }

    private String login(String email) throws IOException, InterruptedException {
        return post(ApiPaths.AUTH + "/login", null, new LoginRequest(email, PASSWORD), TokenPair.class).accessToken();
    }

    private <T> T post(String path, String token, Object body, Class<T> type) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : ProtocolJson.mapper().writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("demo setup: POST " + path + " answered " + response.statusCode() + " " + response.body());
        }
        return ProtocolJson.mapper().readValue(response.body(), type);
    }

    public static void main(String[] args) throws Exception {
        Path ready = args.length == 2 && args[0].equals("--ready-file") ? Path.of(args[1]) : null;
        Path data = Files.createTempDirectory("pitbox-demo-server");
        ServerConfig config = ServerConfig.from(new String[] {"--port", "0", "--data-dir", data.toString()}, Map.of());
        PitboxServer server = PitboxServer.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, data)));
        URI base = URI.create("http://127.0.0.1:" + server.port());
        TeamView team = seed(base);
        System.out.println("PitBox demo server on " + base + ": team \"" + team.name() + "\", driver " + DRIVER
                + " and engineer " + ENGINEER + ", password " + PASSWORD);
        if (ready != null) {
            Path temp = Files.createTempFile(ready.toAbsolutePath().getParent(), "ready", ".tmp");
            Files.writeString(temp, base.toString());
            Files.move(temp, ready, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        server.jetty().join();
    }

    private static void stop(PitboxServer server, Path data) {
        try {
            server.close();
        } catch (Exception e) {
            System.err.println("pitbox demo: error while stopping the server: " + e.getMessage());
        }
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder; the system cleans it eventually
        }
    }
}
