package org.pitbox.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pitbox.protocol.api.CompleteUploadRequest;
import org.pitbox.protocol.api.CreateSessionRequest;
import org.pitbox.protocol.api.InviteView;
import org.pitbox.protocol.api.SessionCreated;
import org.pitbox.protocol.api.SessionPage;
import org.pitbox.server.auth.TokenService;

/**
 * Every protected route with a foreign team's token (404: the team's data does not exist for outsiders), no
 * token, an expired token and a tampered token (401).
 */
abstract class IsolationApi extends ApiTestBase {
    private User owner;
    private User stranger;
    private long team;
    private long session;
    private long uploading;
    private String code;
    private long insight;
    private byte[] ibt;

    /** A protected route; {@code foreign} false where an outsider's call is legitimate (own teams, invites). */
    record Call(String method, String template, Object body, boolean foreign) {
        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    static Stream<Call> routes() {
        return Stream.of(
                new Call("GET", "/api/v1/teams", null, false),
                new Call("POST", "/api/v1/teams", Map.of("name", "X"), false),
                new Call("GET", "/api/v1/teams/{teamId}/members", null, true),
                new Call("POST", "/api/v1/teams/{teamId}/invites", Map.of("role", "owner"), true),
                new Call("DELETE", "/api/v1/teams/{teamId}/invites/{code}", null, true),
                new Call("DELETE", "/api/v1/teams/{teamId}/members/me", null, true),
                new Call("DELETE", "/api/v1/teams/{teamId}/members/{userId}", null, true),
                new Call("POST", "/api/v1/invites/{code}/accept", null, false),
                new Call("GET", "/api/v1/teams/{teamId}/sessions", null, true),
                new Call("POST", "/api/v1/teams/{teamId}/sessions", new CreateSessionRequest("T", "C", "D",
                        "2025-05-01T18:30:00Z", 10L, null), true),
                new Call("GET", "/api/v1/sessions/{id}", null, true),
                new Call("DELETE", "/api/v1/sessions/{id}", null, true),
                new Call("PUT", "/api/v1/sessions/{id}/chunks/{n}", new byte[10], true),
                new Call("GET", "/api/v1/sessions/{id}/chunks", null, true),
                new Call("POST", "/api/v1/sessions/{id}/complete", new CompleteUploadRequest("0".repeat(64)), true),
                new Call("GET", "/api/v1/sessions/{id}/ibt", null, true),
                new Call("GET", "/api/v1/sessions/{id}/video", null, true),
                new Call("POST", "/api/v1/teams/{teamId}/ai/sessions/{session}/chat", Map.of("question", "Fuel?"),
                        true),
                new Call("GET", "/api/v1/teams/{teamId}/ai/sessions/{session}/conversation", null, true),
                new Call("GET", "/api/v1/teams/{teamId}/ai/sessions/{session}/insights", null, true),
                new Call("POST", "/api/v1/teams/{teamId}/ai/insights/{insightId}/ratings", Map.of("rating", "wrong"),
                        true),
                new Call("PUT", "/api/v1/teams/{teamId}/ai/insights/{insightId}/cards/{cardId}",
                        Map.of("state", "accepted"), true),
                new Call("GET", "/api/v1/teams/{teamId}/ai/report", null, true),
                new Call("GET", "/api/v1/teams/{teamId}/ai/export", null, true),
                new Call("GET", "/api/v1/teams/{teamId}/ai/budget", null, true),
                new Call("PUT", "/api/v1/teams/{teamId}/ai/budget", Map.of("requestsPerMinute", 1, "tokensPerDay", 0),
                        true),
                new Call("POST", "/api/v1/teams/{teamId}/voice/speech", Map.of("text", "Box."), true),
                new Call("GET", "/api/v1/teams/{teamId}/voice/voices", null, true),
                new Call("GET", "/api/v1/teams/{teamId}/voice/profile", null, true),
                new Call("PUT", "/api/v1/teams/{teamId}/voice/profile", Map.of("speed", 1.0), true),
                new Call("GET", "/api/v1/teams/{teamId}/voice/profiles/me", null, true),
                new Call("PUT", "/api/v1/teams/{teamId}/voice/profiles/me", Map.of("speed", 1.0), true),
                new Call("GET", "/api/v1/teams/{teamId}/voice/budget", null, true),
                new Call("PUT", "/api/v1/teams/{teamId}/voice/budget", Map.of("requestsPerMinute", 1,
                        "charactersPerDay", 0), true));
    }

