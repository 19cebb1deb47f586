package org.pitbox.server.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pitbox.protocol.api.CreateSessionRequest;
import org.pitbox.protocol.api.SessionCreated;

/** Bytes per session and per team, unfinished uploads per user and their expiry; each refusal is JSON and counted. */
class QuotaTest extends ApiTestBase {
    private static final long SESSION_MAX = 64L * CHUNK;

    @Override
    Map<String, String> settings() {
        return Map.of("PITBOX_MAX_SESSION_BYTES", Long.toString(SESSION_MAX),
                "PITBOX_TEAM_QUOTA_BYTES", Long.toString(160L * CHUNK),
                "PITBOX_OPEN_UPLOADS_PER_USER", "2", "PITBOX_UPLOAD_EXPIRY_HOURS", "1");
    }

    @Test
    void aSessionLargerThanTheLimitIsRefused() throws Exception {
        User u = newUser();
        long team = newTeam(u);
        start(u, team, SESSION_MAX + 1).fails(413, "session_too_large");
        start(u, team, SESSION_MAX).is(201);
        assertTrue(metrics().contains("pitbox_quota_refusals_total{quota=\"session_bytes\"}"));
    }

    @Test
    void aUserHasAtMostTheLimitOfUnfinishedUploads() throws Exception {
        User u = newUser();
        long team = newTeam(u);
        long first = start(u, team, 1000).is(201).as(SessionCreated.class).id();
        start(u, team, 1000).is(201);
        start(u, team, 1000).fails(429, "too_many_uploads");
        send("DELETE", "/api/v1/sessions/" + first, u.token(), null).is(204);
        start(u, team, 1000).is(201);
    }

    @Test
    void aTeamHoldsAtMostItsQuota() throws Exception {
        User owner = newUser();
        long team = newTeam(owner);
        User driver = member(team, owner, "driver");
        start(owner, team, SESSION_MAX).is(201);
        start(driver, team, SESSION_MAX).is(201);
        start(driver, team, SESSION_MAX).fails(413, "team_quota_exceeded");
        start(driver, team, 32L * CHUNK).is(201);
        User other = newUser();
        start(other, newTeam(other), SESSION_MAX).is(201); // another team's quota is its own
        assertTrue(metrics().contains("pitbox_quota_refusals_total{quota=\"team_bytes\"}"));
    }

    @Test
    void unfinishedUploadsExpireWithTheirChunks() throws Exception {
        User u = newUser();
        long team = newTeam(u);
        byte[] file = new byte[CHUNK + 10];
        long id = create(u, team, file, "Rob", "2025-05-01T18:30:00Z");
        put(u, id, 0, file).is(201);
        assertTrue(Files.isDirectory(dataDir.resolve("uploads").resolve(Long.toString(id))));
        clock.advance(Duration.ofMinutes(59));
        server.application().sessions().expireUnfinished();
        u = again(u);
        send("GET", "/api/v1/sessions/" + id, u.token(), null).is(200);
        clock.advance(Duration.ofMinutes(2));
        assertTrue(server.application().sessions().expireUnfinished() >= 1);
        u = again(u);
        send("GET", "/api/v1/sessions/" + id, u.token(), null).fails(404, "session_not_found");
        assertFalse(Files.exists(dataDir.resolve("uploads").resolve(Long.toString(id))));
        assertTrue(metrics().contains("pitbox_uploads_expired_total"));
        long done = upload(u, team, Ibts.martinsville(2), "Rob", "2025-05-01T18:30:00Z");
        clock.advance(Duration.ofHours(2));
        server.application().sessions().expireUnfinished();
        u = again(u);
        send("GET", "/api/v1/sessions/" + done, u.token(), null).is(200); // finished sessions never expire
    }

    /** The user with a fresh access token, after the clock moved past the old one's expiry. */
    private Resp start(User u, long team, long size) throws Exception {
        return send("POST", "/api/v1/teams/" + team + "/sessions", u.token(),
                new CreateSessionRequest("Martinsville", "Car", "Rob", "2025-05-01T18:30:00Z", size, null));
    }

    private String metrics() throws Exception {
        return send("GET", "/metrics", METRICS_TOKEN, null).is(200).body();
    }
}
