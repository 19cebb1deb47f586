package org.pitbox.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.pitbox.client.CloudClient.SessionQuery;
import org.pitbox.core.home.PitboxHome;
import org.pitbox.protocol.ProtocolJson;
import org.pitbox.protocol.api.SessionView;

/**
 * Team sessions downloaded to disk, so the library lists and opens them offline. A session lives in
 * {@code <root>/<host_port>/<teamId>/<sessionId>.ibt} beside {@code <sessionId>.json}, the server's
 * {@link SessionView} of it. Both files arrive as a temporary file moved into place atomically, the .ibt checked
 * against the view's size and SHA-256 first, so a cancelled or failed transfer leaves nothing half-written; a
 * session counts as cached only when both files are there and the .ibt has the stored size. Thread-safe as far
 * as the file system is: two writers of one session leave one whole copy.
 */
public final class SessionCache {
    private static final String IBT = ".ibt";
    private static final String JSON = ".json";

    /** A cached session: the server folder it came from ({@link #serverKey}), the server's view, the .ibt. */
    public record Entry(String server, SessionView session, Path file) {
    }

    private final Path root;
    private final ObjectMapper json = ProtocolJson.mapper();

    /** A cache under {@code root} (created when the first session is stored). */
    public SessionCache(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The user's cache: {@code cache/sessions} in {@link PitboxHome}. */
    public static SessionCache standard() {
        return new SessionCache(PitboxHome.resolve("cache", "sessions"));
    }

    public Path root() {
        return root;
    }

    /** The folder name of a server: {@code host_port}, with the scheme's default port when none is given. */
    public static String serverKey(URI server) {
        int port = server.getPort() >= 0 ? server.getPort() : "https".equalsIgnoreCase(server.getScheme()) ? 443 : 80;
        String host = server.getHost() == null ? "unknown" : server.getHost();
        return host.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "_") + "_" + port;
    }

    /** Where a session's .ibt is (or would be) cached. */
    public Path file(URI server, long teamId, long sessionId) {
        return root.resolve(serverKey(server)).resolve(Long.toString(teamId)).resolve(sessionId + IBT);
    }

    /** The cached session, when it is whole. */
    public Optional<Entry> get(URI server, long teamId, long sessionId) {
        return Optional.ofNullable(read(serverKey(server), file(server, teamId, sessionId)));
    }

    /** Whether the session is cached whole (and, when the view has one, with that SHA-256). */
    public boolean contains(URI server, SessionView session) {
        return get(server, session.teamId(), session.id()).filter(e -> session.sha256() == null
                || session.sha256().equals(e.session().sha256())).isPresent();
    }

