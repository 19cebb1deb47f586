package org.pitbox.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pitbox.protocol.HealthReport;
import org.pitbox.protocol.api.LoginRequest;
import org.pitbox.protocol.api.RefreshRequest;
import org.pitbox.protocol.api.RegisterRequest;
import org.pitbox.protocol.api.TokenPair;
import org.pitbox.protocol.api.UserView;

/** Accounts, tokens, request validation and the public endpoints. */
abstract class AuthApi extends ApiTestBase {
    @Test
    void registerAnswersTheAccountAndRefusesADuplicate() throws Exception {
        UserView u = send("POST", "/api/v1/auth/register", null,
                new RegisterRequest("Ada@Example.com ", PASSWORD, "Ada")).is(201).as(UserView.class);
        assertEquals("ada@example.com", u.email());
        assertEquals("Ada", u.displayName());
        assertTrue(u.id() > 0);
        send("POST", "/api/v1/auth/register", null, new RegisterRequest("ada@example.com", PASSWORD, "Other"))
                .fails(409, "email_taken");
    }

    @Test
    void badRegistrationsAreFourHundredsNamingTheProblem() throws Exception {
        String path = "/api/v1/auth/register";
        assertTrue(send("POST", path, null, "{\"email\":\"a@b.co\",\"password\":\"longenough\"}")
                .fails(400, "missing_field").error().message().contains("displayName"));
        send("POST", path, null, new RegisterRequest("not-an-email", PASSWORD, "X")).fails(400, "invalid_email");
        send("POST", path, null, new RegisterRequest("short@example.com", "short", "X")).fails(400, "weak_password");
        assertTrue(send("POST", path, null, "{\"email\":\"a@b.co\",\"password\":\"longenough\",\"displayName\":\"A\","
                + "\"admin\":true}").fails(400, "unknown_field").error().message().contains("admin"));
        assertTrue(send("POST", path, null, "{\"email\":\"a@b.co\",\"password\":12345678,\"displayName\":\"A\"}")
                .fails(400, "invalid_field").error().message().contains("password"));
        send("POST", path, null, "{\"email\": ").fails(400, "malformed_json");
        send("POST", path, null, "[1,2]").fails(400, "invalid_body");
        send("POST", path, null, "{\"email\":\"a@b.co\"} trailing").fails(400, "malformed_json");
        send("POST", path, null, null).fails(400, "missing_body");
        send("POST", path, null, new byte[] {1, 2}).fails(415, "unsupported_media_type");
    }

