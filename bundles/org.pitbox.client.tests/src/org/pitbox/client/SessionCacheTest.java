package org.pitbox.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pitbox.client.CloudClient.SessionQuery;
import org.pitbox.core.home.PitboxHome;
import org.pitbox.protocol.api.LapView;
import org.pitbox.protocol.api.SessionView;

/** The offline cache of team sessions, on real files. */
class SessionCacheTest {
    private static final URI SERVER = URI.create("https://pitbox.example.com");
    private static final URI OTHER = URI.create("http://127.0.0.1:8080/");

    @TempDir
    Path dir;

    @Test
    void storesASessionBesideItsViewAndListsItAgain() throws Exception {
        SessionCache cache = new SessionCache(dir.resolve("cache"));
        Path source = bytes("a.ibt", 100_000, 1);
        SessionView v = view(7, 3, "Lime Rock Park", "Mazda MX-5", "Ada", "2025-05-01T10:00:00Z", source);
        SessionCache.Entry e = cache.put(SERVER, v, source);
        assertEquals(dir.resolve("cache/pitbox.example.com_443/3/7.ibt"), e.file());
        assertTrue(Files.isRegularFile(dir.resolve("cache/pitbox.example.com_443/3/7.json")));
        assertEquals(-1, Files.mismatch(source, e.file()));
        assertEquals("pitbox.example.com_443", e.server());

        SessionCache again = new SessionCache(dir.resolve("cache"));
        assertEquals(List.of(e), again.list(SERVER, 3L, null));
        assertEquals(v, again.get(SERVER, 3, 7).orElseThrow().session(), "the view with its laps survives");
        assertTrue(again.contains(SERVER, v));
        assertFalse(again.contains(SERVER, view(8, 3, "x", "y", "z", "2025-05-01T10:00:00Z", source)));
        assertFalse(again.contains(OTHER, v), "another server's session 7 is another session");
        assertEquals(List.of(), again.list(SERVER, 4L, null));
        assertEquals(List.of(), new SessionCache(dir.resolve("nothing here")).list(null, null, null));
    }

    @Test
    void aWrongSizeOrChecksumCachesNothing() throws Exception {
        SessionCache cache = new SessionCache(dir);
        Path source = bytes("a.ibt", 5000, 2);
        SessionView v = view(1, 1, "T", "C", "D", "2025-01-01T00:00:00Z", source);
        SessionView wrongSha = copy(v, v.sizeBytes(), "00".repeat(32));
        IOException sha = assertThrows(IOException.class, () -> cache.put(SERVER, wrongSha, source));
        assertTrue(sha.getMessage().contains("SHA-256"), sha.getMessage());
        SessionView wrongSize = copy(v, 4999, v.sha256());
        assertThrows(IOException.class, () -> cache.put(SERVER, wrongSize, source));
        assertEquals(List.of(), filesUnder(dir), "no partial or rejected file stays behind");

        cache.put(SERVER, v, source);
        Path other = bytes("b.ibt", 5000, 3);
        assertThrows(IOException.class, () -> cache.put(SERVER, v, other), "another file under the same id");
        assertEquals(-1, Files.mismatch(source, cache.file(SERVER, 1, 1)), "the good copy stays");
        assertEquals(2, filesUnder(dir).size());
    }

    @Test
    void aSessionIsListedOnlyWhenBothFilesAreWhole() throws Exception {
        SessionCache cache = new SessionCache(dir);
        Path source = bytes("a.ibt", 3000, 4);
        cache.put(SERVER, view(1, 1, "T", "C", "D", "2025-01-01T00:00:00Z", source), source);
        cache.put(SERVER, view(2, 1, "T", "C", "D", "2025-01-02T00:00:00Z", source), source);
        cache.put(SERVER, view(3, 1, "T", "C", "D", "2025-01-03T00:00:00Z", source), source);
        Files.write(cache.file(SERVER, 1, 1), new byte[10]);
        Files.delete(cache.file(SERVER, 1, 2).resolveSibling("2.json"));
        Files.writeString(cache.file(SERVER, 1, 3).resolveSibling("3.json"), "{not json");
        Files.writeString(cache.file(SERVER, 1, 4).resolveSibling("4.ibt.123.part"), "half");
        assertEquals(List.of(), cache.list(null, null, null));
        assertTrue(cache.get(SERVER, 1, 1).isEmpty());
    }