    @BeforeAll
    void makeTeamData() throws Exception {
        owner = newUser();
        stranger = newUser();
        newTeam(stranger);
        team = newTeam(owner);
        ibt = Ibts.martinsville(1);
        session = upload(owner, team, ibt, "D", "2025-05-01T18:30:00Z");
        uploading = send("POST", "/api/v1/teams/" + team + "/sessions", owner.token(), new CreateSessionRequest("T",
                "C", "D", "2025-05-01T18:30:00Z", 10L, null)).is(201).as(SessionCreated.class).id();
        code = send("POST", "/api/v1/teams/" + team + "/invites", owner.token(), Map.of("role", "viewer")).is(201)
                .as(InviteView.class).code();
        insight = SseEvents.parse(send("POST", "/api/v1/teams/" + team + "/ai/sessions/" + session + "/chat",
                owner.token(), Map.of("question", "Fuel?")).is(200).body()).done().get("id").asLong();
    }

    private String path(Call c) {
        long id = c.template().endsWith("chunks/{n}") || c.template().endsWith("complete") ? uploading : session;
        return c.template().replace("{teamId}", Long.toString(team)).replace("{userId}", Long.toString(owner.id()))
                .replace("{id}", Long.toString(id)).replace("{n}", "0").replace("{code}", code)
                .replace("{session}", Long.toString(session)).replace("{insightId}", Long.toString(insight))
                .replace("{cardId}", "q1-fuel-1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void aForeignTeamsDataDoesNotExist(Call c) throws Exception {
        if (c.foreign()) {
            send(c.method(), path(c), stranger.token(), c.body())
                    .fails(404, c.template().contains("{teamId}") ? "team_not_found" : "session_not_found");
        }
        assertTeamUntouched();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void aMissingTokenIs401(Call c) throws Exception {
        Resp r = send(c.method(), path(c), null, c.body()).fails(401, "missing_token");
        assertEquals("Bearer", r.headers().firstValue("WWW-Authenticate").orElse(null));
        send(c.method(), path(c), "", c.body()).fails(401, "missing_token");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void anExpiredTokenIs401(Call c) throws Exception {
        String expired = new TokenService(secret(), Duration.ofMinutes(15),
                Clock.offset(clock, Duration.ofMinutes(-16))).issue(owner.id(), owner.email());
        send(c.method(), path(c), expired, c.body()).fails(401, "invalid_token");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void aTamperedTokenIs401(Call c) throws Exception {
        String[] parts = stranger.token().split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"sub\":\"" + stranger.id() + "\"", "\"sub\":\"" + owner.id() + "\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        send(c.method(), path(c), forged, c.body()).fails(401, "invalid_token");
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes())
                + "." + parts[1] + ".";
        send(c.method(), path(c), none, c.body()).fails(401, "invalid_token");
        send(c.method(), path(c), "garbage", c.body()).fails(401, "invalid_token");
    }

    @Test
    void theTableCoversEveryProtectedRoute() {
        Set<String> served = Routes.of(server.application()).stream().filter(r -> !r.open())
                .map(Routes.Route::key).collect(Collectors.toCollection(TreeSet::new));
        Set<String> tested = routes().map(Call::toString).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(served, tested);
    }

    private void assertTeamUntouched() throws Exception {
        assertEquals(2, send("GET", "/api/v1/teams/" + team + "/sessions", owner.token(), null).is(200)
                .as(SessionPage.class).total());
        assertEquals(1, send("GET", "/api/v1/teams/" + team + "/members", owner.token(), null).is(200)
                .as(List.class).size());
    }

    private String secret() throws Exception {
        Path file = dataDir.resolve("token.secret");
        return Files.exists(file) ? Files.readString(file) : TestDatabase.SECRET;
    }
}
