package org.pitbox.server.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pitbox.protocol.api.ChunkList;
import org.pitbox.protocol.api.CompleteUploadRequest;
import org.pitbox.protocol.api.CreateSessionRequest;
import org.pitbox.protocol.api.LapView;
import org.pitbox.protocol.api.SessionPage;
import org.pitbox.protocol.api.SessionView;

/** Chunked .ibt uploads, their checks, listing, download and deletion. */
abstract class SessionApi extends ApiTestBase {
    private byte[] ibt;

    @BeforeAll
    void makeIbt() throws Exception {
        ibt = Ibts.martinsville(2);
        assertTrue(ibt.length > 2 * CHUNK, "the test file should span several chunks: " + ibt.length);
    }

    @Test
    void aResumedUploadIsParsedStoredAndDownloadable() throws Exception {
        User owner = newUser();
        long team = newTeam(owner);
        long id = create(owner, team, ibt, "Ada", "2025-05-01T18:30:00Z");
        int count = chunks(ibt);
        put(owner, id, 0, ibt).is(201);
        put(owner, id, 2, ibt).is(201);
        ChunkList progress = send("GET", "/api/v1/sessions/" + id + "/chunks", owner.token(), null).is(200)
                .as(ChunkList.class);
        assertEquals(new ChunkList(id, CHUNK, count, List.of(0, 2)), progress);
        assertTrue(send("POST", "/api/v1/sessions/" + id + "/complete", owner.token(),
                new CompleteUploadRequest(sha256(ibt))).fails(409, "chunks_missing").error().message().contains("1"));
        put(owner, id, 0, ibt).is(200);
        put(owner, id, 0, new byte[CHUNK]).fails(409, "chunk_conflict");
        send("PUT", "/api/v1/sessions/" + id + "/chunks/" + count, owner.token(), new byte[10])
                .fails(400, "invalid_chunk");
        send("PUT", "/api/v1/sessions/" + id + "/chunks/1", owner.token(), new byte[10]).fails(400, "invalid_chunk");
        for (int n = 1; n < count; n++) {
            if (n != 2) {
                put(owner, id, n, ibt).is(201);
            }
        }
        SessionView done = send("POST", "/api/v1/sessions/" + id + "/complete", owner.token(),
                new CompleteUploadRequest(sha256(ibt))).is(200).as(SessionView.class);
        assertEquals(SessionView.COMPLETE, done.status());
        assertEquals("Martinsville Speedway", done.track());
        assertEquals("Ada", done.driver());
        assertEquals(sha256(ibt), done.sha256());
        assertTrue(done.recordCount() > 0);
        assertTrue(done.laps().size() >= 2, done.laps().toString());
        LapView lap = done.laps().get(1);
        assertTrue(lap.lapTime() > 15 && lap.lapTime() < 30, lap.toString());
        assertNotNull(lap.fuelUsed());
        assertEquals(done, send("GET", "/api/v1/sessions/" + id, owner.token(), null).is(200).as(SessionView.class));
        HttpResponse<byte[]> file = download("/api/v1/sessions/" + id + "/ibt", owner.token());
        assertEquals(200, file.statusCode());
        assertArrayEquals(ibt, file.body());
        put(owner, id, 0, ibt).fails(409, "upload_complete");
        assertEquals(count, send("GET", "/api/v1/sessions/" + id + "/chunks", owner.token(), null).is(200)
                .as(ChunkList.class).received().size());
    }

    @Test
    void aWrongChecksumDropsTheChunks() throws Exception {
        User owner = newUser();
        long team = newTeam(owner);
        long id = create(owner, team, ibt, "Ada", "2025-05-01T18:30:00Z");
        for (int n = 0; n < chunks(ibt); n++) {
            put(owner, id, n, ibt).is(201);
        }
        send("POST", "/api/v1/sessions/" + id + "/complete", owner.token(), new CompleteUploadRequest("0".repeat(64)))
                .fails(422, "checksum_mismatch");
        assertEquals(List.of(), send("GET", "/api/v1/sessions/" + id + "/chunks", owner.token(), null).is(200)
                .as(ChunkList.class).received());
        send("GET", "/api/v1/sessions/" + id + "/ibt", owner.token(), null).fails(409, "upload_incomplete");
        send("POST", "/api/v1/sessions/" + id + "/complete", owner.token(), new CompleteUploadRequest("xyz"))
                .fails(400, "invalid_field");
    }

    @Test
    void aFileThatIsNoIbtIs422WithTheFormatError() throws Exception {
        User owner = newUser();
        long team = newTeam(owner);
        byte[] junk = "this is not telemetry at all".repeat(100).getBytes();
        long id = create(owner, team, junk, "Ada", "2025-05-01T18:30:00Z");
        put(owner, id, 0, junk).is(201);
        Resp r = send("POST", "/api/v1/sessions/" + id + "/complete", owner.token(),
                new CompleteUploadRequest(sha256(junk))).fails(422, "invalid_ibt");
        assertTrue(r.error().message().startsWith("not a valid .ibt file: "), r.body());
    }

