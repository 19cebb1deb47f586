package org.pitbox.server.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.pitbox.client.CloudClient;
import org.pitbox.client.TransferProgress;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.iracing.ibt.IbtFile;
import org.pitbox.iracing.ibt.IbtWriter;
import org.pitbox.iracing.ibt.SimulatedIbt;
import org.pitbox.protocol.ProtocolJson;
import org.pitbox.protocol.api.CompleteUploadRequest;
import org.pitbox.protocol.api.CreateSessionRequest;
import org.pitbox.protocol.api.SessionCreated;
import org.pitbox.server.PitboxServer;
import org.pitbox.server.ServerConfig;
import org.pitbox.server.api.RealIbts;

/**
 * Uploads over a link throttled to 10 Mbit/s: before, as the old client sent a file (its raw chunks one after the
 * other); after, as the desktop's {@link CloudClient} sends it. Each stored session is downloaded past the link and
 * compared byte for byte. {@code main} ({@code ./pitbox benchmark upload}) measures a one-hour simulated session and
 * every real recording; {@code SlowLinkUploadTest} runs it on a short session. Times are printed, never asserted.
 */
public final class UploadBenchmark implements AutoCloseable {
    static final long LINK_BYTES_PER_SECOND = 10_000_000 / 8;
    private static final String PASSWORD = "correct horse battery";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** One file's figures; {@code sent} is what the desktop sent, {@code stored} what the server keeps. */
    record Result(String name, long ibtBytes, long sent, long stored, double rawSeconds, double seconds,
            String phases) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-58s .ibt %10d bytes %7.2f s; sent %9d bytes (%4.1f %%) %6.2f s"
                    + " (%4.1f %% of the time: %s); stored %4.1f %%", name, ibtBytes, rawSeconds, sent,
                    100.0 * sent / ibtBytes, seconds, 100.0 * seconds / rawSeconds, phases, 100.0 * stored / ibtBytes);
        }
    }

    private final Path dir;
    private final PitboxServer server;
    private final ThrottledProxy link;
    private final CloudClient slow;
    private final CloudClient direct;
    private final long team;

    UploadBenchmark(Path dir) throws Exception {
        this.dir = dir;
        this.server = PitboxServer.create(ServerConfig.from(new String[] {"--port", "0", "--data-dir",
                dir.resolve("server").toString()}, Map.of()), Clock.systemUTC()).start();
        this.link = new ThrottledProxy(server.port(), LINK_BYTES_PER_SECOND);
        this.slow = new CloudClient(link.uri());
        slow.register("slow@example.com", PASSWORD, "Slow");
        slow.login("slow@example.com", PASSWORD);
        this.team = slow.createTeam("Slow Link").id();
        this.direct = new CloudClient(URI.create("http://127.0.0.1:" + server.port()));
        direct.login("slow@example.com", PASSWORD);
    }

    /** Uploads {@code file} before and after, checks both stored sessions, and returns the figures. */
    Result measure(Path file) throws IOException {
        long start = System.nanoTime();
        long raw = rawUpload(file);
        double before = (System.nanoTime() - start) / 1e9;
        AtomicLong sent = new AtomicLong();
        long[] at = new long[3];
        start = System.nanoTime();
        at[0] = start;
        long packed = slow.upload(team, file, new CloudClient.Upload("T", "C", "Slow", Instant.now()), null,
                new TransferProgress() {
                    @Override
                    public void session(long id) {
                        at[1] = System.nanoTime();
                    }

                    @Override
                    public void progress(long done, long total) {
                        sent.set(total);
                        at[2] = System.nanoTime();
                    }
                }, () -> false).id();
        long end = System.nanoTime();
        double after = (end - start) / 1e9;
        String phases = String.format(Locale.ROOT, "packing %.2f s, chunks %.2f s, complete %.2f s",
                (at[1] - at[0]) / 1e9, (at[2] - at[1]) / 1e9, (end - at[2]) / 1e9);
        for (long id : new long[] {raw, packed}) {
            Path copy = dir.resolve(id + ".ibt");
            direct.download(id, copy, TransferProgress.NONE, () -> false);
            if (Files.mismatch(file, copy) != -1) {
                throw new AssertionError(file + " came back different as session " + id);
            }
            Files.delete(copy);
        }
        long stored = Files.size(dir.resolve("server/sessions/" + packed + ".pbz"));
        return new Result(file.getFileName().toString().replace(".ibt", ""), Files.size(file), sent.get(), stored,
                before, after, phases);
    }

    /** Uploads the .ibt as it is, chunk after chunk, as the desktop did before it packed; returns the session id. */
    private long rawUpload(Path file) throws IOException {
        String token = slow.accessToken();
        long size = Files.size(file);
        SessionCreated created = ProtocolJson.mapper().readValue(send(token, "POST", "/api/v1/teams/" + team
                + "/sessions", json(new CreateSessionRequest("T", "C", "Slow", "2025-05-01T18:30:00Z", size,
                        sha256(file)))), SessionCreated.class);
        int chunk = created.uploadChunkSize();
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = 0; (long) n * chunk < size; n++) {
                send(token, "PUT", "/api/v1/sessions/" + created.id() + "/chunks/" + n, in.readNBytes(chunk));
            }
        }
        send(token, "POST", "/api/v1/sessions/" + created.id() + "/complete",
                json(new CompleteUploadRequest(sha256(file))));
        return created.id();
    }

    /** A simulated session of {@code minutes} at Monza, as the simulator writes it. */
    static Path simulated(Path dir, int minutes) throws IOException {
        Path file = dir.resolve("simulated-" + minutes + "-minutes.ibt");
        SimulatedIbt.write(SimOptions.defaults().withDuration(minutes * 60.0), file, 1_746_000_000L);
        return file;
    }

    /**
     * A session of {@code minutes} made of the real recording {@code real}'s rows, over and over (each batch of the
     * packed form stands alone, so it packs as the recording does): what an hour of iRacing's channels weighs.
     */
    static Path repeated(Path dir, Path real, int minutes) throws IOException {
        Path file = dir.resolve(real.getFileName().toString().replace(".ibt", "-" + minutes + "-minutes.ibt"));
        try (IbtFile ibt = IbtFile.open(real); IbtWriter out = IbtWriter.create(file, ibt.layout(),
                ibt.sessionInfoYaml(), ibt.tickRate(), ibt.header().sessionStartDate())) {
            long rows = (long) minutes * 60 * ibt.tickRate();
            for (long n = 0; n < rows; n++) {
                out.append(ibt.rows(), ibt.rowStart((int) (n % ibt.recordCount())));
            }
        }
        return file;
    }

    private static String sha256(Path file) throws IOException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] json(Object body) throws IOException {
        return ProtocolJson.mapper().writeValueAsBytes(body);
    }

    private byte[] send(String token, String method, String path, byte[] body) throws IOException {
        try {
            HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(link.uri().resolve(path))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", method.equals("PUT") ? "application/octet-stream" : "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() / 100 != 2) {
                throw new IOException(method + " " + path + ": " + r.statusCode() + " " + new String(r.body()));
            }
            return r.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException();
        }
    }

    @Override
    public void close() throws Exception {
        link.close();
        server.close();
    }

    /**
     * {@code [--minutes N] [--real]}: a simulated session of N minutes (60); with {@code --real} also the largest real
     * recording repeated to N minutes, and every real recording.
     */
    public static void main(String[] args) throws Exception {
        int minutes = 60;
        boolean real = false;
        Path report = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--minutes" -> minutes = Integer.parseInt(args[++i]);
                case "--real" -> real = true;
                case "--out" -> report = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("usage: [--minutes N] [--real] [--out FILE], not "
                        + args[i]);
            }
        }
        List<String> lines = new ArrayList<>();
        Path dir = Files.createTempDirectory("pitbox-upload-benchmark");
        try (UploadBenchmark b = new UploadBenchmark(dir)) {
            List<Path> files = new ArrayList<>();
            if (minutes > 0) {
                files.add(simulated(dir, minutes));
            }
            if (real) {
                List<Path> all = RealIbts.all();
                if (minutes > 0) {
                    files.add(repeated(dir, all.get(all.size() - 1), minutes));
                }
                files.addAll(all);
            }
            double raw = 0;
            double after = 0;
            for (Path f : files) {
                Result r = b.measure(f);
                lines.add("upload at 10 Mbit/s " + r);
                System.out.println(lines.getLast());
                if (!f.startsWith(dir)) {
                    raw += r.rawSeconds();
                    after += r.seconds();
                }
            }
            if (real) {
                lines.add(String.format(Locale.ROOT, "upload at 10 Mbit/s, all real recordings: %.2f s before, %.2f s"
                        + " after (%.1f %% of the time)", raw, after, 100 * after / raw));
                System.out.println(lines.getLast());
            }
            if (report != null) {
                Files.createDirectories(report.toAbsolutePath().getParent());
                Files.write(report, lines);
            }
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