    /**
     * The cached sessions matching {@code filter} (its page and size are ignored), newest first.
     *
     * @param server null for every server's
     * @param teamId null for every team's
     * @param filter null for all
     */
    public List<Entry> list(URI server, Long teamId, SessionQuery filter) throws IOException {
        List<Entry> found = new ArrayList<>();
        for (Path serverDir : children(root, server == null ? null : serverKey(server))) {
            for (Path teamDir : children(serverDir, teamId == null ? null : teamId.toString())) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(teamDir, "*" + IBT)) {
                    for (Path ibt : files) {
                        Entry e = read(serverDir.getFileName().toString(), ibt);
                        if (e != null && (filter == null || matches(e.session(), filter))) {
                            found.add(e);
                        }
                    }
                }
            }
        }
        found.sort(Comparator.comparing((Entry e) -> started(e.session()), Comparator.nullsLast(
                Comparator.reverseOrder())).thenComparing(e -> e.session().id(), Comparator.reverseOrder()));
        return found;
    }

    /**
     * Copies a session's .ibt into the cache, e.g. one the user already has.
     *
     * @throws IOException when the copy's size or SHA-256 differ from the view's (nothing is then cached)
     */
    public Entry put(URI server, SessionView session, Path source) throws IOException {
        Path target = file(server, session.teamId(), session.id());
        Files.createDirectories(target.getParent());
        Path part = Files.createTempFile(target.getParent(), target.getFileName() + ".", ".part");
        try {
            MessageDigest sha = sha256();
            try (InputStream in = Files.newInputStream(source);
                    OutputStream out = new DigestOutputStream(Files.newOutputStream(part), sha)) {
                in.transferTo(out);
            }
            verify(session, part, HexFormat.of().formatHex(sha.digest()));
            move(part, target);
        } finally {
            Files.deleteIfExists(part);
        }
        return stored(server, session, target);
    }

    /**
     * Downloads a session into the cache with its video (when it has one), replacing an older copy only once the
     * new one arrived whole. The progress counts the video's bytes too.
     *
     * @param session the session to fetch (its id and team say where it goes)
     * @return the cached session, described by the server's view with its laps
     * @throws java.util.concurrent.CancellationException when cancelled; the cache is then as it was
     */
    public Entry download(CloudClient client, SessionView session, TransferProgress progress,
            BooleanSupplier cancelled) throws IOException {
        URI server = client.baseUri();
        Path target = file(server, session.teamId(), session.id());
        Files.createDirectories(target.getParent());
        Path fresh = target.resolveSibling(target.getFileName() + ".download");
        try {
            long videoTotal = session.videoBytes() == null ? 0 : session.videoBytes();
            SessionView fetched = client.download(session.id(), fresh,
                    (done, total) -> progress.progress(done, total + videoTotal), cancelled);
            verify(fetched, fresh, null);
            Long videoBytes = fetched.videoBytes();
            if (videoBytes != null && videoBytes > 0) {
                long ibtBytes = Files.size(fresh);
                client.downloadVideo(session.id(), videoBytes, video(target),
                        (done, total) -> progress.progress(ibtBytes + done, ibtBytes + total), cancelled);
            }
            move(fresh, target);
            return stored(server, fetched, target);
        } finally {
            Files.deleteIfExists(fresh);
        }
    }

    /**
     * The video of the session in {@code ibt}: the MP4 of the same name beside it (the cache keeps a session's video
     * that way, and a user may put one there). It may not exist.
     */
    public static Path video(Path ibt) {
        return ibt.resolveSibling(ibt.getFileName().toString().replaceFirst("(?i)\\.ibt$", "") + ".mp4");
    }

    /** Deletes a cached session and its video; false when it was not cached. */
    public boolean remove(URI server, long teamId, long sessionId) throws IOException {
        Path ibt = file(server, teamId, sessionId);
        Files.deleteIfExists(video(ibt));
        boolean sidecar = Files.deleteIfExists(sidecar(ibt));
        return Files.deleteIfExists(ibt) || sidecar;
    }

    /**
     * Whether a session passes a query's filters as the server applies them: track, car and driver match whole
     * values ignoring case (null or blank matches any), and {@code from <= startedAt < to}.
     */
    public static boolean matches(SessionView v, SessionQuery q) {
        if (!same(q.track(), v.track()) || !same(q.car(), v.car()) || !same(q.driver(), v.driver())) {
            return false;
        }
        if (q.from() == null && q.to() == null) {
            return true;
        }
        Instant at = started(v);
        return at != null && (q.from() == null || !at.isBefore(q.from())) && (q.to() == null || at.isBefore(q.to()));
    }

    /** The session's start, null when the view has none that parses. */
    public static Instant started(SessionView v) {
        try {
            return v.startedAt() == null ? null : Instant.parse(v.startedAt());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean same(String wanted, String value) {
        return wanted == null || wanted.isBlank() || wanted.strip().equalsIgnoreCase(value);
    }

    /** Writes the sidecar (after the .ibt: a session without one is not listed). */
    private Entry stored(URI server, SessionView session, Path ibt) throws IOException {
        Path sidecar = sidecar(ibt);
        Path part = Files.createTempFile(ibt.getParent(), sidecar.getFileName() + ".", ".part");
        try {
            json.writerWithDefaultPrettyPrinter().writeValue(part.toFile(), session);
            move(part, sidecar);
        } finally {
            Files.deleteIfExists(part);
        }
        return new Entry(serverKey(server), session, ibt);
    }

    /** The entry of an .ibt with its sidecar, null when either is missing, unreadable or the sizes differ. */
    private Entry read(String server, Path ibt) {
        Path sidecar = sidecar(ibt);
        if (!Files.isRegularFile(ibt) || !Files.isRegularFile(sidecar)) {
            return null;
        }
        try {
            SessionView v = json.readValue(sidecar.toFile(), SessionView.class);
            if (v == null || (v.sizeBytes() > 0 && Files.size(ibt) != v.sizeBytes())) {
                return null;
            }
            return new Entry(server, v, ibt);
        } catch (IOException e) {
            return null;
        }
    }

    private static void verify(SessionView session, Path file, String sha) throws IOException {
        long size = Files.size(file);
        if (session.sizeBytes() > 0 && size != session.sizeBytes()) {
            throw new IOException("session " + session.id() + " should have " + session.sizeBytes() + " bytes, not "
                    + size);
        }
        if (sha != null && session.sha256() != null && !session.sha256().equalsIgnoreCase(sha)) {
            throw new IOException("session " + session.id() + " differs from the stored session (SHA-256 mismatch)");
        }
    }

    private static Path sidecar(Path ibt) {
        String name = ibt.getFileName().toString();
        return ibt.resolveSibling(name.substring(0, name.length() - IBT.length()) + JSON);
    }

    /** The sub-folders of {@code dir}: all, or only {@code name}; none when {@code dir} is missing. */
    private static List<Path> children(Path dir, String name) throws IOException {
        if (name != null) {
            Path one = dir.resolve(name);
            return Files.isDirectory(one) ? List.of(one) : List.of();
        }
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> dirs = new ArrayList<>();
        try (DirectoryStream<Path> all = Files.newDirectoryStream(dir, Files::isDirectory)) {
            all.forEach(dirs::add);
        }
        return dirs;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
