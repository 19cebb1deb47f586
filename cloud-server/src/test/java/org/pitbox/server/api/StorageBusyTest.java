package org.pitbox.server.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pitbox.server.sessions.StorageWork;

/**
 * Uploads and downloads beyond the server's storage work are refused at once with a JSON 503 and Retry-After (one
 * storage thread and three waiting, one download here), also beyond an account's share (half of them), and go
 * through again once a place is free.
 */
class StorageBusyTest extends ApiTestBase {
    @Override
    Map<String, String> settings() {
        return Map.of("PITBOX_STORAGE_THREADS", "1", "PITBOX_STORAGE_QUEUE", "3", "PITBOX_MAX_DOWNLOADS", "1");
    }

    @Test
    void uploadWorkBeyondThePlacesIsRefusedWithRetryAfter() throws Exception {
        User u = newUser();
        long team = newTeam(u);
        byte[] file = Ibts.martinsville(2);
        long id = create(u, team, file, "Rob", "2025-05-01T18:30:00Z");
        StorageWork storage = server.application().storage();
        try (StorageWork.Place a = storage.enter(u.id()); StorageWork.Place b = storage.enter(u.id())) {
            Resp busy = put(u, id, 0, file).fails(503, "storage_busy");
            assertTrue(busy.error().message().contains("as many as one account may"), busy.body());
        }
        long x = newUser().id();
        long y = newUser().id();
        try (StorageWork.Place a = storage.enter(x); StorageWork.Place b = storage.enter(x);
                StorageWork.Place c = storage.enter(y); StorageWork.Place d = storage.enter(y)) {
            Resp busy = put(u, id, 0, file).fails(503, "storage_busy");
            assertTrue(busy.error().message().contains("storage work is full"), busy.body());
            assertEquals("2", busy.headers().firstValue("Retry-After").orElse(null));
            complete(u, id, file).fails(503, "storage_busy");
        }
        for (int n = 0; n < chunks(file); n++) {
            put(u, id, n, file).is(201);
        }
        complete(u, id, file).is(200);
        assertTrue(metrics().contains("pitbox_storage_busy_total{work=\"upload\"}"));
    }

    @Test
    void downloadsBeyondTheLimitAreRefusedWithRetryAfter() throws Exception {
        User u = newUser();
        long team = newTeam(u);
        byte[] file = Ibts.martinsville(2);
        long id = upload(u, team, file, "Rob", "2025-05-01T18:30:00Z");
        String path = "/api/v1/sessions/" + id + "/ibt";
        try (StorageWork.Place streaming = server.application().storage().download(newUser().id())) {
            Resp busy = send("GET", path, u.token(), null).fails(503, "downloads_busy");
            assertEquals("2", busy.headers().firstValue("Retry-After").orElse(null));
        }
        for (int i = 0; i < 3; i++) { // each download gives its place back
            HttpResponse<byte[]> r = download(path, u.token());
            assertEquals(200, r.statusCode());
            assertArrayEquals(file, r.body());
        }
        assertTrue(metrics().contains("pitbox_storage_busy_total{work=\"download\"}"));
    }

    private String metrics() throws Exception {
        return send("GET", "/metrics", METRICS_TOKEN, null).is(200).body();
    }
}
