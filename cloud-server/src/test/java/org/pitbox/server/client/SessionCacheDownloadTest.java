package org.pitbox.server.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pitbox.client.CloudClient;
import org.pitbox.client.CloudClient.SessionQuery;
import org.pitbox.client.CloudException;
import org.pitbox.client.SessionCache;
import org.pitbox.client.TransferProgress;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.core.sim.TelemetrySimulator;
import org.pitbox.core.sim.Tracks;
import org.pitbox.iracing.ibt.IbtWriter;
import org.pitbox.protocol.api.SessionView;
import org.pitbox.server.PitboxServer;
import org.pitbox.server.ServerConfig;

/**
 * The Session Library's path end to end: list the team's sessions, download one into the {@link SessionCache}
 * (a cancelled download leaves nothing), then list and filter it from the cache after the server is gone.
 */
class SessionCacheDownloadTest {
    private static final String PASSWORD = "correct horse battery";

    @Test
    void downloadsIntoTheCacheAndListsItOffline(@TempDir Path dir) throws Exception {
        Path ibt = simulated(dir.resolve("martinsville.ibt"));
        Path cacheDir = dir.resolve("cache");
        SessionCache cache = new SessionCache(cacheDir);
        URI uri;
        long team;
        SessionView listed;
        try (PitboxServer server = PitboxServer.create(ServerConfig.from(new String[] {"--port", "0", "--data-dir",
            dir.resolve("server").toString()}, Map.of("PITBOX_AUTH_RATE_PER_MINUTE", "100000")), java.time.Clock.systemUTC()).start()) {
            uri = URI.create("http://127.0.0.1:" + server.port());
            CloudClient c = new CloudClient(uri);
            c.register("lib@example.com", PASSWORD, "Lib");
            c.login("lib@example.com", PASSWORD);
            team = c.createTeam("Librarians").id();
            c.upload(team, ibt, new CloudClient.Upload("Martinsville", "Sim", "Lib", Instant.ofEpochSecond(
                    1_746_000_000L)), null, TransferProgress.NONE, () -> false);
            listed = c.sessions(team, SessionQuery.FIRST).items().get(0);
            assertFalse(cache.contains(uri, listed));

            assertThrows(CancellationException.class, () -> cache.download(c, listed, TransferProgress.NONE,
                    () -> true));
            assertEquals(List.of(), files(cacheDir), "a cancelled download leaves nothing in the cache");

            List<long[]> progress = new CopyOnWriteArrayList<>();
            SessionCache.Entry entry = cache.download(c, listed, (done, total) -> progress.add(new long[] {done,
                total}), () -> false);
            assertEquals(-1, Files.mismatch(ibt, entry.file()));
            assertEquals(cache.file(uri, team, listed.id()), entry.file());
            assertEquals(Files.size(ibt), progress.get(progress.size() - 1)[0]);
            assertEquals(Files.size(ibt), progress.get(progress.size() - 1)[1]);
            assertTrue(cache.contains(uri, listed));
            assertEquals(listed.lapCount(), entry.session().laps().size(), "the sidecar keeps the laps");
        }

        CloudClient offline = new CloudClient(uri);
        assertEquals(0, assertThrows(CloudException.class, () -> offline.session(1)).status());
        SessionCache later = new SessionCache(cacheDir);
        List<SessionCache.Entry> cached = later.list(uri, team, new SessionQuery(listed.track(), null, "lib", null,
                null, 0, 20));
        assertEquals(1, cached.size());
        assertEquals(listed.id(), cached.get(0).session().id());
        assertEquals(listed.sha256(), cached.get(0).session().sha256());
        assertEquals(List.of(), later.list(uri, team, new SessionQuery("Okayama", null, null, null, null, 0, 20)));
    }

    @Test
    void aSessionsVideoComesBesideItAndGoesWithIt(@TempDir Path dir) throws Exception {
        Path ibt = simulated(dir.resolve("martinsville.ibt"));
        SessionCache cache = new SessionCache(dir.resolve("cache"));
        try (PitboxServer server = PitboxServer.create(ServerConfig.from(new String[] {"--port", "0", "--data-dir",
            dir.resolve("server").toString()}, Map.of("PITBOX_AUTH_RATE_PER_MINUTE", "100000")), java.time.Clock.systemUTC()).start()) {
            URI uri = URI.create("http://127.0.0.1:" + server.port());
            CloudClient c = new CloudClient(uri);
            long user = c.register("vid@example.com", PASSWORD, "Vid").id();
            c.login("vid@example.com", PASSWORD);
            long team = c.createTeam("Viewers").id();
            Path recorded = Files.copy(ibt, dir.resolve("recorded.ibt"));
            long id = server.application().sessions().storeRecorded(team, user, recorded);
            byte[] mp4 = new byte[300_000];
            new java.util.Random(5).nextBytes(mp4);
            server.application().sessions().storeVideo(id, Files.write(dir.resolve("recorded.mp4"), mp4));
            SessionView listed = c.session(id);

            long[] seen = {0};
            long ibtBytes = Files.size(ibt);
            assertThrows(CancellationException.class, () -> cache.download(c, listed, (done, total) -> seen[0] = done,
                    () -> seen[0] >= ibtBytes));
            assertEquals(List.of(), files(dir.resolve("cache")), "cancelled in the video: nothing is kept");

            List<long[]> progress = new CopyOnWriteArrayList<>();
            SessionCache.Entry entry = cache.download(c, listed, (done, total) -> progress.add(new long[] {done,
                total}), () -> false);
            Path video = SessionCache.video(entry.file());
            assertEquals(entry.file().getFileName().toString().replace(".ibt", ".mp4"), video.getFileName().toString());
            assertArrayEquals(mp4, Files.readAllBytes(video), "the video beside the .ibt");
            long whole = Files.size(entry.file()) + mp4.length;
            assertTrue(progress.stream().allMatch(p -> p[1] == whole), "the progress counts the video from the start");
            assertEquals(whole, progress.get(progress.size() - 1)[0]);

            assertTrue(cache.remove(uri, team, id));
            assertEquals(List.of(), files(dir.resolve("cache")), "removing the session removes its video");
        }
    }

    private static Path simulated(Path file) throws Exception {
        TelemetrySimulator sim = new TelemetrySimulator(SimOptions.defaults().withTrack(Tracks.MARTINSVILLE)
                .withLaps(2));
        ByteBuffer row = ByteBuffer.allocate(TelemetrySimulator.layout().rowLength()).order(ByteOrder.LITTLE_ENDIAN);
        try (IbtWriter writer = IbtWriter.create(file, TelemetrySimulator.layout(), sim.sessionInfoYaml(), 60,
                1_746_000_000L)) {
            while (sim.next(row.clear())) {
                writer.append(row, 0);
            }
        }
        return file;
    }

    private static List<Path> files(Path root) throws Exception {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).toList();
        }
    }
}