    @Test
    void filtersLikeTheServerNewestFirstAcrossServersAndTeams() throws Exception {
        SessionCache cache = new SessionCache(dir);
        Path source = bytes("a.ibt", 2000, 5);
        cache.put(SERVER, view(1, 1, "Lime Rock Park", "Mazda MX-5", "Ada", "2025-05-01T10:00:00Z", source), source);
        cache.put(SERVER, view(2, 1, "Okayama", "Mazda MX-5", "Bo", "2025-05-03T10:00:00Z", source), source);
        cache.put(SERVER, view(3, 2, "Lime Rock Park", "Skip Barber", "Ada", "2025-05-02T10:00:00Z", source),
                source);
        cache.put(OTHER, view(1, 1, "Okayama", "Skip Barber", "Cy", "2025-04-01T10:00:00Z", source), source);

        assertEquals(List.of(2L, 3L, 1L, 1L), ids(cache.list(null, null, null)));
        assertEquals(List.of("pitbox.example.com_443", "pitbox.example.com_443", "pitbox.example.com_443",
                "127.0.0.1_8080"), cache.list(null, null, null).stream().map(SessionCache.Entry::server).toList());
        assertEquals(List.of(2L, 3L, 1L), ids(cache.list(SERVER, null, null)));
        assertEquals(List.of(2L, 1L), ids(cache.list(SERVER, 1L, null)));
        assertEquals(List.of(3L, 1L), ids(cache.list(null, null, query("lime rock park", null, null, null, null))));
        assertEquals(List.of(1L), ids(cache.list(null, null, query(null, "skip barber", "cy", null, null))));
        assertEquals(List.of(), ids(cache.list(null, null, query("Lime", null, null, null, null))),
                "whole values only, as the server matches");
        assertEquals(List.of(3L, 1L), ids(cache.list(null, null, query(null, null, null,
                Instant.parse("2025-05-01T10:00:00Z"), Instant.parse("2025-05-03T10:00:00Z")))),
                "from is inclusive, to exclusive");
        assertEquals(List.of(2L, 3L, 1L, 1L), ids(cache.list(null, null, query(" ", "", null, null, null))),
                "blank filters match any");

        assertTrue(cache.remove(SERVER, 1, 2));
        assertFalse(cache.remove(SERVER, 1, 2));
        assertEquals(List.of(3L, 1L), ids(cache.list(SERVER, null, null)));
    }

    @Test
    void serverKeysAreFolderNames() {
        assertEquals("pitbox.example.com_443", SessionCache.serverKey(SERVER));
        assertEquals("127.0.0.1_8080", SessionCache.serverKey(OTHER));
        assertEquals("team.example.org_80", SessionCache.serverKey(URI.create("http://Team.Example.org")));
        assertEquals("___1__9000", SessionCache.serverKey(URI.create("http://[::1]:9000")));
    }

    @Test
    void theStandardCacheIsInPitboxHome() {
        try (PitboxHome.Moved home = PitboxHome.moveTo(dir)) {
            assertEquals(dir.resolve("cache").resolve("sessions").toAbsolutePath(), SessionCache.standard().root());
        }
        String tests = System.clearProperty(PitboxHome.PROPERTY);
        try {
            assertEquals(Path.of(System.getProperty("user.home"), ".pitbox", "cache", "sessions").toAbsolutePath(),
                    SessionCache.standard().root());
        } finally {
            if (tests != null) {
                System.setProperty(PitboxHome.PROPERTY, tests);
            }
        }
    }

    private static SessionQuery query(String track, String car, String driver, Instant from, Instant to) {
        return new SessionQuery(track, car, driver, from, to, 0, 20);
    }

    private static List<Long> ids(List<SessionCache.Entry> entries) {
        return entries.stream().map(e -> e.session().id()).toList();
    }

    private Path bytes(String name, int size, long seed) throws IOException {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        Path p = Files.createDirectories(dir.resolve("sources")).resolve(name);
        return Files.write(p, b);
    }

    private static SessionView view(long id, long team, String track, String car, String driver, String started,
            Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        return new SessionView(id, team, 5, track, car, driver, started, bytes.length, sha, SessionView.COMPLETE,
                "2025-06-01T00:00:00Z", 3600, 60.0, 2,
                List.of(new LapView(1, 30.5, List.of(10.0, 20.5), 1.25, List.of()), new LapView(2, 29.5,
                        java.util.Arrays.asList(10.0, null), null, List.of("in_lap"))), null);
    }

    private static SessionView copy(SessionView v, long size, String sha) {
        return new SessionView(v.id(), v.teamId(), v.uploaderId(), v.track(), v.car(), v.driver(), v.startedAt(),
                size, sha, v.status(), v.createdAt(), v.recordCount(), v.durationSeconds(), v.lapCount(), v.laps(),
                v.videoBytes());
    }

    /** The files under {@code dir} outside the sources folder. */
    private List<Path> filesUnder(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.startsWith(root.resolve("sources"))).toList();
        }
    }
}