    @Test
    void oversizeBodiesAre413BeforeTheyAreSent() throws Exception {
        String big = "{\"email\":\"" + "a".repeat(5 * CHUNK) + "\"}";
        var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + server.port()
                + "/api/v1/auth/register")).expectContinue(true).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(big)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        new Resp(r.statusCode(), r.body(), r.headers()).fails(413, "body_too_large");
    }

    @Test
    void loginGivesTokensThatOpenTheApiUntilTheyExpire() throws Exception {
        User u = newUser();
        send("GET", "/api/v1/teams", u.token(), null).is(200);
        TokenPair t = send("POST", "/api/v1/auth/login", null, new LoginRequest(u.email(), PASSWORD)).is(200)
                .as(TokenPair.class);
        assertEquals(900, t.expiresIn());
        assertEquals(3, t.accessToken().split("\\.").length);
        clock.advance(Duration.ofMinutes(16));
        try {
            send("GET", "/api/v1/teams", t.accessToken(), null).fails(401, "invalid_token");
            TokenPair fresh = send("POST", "/api/v1/auth/refresh", null, new RefreshRequest(t.refreshToken())).is(200)
                    .as(TokenPair.class);
            send("GET", "/api/v1/teams", fresh.accessToken(), null).is(200);
        } finally {
            clock.advance(Duration.ofMinutes(-16));
        }
    }

    @Test
    void wrongPasswordsAndUnknownEmailsLookTheSame() throws Exception {
        User u = newUser();
        send("POST", "/api/v1/auth/login", null, new LoginRequest(u.email(), "wrong password")).fails(401,
                "invalid_credentials");
        send("POST", "/api/v1/auth/login", null, new LoginRequest("nobody@example.com", PASSWORD)).fails(401,
                "invalid_credentials");
        send("POST", "/api/v1/auth/login", null, "{\"email\":\"x@y.z\"}").fails(400, "missing_field");
    }

    @Test
    void refreshRotatesAndReuseRevokesTheFamily() throws Exception {
        User u = newUser();
        TokenPair second = send("POST", "/api/v1/auth/refresh", null, new RefreshRequest(u.refreshToken())).is(200)
                .as(TokenPair.class);
        assertNotEquals(u.refreshToken(), second.refreshToken());
        send("POST", "/api/v1/auth/refresh", null, new RefreshRequest(u.refreshToken()))
                .fails(401, "invalid_refresh_token");
        send("POST", "/api/v1/auth/refresh", null, new RefreshRequest(second.refreshToken()))
                .fails(401, "invalid_refresh_token");
        send("POST", "/api/v1/auth/refresh", null, new RefreshRequest("made-up")).fails(401, "invalid_refresh_token");
    }

    @Test
    void logoutRevokesTheRefreshToken() throws Exception {
        User u = newUser();
        send("POST", "/api/v1/auth/logout", null, new RefreshRequest(u.refreshToken())).is(204);
        send("POST", "/api/v1/auth/refresh", null, new RefreshRequest(u.refreshToken()))
                .fails(401, "invalid_refresh_token");
        send("POST", "/api/v1/auth/logout", null, new RefreshRequest(u.refreshToken())).is(204);
    }

    @Test
    void refreshTokensExpire() throws Exception {
        User u = newUser();
        clock.advance(Duration.ofDays(31));
        try {
            send("POST", "/api/v1/auth/refresh", null, new RefreshRequest(u.refreshToken()))
                    .fails(401, "invalid_refresh_token");
        } finally {
            clock.advance(Duration.ofDays(-31));
        }
    }

    @Test
    void unknownRoutesAndMethodsAnswerJson() throws Exception {
        send("GET", "/api/v1/nothing", null, null).fails(404, "not_found");
        send("DELETE", "/api/v1/auth/login", null, null).fails(405, "method_not_allowed");
        User u = newUser();
        send("GET", "/api/v1/teams/abc/members", u.token(), null).fails(404, "not_found");
    }

    @Test
    void healthAndOpenApiArePublicAndMetricsNeedTheirToken() throws Exception {
        HealthReport health = send("GET", "/health", null, null).is(200).as(HealthReport.class);
        assertEquals(HealthReport.UP, health.checks().get("database"));
        send("GET", "/api/v1/teams", null, null).is(401);
        send("GET", "/metrics", null, null).fails(401, "invalid_metrics_token");
        send("GET", "/metrics", METRICS_TOKEN + "x", null).fails(401, "invalid_metrics_token");
        Resp metrics = send("GET", "/metrics", METRICS_TOKEN, null).is(200);
        assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertTrue(metrics.body().contains("pitbox_http_requests_total{method=\"GET\",route=\"/health\",status=\"2xx\"}"),
                metrics.body());
        assertTrue(metrics.body().contains("pitbox_http_requests_total{method=\"GET\",route=\"/api/v1/teams\","
                + "status=\"4xx\"}"), metrics.body());
        assertTrue(metrics.body().contains("pitbox_http_request_duration_seconds_bucket{route=\"/health\",le=\"+Inf\"}"));
        Map<?, ?> openapi = send("GET", "/openapi.json", null, null).is(200).as(Map.class);
        assertTrue(openapi.get("openapi").toString().startsWith("3.0."), openapi.get("openapi").toString());
    }

    @Test
    void passwordsAndTokensNeverReachTheLogs() throws Exception {
        String password = "Zebra-Quokka-" + System.nanoTime();
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        TokenPair t;
        try {
            System.setOut(capture);
            System.setErr(capture);
            String email = "quokka" + System.nanoTime() + "@example.com";
            send("POST", "/api/v1/auth/register", null, new RegisterRequest(email, password, "Q")).is(201);
            t = send("POST", "/api/v1/auth/login", null, new LoginRequest(email, password)).is(200).as(TokenPair.class);
            send("POST", "/api/v1/auth/login", null, new LoginRequest(email, password + "x")).is(401);
            send("POST", "/api/v1/auth/refresh", null, new RefreshRequest(t.refreshToken())).is(200);
            send("GET", "/api/v1/teams", t.accessToken() + "x", null).is(401);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String logs = captured.toString(StandardCharsets.UTF_8);
        assertFalse(logs.contains(password), logs);
        assertFalse(logs.contains(t.refreshToken()), logs);
        assertFalse(logs.contains(t.accessToken()), logs);
    }
}
