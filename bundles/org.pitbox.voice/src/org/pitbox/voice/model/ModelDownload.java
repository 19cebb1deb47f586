package org.pitbox.voice.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.pitbox.core.home.PitboxHome;

/**
 * Installs a Vosk model into a models folder (by default {@code voice/models} under {@link PitboxHome}): downloads
 * the zip with progress and cancel, checks its SHA-256, unpacks it beside the target and moves the model folder
 * into place in one step, so a model folder is either complete or absent. A failed or cancelled install leaves
 * no partial files and keeps the model that was there. {@link #useFolder} takes a model the driver already has.
 */
public final class ModelDownload {
    /** Hears the bytes downloaded so far and the total (-1 when the server does not say). */
    public interface Progress {
        void update(long done, long total);
    }

    /** Bounds on what a download may unpack. */
    static final long MAX_DOWNLOAD = 2L << 30;
    static final long MAX_UNPACKED = 4L << 30;
    static final int MAX_ENTRIES = 20_000;

    private final HttpClient http;
    private final Path models;

    public ModelDownload(HttpClient http, Path models) {
        this.http = http;
        this.models = models;
    }

    /** The desktop's models folder. */
    public static Path defaultFolder() {
        return PitboxHome.resolve("voice", "models");
    }

    /**
     * Downloads, checks and installs {@code source}; returns the model folder.
     *
     * @throws CancellationException when {@code cancelled} turned true
     * @throws IOException           on a network error, an HTTP status other than 200, a wrong checksum, a zip
     *                               that is not a Vosk model or goes out of bounds
     */
    public Path install(ModelSource source, Progress progress, BooleanSupplier cancelled)
            throws IOException, InterruptedException {
        Files.createDirectories(models);
        Path zip = models.resolve("." + source.name() + "-" + UUID.randomUUID() + ".zip.part");
        Path unpack = models.resolve("." + source.name() + "-" + UUID.randomUUID() + ".unpack");
        try {
            download(source, zip, progress, cancelled);
            unzip(zip, unpack, cancelled);
            return replace(modelRoot(unpack), models.resolve(source.name()));
        } finally {
            Files.deleteIfExists(zip);
            delete(unpack);
        }
    }

    private void download(ModelSource source, Path zip, Progress progress, BooleanSupplier cancelled)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(source.uri()).timeout(Duration.ofMinutes(2)).GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("download of " + source.uri() + " failed: HTTP " + response.statusCode());
            }
            long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            MessageDigest sha = sha256();
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(zip), sha)) {
                byte[] buf = new byte[1 << 16];
                long done = 0;
                int n;
                while ((n = in.read(buf)) > 0) {
                    if (cancelled.getAsBoolean()) {
                        throw new CancellationException("model download cancelled");
                    }
                    done += n;
                    if (done > MAX_DOWNLOAD) {
                        throw new IOException("download of " + source.uri() + " is larger than " + MAX_DOWNLOAD + " bytes");
                    }
                    out.write(buf, 0, n);
                    progress.update(done, total);
                }
            }
            String got = HexFormat.of().formatHex(sha.digest());
            if (!got.equals(source.sha256())) {
                throw new IOException("checksum of " + source.uri() + " does not match: expected " + source.sha256()
                        + ", got " + got);
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void unzip(Path zip, Path into, BooleanSupplier cancelled) throws IOException {
        Files.createDirectories(into);
        long unpacked = 0;
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("model download cancelled");
                }
                if (++entries > MAX_ENTRIES) {
                    throw new IOException("the model zip has more than " + MAX_ENTRIES + " entries");
                }
                Path target = into.resolve(e.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("the model zip has an entry outside its folder: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (OutputStream out = Files.newOutputStream(target)) {
                    byte[] buf = new byte[1 << 16];
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        unpacked += n;
                        if (unpacked > MAX_UNPACKED) {
                            throw new IOException("the model zip unpacks to more than " + MAX_UNPACKED + " bytes");
                        }
                        out.write(buf, 0, n);
                    }
                }
            }
        }
    }

    /** The unpacked model: the folder itself, or the one folder it holds (zips usually wrap the model in one). */
    private static Path modelRoot(Path unpacked) throws IOException {
        List<Path> inside;
        try (Stream<Path> s = Files.list(unpacked)) {
            inside = s.toList();
        }
        Path root = inside.size() == 1 && Files.isDirectory(inside.get(0)) ? inside.get(0) : unpacked;
        check(root);
        return root;
    }

    /** Fails with what is missing when {@code dir} is not a Vosk model folder. */
    public static void check(Path dir) throws IOException {
        boolean model = Files.isRegularFile(dir.resolve("am/final.mdl")) || Files.isRegularFile(dir.resolve("final.mdl"));
        boolean conf = Files.isRegularFile(dir.resolve("conf/model.conf")) || Files.isRegularFile(dir.resolve("conf/mfcc.conf"))
                || Files.isRegularFile(dir.resolve("mfcc.conf"));
        if (!model || !conf) {
            throw new IOException(dir + " is not a Vosk model: it needs am/final.mdl and conf/mfcc.conf"
                    + " (or final.mdl and mfcc.conf at its top)");
        }
    }

    /** Takes a model folder the driver already has; returns it once checked. */
    public Path useFolder(Path folder) throws IOException {
        check(folder);
        return folder;
    }

    /** Moves the new model into place; an older one is moved aside first and deleted after. */
    private static Path replace(Path fresh, Path target) throws IOException {
        Path old = target.resolveSibling("." + target.getFileName() + "-" + UUID.randomUUID() + ".old");
        boolean had = Files.exists(target);
        if (had) {
            move(target, old);
        }
        try {
            move(fresh, target);
        } catch (IOException e) {
            if (had) {
                move(old, target);
            }
            throw e;
        }
        delete(old);
        return target;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
