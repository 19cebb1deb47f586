package org.pitbox.server.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pitbox.client.CloudClient;
import org.pitbox.client.TransferProgress;
import org.pitbox.protocol.ProtocolJson;
import org.pitbox.protocol.api.CompleteUploadRequest;
import org.pitbox.protocol.api.CreateSessionRequest;
import org.pitbox.protocol.api.SessionCreated;
import org.pitbox.server.PitboxServer;
import org.pitbox.server.ServerConfig;
import org.pitbox.server.api.RealIbts;

/**
 * Every real recording uploaded over a link throttled to 10 Mbit/s: before, as the .ibt's raw chunks; after, as the
 * desktop client sends it, packed with the codec. Prints, per file, the bytes sent as a share of the .ibt and the
 * times; both uploads give the .ibt back byte for byte. Times are measured here, never asserted.
 */
class SlowLinkUploadTest {
    private static final long LINK_BYTES_PER_SECOND = 10_000_000 / 8;
    private static final String PASSWORD = "correct horse battery";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theDesktopUploadsThePackedForm(@TempDir Path dir) throws Exception {
        try (PitboxServer server = PitboxServer.create(ServerConfig.from(new String[] {"--port", "0", "--data-dir",
                dir.resolve("server").toString()}, Map.of()), java.time.Clock.systemUTC()).start();
                ThrottledProxy link = new ThrottledProxy(server.port(), LINK_BYTES_PER_SECOND)) {
            CloudClient c = new CloudClient(link.uri());
            c.register("slow@example.com", PASSWORD, "Slow");
            c.login("slow@example.com", PASSWORD);
            long team = c.createTeam("Slow Link").id();
            long ibtTotal = 0;
            long packedTotal = 0;
            double rawSeconds = 0;
            double packedSeconds = 0;
            for (Path file : RealIbts.all()) {
                byte[] ibt = Files.readAllBytes(file);
                long start = System.nanoTime();
                long raw = rawUpload(link.uri(), c.accessToken(), team, ibt);
                double before = (System.nanoTime() - start) / 1e9;
                AtomicLong sent = new AtomicLong();
                start = System.nanoTime();
                long packed = c.upload(team, file, new CloudClient.Upload("T", "C", "Slow", Instant.now()), null,
                        (done, total) -> sent.set(total), () -> false).id();
                double after = (System.nanoTime() - start) / 1e9;
                assertTrue(sent.get() < ibt.length, file + ": the packed form is smaller");
                for (long id : new long[] {raw, packed}) {
                    Path copy = dir.resolve(id + ".ibt");
                    c.download(id, copy, TransferProgress.NONE, () -> false);
                    assertEquals(-1, Files.mismatch(file, copy), file + " as session " + id);
                }
                System.out.printf(Locale.ROOT, "upload at 10 Mbit/s %-62s .ibt %8d bytes %6.2f s; packed %7d bytes"
                        + " (%4.1f %%) %6.2f s%n", file.getFileName(), ibt.length, before, sent.get(),
                        100.0 * sent.get() / ibt.length, after);
                ibtTotal += ibt.length;
                packedTotal += sent.get();
                rawSeconds += before;
                packedSeconds += after;
            }
            System.out.printf(Locale.ROOT, "upload at 10 Mbit/s, all real recordings: .ibt %d bytes %.2f s; packed %d"
                    + " bytes (%.1f %%) %.2f s (%.1f %% of the time)%n", ibtTotal, rawSeconds, packedTotal,
                    100.0 * packedTotal / ibtTotal, packedSeconds, 100.0 * packedSeconds / rawSeconds);
        }
    }

    /** Uploads the .ibt as it is, as the desktop did before it packed; returns the session id. */
    private static long rawUpload(URI base, String token, long team, byte[] ibt) throws Exception {
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(ibt));
        SessionCreated created = ProtocolJson.mapper().readValue(send(base, token, "POST",
                "/api/v1/teams/" + team + "/sessions", json(new CreateSessionRequest("T", "C", "Slow",
                        "2025-05-01T18:30:00Z", (long) ibt.length, sha))), SessionCreated.class);
        int chunk = created.uploadChunkSize();
        for (int n = 0; (long) n * chunk < ibt.length; n++) {
            send(base, token, "PUT", "/api/v1/sessions/" + created.id() + "/chunks/" + n,
                    Arrays.copyOfRange(ibt, n * chunk, Math.min(ibt.length, (n + 1) * chunk)));
        }
        send(base, token, "POST", "/api/v1/sessions/" + created.id() + "/complete",
                json(new CompleteUploadRequest(sha)));
        return created.id();
    }

    private static byte[] json(Object body) throws Exception {
        return ProtocolJson.mapper().writeValueAsBytes(body);
    }

    private static byte[] send(URI base, String token, String method, String path, byte[] body) throws Exception {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", method.equals("PUT") ? "application/octet-stream" : "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertTrue(r.statusCode() / 100 == 2, method + " " + path + ": " + r.statusCode());
        return r.body();
    }
}
