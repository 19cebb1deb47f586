package org.pitbox.server.sessions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.pitbox.server.auth.Secrets;

/** Upload chunks under {@code dataDir/uploads/<id>/<n>.chunk}; finished files as {@code dataDir/sessions/<id>.ibt}. */
public final class FileStore {
    /** What storing a chunk did. */
    public enum PutResult { STORED, SAME, CONFLICT }

    private final Path uploads;
    private final Path sessions;

    public FileStore(Path dataDir) throws IOException {
        this.uploads = Files.createDirectories(dataDir.resolve("uploads"));
        this.sessions = Files.createDirectories(dataDir.resolve("sessions"));
    }

    public Path ibt(long id) {
        return sessions.resolve(id + ".ibt");
    }

    /** Stores a chunk atomically; the same bytes again change nothing, different bytes conflict. */
    public PutResult putChunk(long id, int n, byte[] bytes) throws IOException {
        Path dir = Files.createDirectories(uploads.resolve(Long.toString(id)));
        Path chunk = dir.resolve(n + ".chunk");
        if (Files.exists(chunk)) {
            return Arrays.equals(Files.readAllBytes(chunk), bytes) ? PutResult.SAME : PutResult.CONFLICT;
        }
        Path tmp = dir.resolve(n + "." + Secrets.randomToken(6) + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, chunk, StandardCopyOption.ATOMIC_MOVE);
        return PutResult.STORED;
    }

    /** The chunk numbers received so far, ascending. */
    public List<Integer> received(long id) throws IOException {
        Path dir = uploads.resolve(Long.toString(id));
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(name -> name.matches("\\d+\\.chunk"))
                    .map(name -> Integer.parseInt(name.substring(0, name.indexOf('.')))).sorted().toList();
        }
    }

    /** Joins chunks 0..count-1 into {@code target}; returns the hex SHA-256 of the whole. */
    public String assemble(long id, int count, Path target) throws IOException {
        MessageDigest sha = Secrets.sha256();
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(target), sha)) {
            for (int n = 0; n < count; n++) {
                Files.copy(uploads.resolve(Long.toString(id)).resolve(n + ".chunk"), out);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Copies a whole file in, returning its hex SHA-256. */
    public static String copy(InputStream in, Path target) throws IOException {
        MessageDigest sha = Secrets.sha256();
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(target), sha)) {
            in.transferTo(out);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Deletes the upload chunks of a session. */
    public void discardChunks(long id) {
        Path dir = uploads.resolve(Long.toString(id));
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
