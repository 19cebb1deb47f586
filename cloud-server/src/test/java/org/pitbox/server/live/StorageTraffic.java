package org.pitbox.server.live;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.pitbox.client.CloudClient;
import org.pitbox.client.TransferProgress;
import org.pitbox.protocol.api.SessionView;

/**
 * Uploads and downloads of real .ibt files beside {@link LiveLoad}'s live traffic: each uploader sends the files in
 * turn as new sessions, each downloader fetches the sessions stored before the run; every transfer is checked by
 * SHA-256 against the file on disk. Each client is a thread with its own client and account. LiveLoad runs this in
 * a JVM of its own at the idle scheduling policy ({@link #main}): in reality these clients are other machines, and
 * their packing and hashing must not take the CPU of the load generator's drivers and subscribers.
 */
final class StorageTraffic {
    private static final String PASSWORD = "load-test-password-1";

    private final URI rest;
    private final List<Path> files;
    private final List<String> sums = new ArrayList<>();
    private final List<Long> stored = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final List<CloudClient> signedIn = new ArrayList<>();
    private final Path downloads;
    private long team;
    private volatile boolean running;
    final AtomicLong uploaded = new AtomicLong();
    final AtomicLong downloaded = new AtomicLong();
    final AtomicLong bytes = new AtomicLong();
    final AtomicLong corrupt = new AtomicLong();
    final AtomicLong failed = new AtomicLong();

    StorageTraffic(URI rest, List<Path> files) throws IOException {
        this.rest = rest;
        this.files = files;
        this.downloads = Files.createTempDirectory("pitbox-load-downloads");
    }

    /**
     * Makes the team and its owner's account, stores every file once for the downloaders, and gives each client an
     * account of its own in the team, signed in (a team's drivers and engineers transfer from their own machines; the
     * server gives one account at most half of its storage places). Signing in (Argon2) is done here, before the run.
     */
    void prepare(int clients) throws IOException {
        CloudClient owner = new CloudClient(rest);
        owner.register("load@example.com", PASSWORD, "Load");
        owner.login("load@example.com", PASSWORD);
        team = owner.createTeam("Load").id();
        for (Path f : files) {
            sums.add(sha256(f));
            stored.add(owner.upload(team, f, about(f), null, TransferProgress.NONE, () -> false).id());
        }
        for (int n = 0; n < clients; n++) {
            CloudClient c = new CloudClient(rest);
            c.register(email(n), PASSWORD, "Load " + n);
            c.login(email(n), PASSWORD);
            c.acceptInvite(owner.invite(team, "driver").code());
            signedIn.add(c);
        }
    }

    private static String email(int client) {
        return "load-" + client + "@example.com";
    }

    /**
     * For {@link LiveLoad}: {@code StorageTraffic REST_URI UPLOADERS DOWNLOADERS} with the real files under the working
     * folder prepares, prints {@code ready}, starts at the line {@code start} on stdin, stops at the next line (or the
     * end of input) and prints {@code storage uploaded downloaded bytes corrupt failed}.
     */
    public static void main(String[] args) throws Exception {
        int uploaders = Integer.parseInt(args[1]);
        int downloaders = Integer.parseInt(args[2]);
        StorageTraffic traffic = new StorageTraffic(URI.create(args[0]), LiveLoad.realIbts());
        traffic.prepare(uploaders + downloaders);
        System.out.println("ready");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        in.readLine();
        traffic.start(uploaders, downloaders);
        in.readLine();
        traffic.stop();
        System.out.println("storage " + traffic.uploaded + " " + traffic.downloaded + " " + traffic.bytes + " "
                + traffic.corrupt + " " + traffic.failed);
    }

    void start(int uploaders, int downloaders) {
        running = true;
        for (int i = 0; i < uploaders + downloaders; i++) {
            int n = i;
            boolean up = i < uploaders;
            threads.add(Thread.ofPlatform().daemon().name("load-" + (up ? "up-" : "down-") + n)
                    .start(() -> run(n, up)));
        }
    }

    void stop() throws InterruptedException {
        running = false;
        for (Thread t : threads) {
            t.join();
        }
    }

    private void run(int n, boolean up) {
        CloudClient c = signedIn.get(n);
        for (int round = n; running; round++) {
            int k = round % files.size();
            try {
                if (up) {
                    SessionView v = c.upload(team, files.get(k), about(files.get(k)), null, TransferProgress.NONE,
                            () -> false);
                    count(v.sha256().equals(sums.get(k)), uploaded, Files.size(files.get(k)));
                } else {
                    Path target = downloads.resolve(n + ".ibt");
                    c.download(stored.get(k), target, TransferProgress.NONE, () -> false);
                    count(sha256(target).equals(sums.get(k)), downloaded, Files.size(target));
                }
            } catch (IOException e) {
                failed.incrementAndGet();
            }
        }
    }

    private void count(boolean good, AtomicLong counter, long size) {
        if (good) {
            counter.incrementAndGet();
            bytes.addAndGet(size);
        } else {
            corrupt.incrementAndGet();
        }
    }

    private static CloudClient.Upload about(Path f) {
        return new CloudClient.Upload("load", "load", f.getFileName().toString(), Instant.now());
    }

    static String sha256(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int r; (r = in.read(buffer)) > 0;) {
                md.update(buffer, 0, r);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
