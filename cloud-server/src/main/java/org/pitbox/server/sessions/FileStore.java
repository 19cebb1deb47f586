package org.pitbox.server.sessions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.pitbox.server.auth.Secrets;

/**
 * The embedded store: upload chunks under {@code dataDir/uploads/<id>/<n>.chunk}, finished sessions as
 * {@code dataDir/sessions/<id>.pbz}, their videos as {@code <id>.mp4}. Sessions stored before the packed form are read from {@code <id>.ibt}.
 */
public final class FileStore implements SessionStore {
    private final Path uploads;
    private final Path sessions;

    public FileStore(Path dataDir) throws IOException {
        this.uploads = Files.createDirectories(dataDir.resolve("uploads"));
        this.sessions = Files.createDirectories(dataDir.resolve("sessions"));
    }

    @Override
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

    @Override
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

    @Override
    public InputStream chunk(long id, int n) throws IOException {
        return Files.newInputStream(uploads.resolve(Long.toString(id)).resolve(n + ".chunk"));
    }

    @Override
    public void discardChunks(long id) throws IOException {
        Path dir = uploads.resolve(Long.toString(id));
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }

    @Override
    public void putSession(long id, Path file) throws IOException {
        Files.move(file, sessions.resolve(id + ".pbz"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public InputStream session(long id) throws IOException {
        try {
            return Files.newInputStream(sessions.resolve(id + ".pbz"));
        } catch (NoSuchFileException e) {
            return Files.newInputStream(sessions.resolve(id + ".ibt"));
        }
    }

    @Override
    public void deleteSession(long id) throws IOException {
        Files.deleteIfExists(sessions.resolve(id + ".pbz"));
        Files.deleteIfExists(sessions.resolve(id + ".ibt"));
        Files.deleteIfExists(sessions.resolve(id + ".mp4"));
    }

    @Override
    public void putVideo(long id, Path file) throws IOException {
        Files.move(file, sessions.resolve(id + ".mp4"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public InputStream video(long id, long offset) throws IOException {
        InputStream in = Files.newInputStream(sessions.resolve(id + ".mp4"));
        in.skipNBytes(offset);
        return in;
    }
}