    @Test
    void listsArePagedAndFiltered() throws Exception {
        User owner = newUser();
        long team = newTeam(owner);
        upload(owner, team, ibt, "Ada", "2025-05-01T18:30:00Z");
        upload(owner, team, ibt, "Bo", "2025-05-02T18:30:00Z");
        create(owner, team, ibt, "Cy", "2025-06-01T10:00:00Z");
        String base = "/api/v1/teams/" + team + "/sessions";
        SessionPage all = send("GET", base, owner.token(), null).is(200).as(SessionPage.class);
        assertEquals(3, all.total());
        assertEquals(List.of("Cy", "Bo", "Ada"), all.items().stream().map(SessionView::driver).toList());
        assertEquals(null, all.items().get(0).laps());
        SessionPage second = send("GET", base + "?page=1&size=2", owner.token(), null).is(200).as(SessionPage.class);
        assertEquals(List.of("Ada"), second.items().stream().map(SessionView::driver).toList());
        assertEquals(2, second.size());
        assertEquals(1, send("GET", base + "?driver=bo", owner.token(), null).as(SessionPage.class).total());
        assertEquals(2, send("GET", base + "?track=Martinsville%20Speedway", owner.token(), null)
                .as(SessionPage.class).total());
        assertEquals(2, send("GET", base + "?from=2025-05-01&to=2025-05-02", owner.token(), null)
                .as(SessionPage.class).total());
        assertEquals(1, send("GET", base + "?from=2025-05-02T00:00:00Z", owner.token(), null).as(SessionPage.class)
                .items().stream().filter(s -> s.driver().equals("Bo")).count());
        send("GET", base + "?size=101", owner.token(), null).fails(400, "invalid_param");
        send("GET", base + "?page=-1", owner.token(), null).fails(400, "invalid_param");
        send("GET", base + "?page=x", owner.token(), null).fails(400, "invalid_param");
        send("GET", base + "?from=yesterday", owner.token(), null).fails(400, "invalid_param");
    }

    @Test
    void creatingNeedsADriverAndValidFields() throws Exception {
        User owner = newUser();
        long team = newTeam(owner);
        User viewer = member(team, owner, "viewer");
        String base = "/api/v1/teams/" + team + "/sessions";
        send("POST", base, viewer.token(), new CreateSessionRequest("T", "C", "D", "2025-05-01T18:30:00Z", 10L, null))
                .fails(403, "forbidden");
        send("POST", base, owner.token(), new CreateSessionRequest("T", "C", "D", "yesterday", 10L, null))
                .fails(400, "invalid_field");
        assertTrue(send("POST", base, owner.token(), new CreateSessionRequest("T", "C", "D", "2025-05-01T18:30:00Z",
                null, null)).fails(400, "missing_field").error().message().contains("sizeBytes"));
        send("POST", base, owner.token(), "{\"track\":\"T\",\"car\":\"C\",\"driver\":\"D\",\"startedAt\":"
                + "\"2025-05-01T18:30:00Z\",\"sizeBytes\":\"ten\"}").fails(400, "invalid_field");
        send("POST", base, owner.token(), new CreateSessionRequest("T", "C", "D", "2025-05-01T18:30:00Z", 0L, null))
                .fails(400, "invalid_field");
    }

    @Test
    void onlyAnOwnerOrTheUploaderDeletes() throws Exception {
        User owner = newUser();
        long team = newTeam(owner);
        User driver = member(team, owner, "driver");
        User engineer = member(team, owner, "engineer");
        long first = upload(driver, team, ibt, "D", "2025-05-01T18:30:00Z");
        long second = upload(driver, team, ibt, "D", "2025-05-01T19:30:00Z");
        put(engineer, create(driver, team, ibt, "D", "2025-05-01T18:30:00Z"), 0, ibt).fails(403, "forbidden");
        send("DELETE", "/api/v1/sessions/" + first, engineer.token(), null).fails(403, "forbidden");
        send("DELETE", "/api/v1/sessions/" + first, driver.token(), null).is(204);
        send("DELETE", "/api/v1/sessions/" + second, owner.token(), null).is(204);
        send("GET", "/api/v1/sessions/" + first, driver.token(), null).fails(404, "session_not_found");
        assertTrue(Files.notExists(dataDir.resolve("sessions").resolve(second + ".pbz")));
    }

    @Test
    void recordedSessionsAreStoredFromAFile() throws Exception {
        User owner = newUser();
        long team = newTeam(owner);
        Path file = Files.createTempFile(dataDir, "recorded", ".ibt");
        Files.write(file, ibt);
        long id = server.application().sessions().storeRecorded(team, owner.id(), file);
        SessionView s = send("GET", "/api/v1/sessions/" + id, owner.token(), null).is(200).as(SessionView.class);
        assertEquals(SessionView.COMPLETE, s.status());
        assertEquals(java.time.Instant.ofEpochSecond(Ibts.START).toString(), s.startedAt());
        assertEquals(sha256(ibt), s.sha256());
        assertTrue(s.lapCount() >= 2);
        assertArrayEquals(ibt, download("/api/v1/sessions/" + id + "/ibt", owner.token()).body());
    }

