package org.pitbox.server.live;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.pitbox.protocol.ProtocolJson;
import org.pitbox.server.PitboxServer;

/** A whole server's REST side, as the live tests need it: accounts, teams, invites; every call must succeed. */
final class ServerHttp {
    /** A registered user and their access token. */
    record Account(long id, String token) {
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final PitboxServer server;

    ServerHttp(PitboxServer server) {
        this.server = server;
    }

    Account account(String who) throws Exception {
        String email = who + "-" + UUID.randomUUID() + "@team.example";
        String password = "correct horse battery " + who;
        long id = post("/api/v1/auth/register", null, Map.of("email", email, "password", password, "displayName", who))
                .get("id").asLong();
        return new Account(id, post("/api/v1/auth/login", null, Map.of("email", email, "password", password))
                .get("accessToken").asText());
    }

    long team(Account owner, String name) throws Exception {
        return post("/api/v1/teams", owner.token(), Map.of("name", name)).get("id").asLong();
    }

    /** An invite code to the team with the role. */
    String invite(long team, Account owner, String role) throws Exception {
        return post("/api/v1/teams/" + team + "/invites", owner.token(), Map.of("role", role)).get("code").asText();
    }

    void accept(String code, Account user) throws Exception {
        post("/api/v1/invites/" + code + "/accept", user.token(), null);
    }

    JsonNode post(String path, String token, Object body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? ""
                        : ProtocolJson.mapper().writeValueAsString(body))), token);
    }

    JsonNode get(String path, String token) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET(), token);
    }

    /** PUTs bytes, e.g. an upload chunk. */
    JsonNode put(String path, String token, byte[] body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)), token);
    }

    /** The bytes a GET answers, e.g. a session's .ibt. */
    byte[] bytes(String path, String token) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertTrue(response.statusCode() == 200, response.statusCode() + " " + new String(response.body(),
                java.nio.charset.StandardCharsets.UTF_8));
        return response.body();
    }

    void delete(String path, String token) throws Exception {
        send(HttpRequest.newBuilder(uri(path)).DELETE(), token);
    }

    /**
     * The team's stored sessions once there is one complete (live sessions are stored in the background), or after
     * 10 s.
     */
    JsonNode awaitSessions(long team, Account member) throws Exception {
        JsonNode sessions = null;
        for (int i = 0; i < 100 && (sessions == null || sessions.get("total").asInt() == 0
                || !"complete".equals(sessions.get("items").get(0).get("status").asText())); i++) {
            Thread.sleep(100);
            sessions = get("/api/v1/teams/" + team + "/sessions", member.token());
        }
        return sessions;
    }

    URI ws(String path) {
        return URI.create("ws://127.0.0.1:" + server.port() + path);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private JsonNode send(HttpRequest.Builder request, String token) throws Exception {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() / 100 == 2, response.statusCode() + " " + response.body());
        return response.body().isEmpty() ? null : ProtocolJson.mapper().readTree(response.body());
    }
}