    @Test
    void aRecordedSessionsVideoDownloadsWholeOrFromAByteAndGoesWithTheSession() throws Exception {
        User owner = newUser();
        long team = newTeam(owner);
        Path file = Files.createTempFile(dataDir, "recorded", ".ibt");
        Files.write(file, ibt);
        long id = server.application().sessions().storeRecorded(team, owner.id(), file);
        String video = "/api/v1/sessions/" + id + "/video";
        send("GET", video, owner.token(), null).fails(404, "no_video");
        byte[] mp4 = new byte[100_000];
        new java.util.Random(3).nextBytes(mp4);
        Path stored = Files.createTempFile(dataDir, "recorded", ".mp4");
        Files.write(stored, mp4);
        server.application().sessions().storeVideo(id, stored);
        assertEquals(100_000L, send("GET", "/api/v1/sessions/" + id, owner.token(), null).is(200)
                .as(SessionView.class).videoBytes());

        HttpResponse<byte[]> whole = download(video, owner.token());
        assertEquals(200, whole.statusCode());
        assertEquals("video/mp4", whole.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(mp4, whole.body());
        HttpResponse<byte[]> tail = ranged(video, owner.token(), "bytes=99000-");
        assertEquals(206, tail.statusCode());
        assertEquals("bytes 99000-99999/100000", tail.headers().firstValue("Content-Range").orElse(""));
        assertArrayEquals(java.util.Arrays.copyOfRange(mp4, 99_000, 100_000), tail.body());
        HttpResponse<byte[]> middle = ranged(video, owner.token(), "bytes=10-19");
        assertArrayEquals(java.util.Arrays.copyOfRange(mp4, 10, 20), middle.body());
        assertEquals(416, ranged(video, owner.token(), "bytes=100000-").statusCode());
        assertEquals(416, ranged(video, owner.token(), "bytes=0-1,5-6").statusCode());

        send("DELETE", "/api/v1/sessions/" + id, owner.token(), null).is(204);
        assertTrue(Files.notExists(dataDir.resolve("sessions").resolve(id + ".mp4")), "the video goes too");
    }

    private HttpResponse<byte[]> ranged(String path, String token, String range) throws Exception {
        return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + server.port()
                + path)).header("Authorization", "Bearer " + token).header("Range", range).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void datesOutsideTheKeptRangeAre400NamingTheField() throws Exception {
        User owner = newUser();
        long team = newTeam(owner);
        String base = "/api/v1/teams/" + team + "/sessions";
        for (String date : List.of("+1000000000-12-31T23:59:59Z", "+99999-01-01T00:00:00Z", "1969-12-31T23:59:59Z")) {
            assertTrue(send("POST", base, owner.token(), new CreateSessionRequest("T", "C", "D", date, 10L, null))
                    .fails(400, "invalid_field").error().message().contains("'startedAt'"), date);
            for (String param : List.of("from", "to")) {
                assertTrue(send("GET", base + "?" + param + "=" + URLEncoder.encode(date, StandardCharsets.UTF_8),
                        owner.token(), null).fails(400, "invalid_param").error().message().startsWith(param), date);
            }
        }
        send("GET", base + "?from=0999-01-01", owner.token(), null).fails(400, "invalid_param");
        send("POST", base, owner.token(), new CreateSessionRequest("T", "C", "D", "9999-12-31T23:59:59Z", 10L, null))
                .is(201);
        send("POST", base, owner.token(), new CreateSessionRequest("T", "C", "D", "1970-01-01T00:00:00Z", 10L, null))
                .is(201);
        assertEquals(2, send("GET", base + "?from=1970-01-01&to=9999-12-31", owner.token(), null).is(200)
                .as(SessionPage.class).total());
    }

    @Test
    void pagesBeyondTheIntRangeAre400NamingThePage() throws Exception {
        User owner = newUser();
        long team = newTeam(owner);
        String base = "/api/v1/teams/" + team + "/sessions";
        assertTrue(send("GET", base + "?page=21474837&size=100", owner.token(), null).fails(400, "invalid_param")
                .error().message().startsWith("page must be 0..21474836"));
        assertEquals(List.of(), send("GET", base + "?page=21474836&size=100", owner.token(), null).is(200)
                .as(SessionPage.class).items());
        assertEquals(List.of(), send("GET", base + "?page=2147483647&size=1", owner.token(), null).is(200)
                .as(SessionPage.class).items());
        send("GET", base + "?page=2147483648", owner.token(), null).fails(400, "invalid_param");
    }

    @Test
    void aConstraintNoCheckCaughtIsJson409() throws Exception {
        User owner = newUser();
        long team = newTeam(owner);
        sql("alter table sessions add constraint no_ghosts check (driver <> 'Ghost')");
        try {
            send("POST", "/api/v1/teams/" + team + "/sessions", owner.token(), new CreateSessionRequest("T", "C",
                    "Ghost", "2025-05-01T18:30:00Z", 10L, null)).fails(409, "conflict");
        } finally {
            sql("alter table sessions drop constraint no_ghosts");
        }
    }
}
