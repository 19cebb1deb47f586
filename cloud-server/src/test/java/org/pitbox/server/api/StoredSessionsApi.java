package org.pitbox.server.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.pitbox.client.live.LiveListener;
import org.pitbox.client.live.LivePublisher;
import org.pitbox.client.live.RowProjection;
import org.pitbox.core.laps.Lap;
import org.pitbox.core.sim.TelemetrySimulator;
import org.pitbox.iracing.IbtSummary;
import org.pitbox.iracing.ibt.IbtFile;
import org.pitbox.protocol.api.ChunkList;
import org.pitbox.protocol.api.LapView;
import org.pitbox.protocol.api.SessionPage;
import org.pitbox.protocol.api.SessionView;
import org.pitbox.server.sessions.SessionService;

/**
 * Every session is stored with its laps in their order, whatever iRacing's lap counter says: real recordings,
 * simulated incidents, live sessions. A refusal by the database keeps the upload; files beyond the caps get 422.
 */
abstract class StoredSessionsApi extends ApiTestBase {
    private static final String START = "2025-05-01T18:30:00Z";

    @Test
    void everyRealRecordingIsStoredWithItsLapsAndDownloadsByteEqual() throws Exception {
        User owner = newUser();
        long team = newTeam(owner);
        for (Path file : RealIbts.all()) {
            byte[] ibt = Files.readAllBytes(file);
            List<LapView> laps = laps(ibt);
            if (file.getFileName().toString().equals("robroberts_skmodified_langley_2015-05-28_14-50-46.ibt")) {
                assertTrue(repeats(laps), "lap 186 twice (a reset to the pits mid-lap)");
            }
            assertStored(owner, team, upload(owner, team, ibt, "Rob", START), ibt, laps, file.toString());
        }
    }

    @Test
    void simulatedIncidentsAreStoredWithTheirLapsInOrder() throws Exception {
        User owner = newUser();
        long team = newTeam(owner);
        for (Incidents.Case c : Incidents.ALL) {
            byte[] ibt = c.ibt();
            List<LapView> laps = laps(ibt);
            assertTrue(IntStream.range(1, laps.size()).anyMatch(i -> laps.get(i).number() != laps.get(i - 1)
                    .number() + 1), c + ": lap numbers that repeat or skip " + laps);
            if (c != Incidents.COUNTER_AHEAD) {
                assertTrue(repeats(laps), c + ": a lap number twice " + laps);
            }
            assertStored(owner, team, upload(owner, team, ibt, "Sim", START), ibt, laps, c.name());
        }
    }

    @Test
    void liveSessionsWithRepeatedLapNumbersAreStored() throws Exception {
        User owner = newUser();
        long team = newTeam(owner);
        Path spool = Files.createTempDirectory(dataDir, "spool");
        for (Incidents.Case c : List.of(Incidents.RESET, Incidents.TIME_GAP)) {
            LivePublisher publisher = new LivePublisher(URI.create("http://127.0.0.1:" + server.port()),
                    owner::token, team, "car1", RowProjection.schemaOf(TelemetrySimulator.layout()), c.yaml(),
                    LivePublisher.Config.defaults(spool.resolve(Integer.toString(c.rows().size()))),
                    new LiveListener() { });
            for (int i = 0; i < c.rows().size(); i++) {
                publisher.publish(c.rows().get(i));
                if (i % 100 == 99) {
                    Thread.sleep(50); // the publisher queues 10 s of rows
                }
            }
            assertEquals(0, publisher.status().dropped(), c.name());
            assertTrue(publisher.end(Duration.ofSeconds(60)), c + ": the server recorded every row");
            SessionView stored = awaitSessions(owner, team, c == Incidents.RESET ? 1 : 2).items().get(0);
            byte[] ibt = download("/api/v1/sessions/" + stored.id() + "/ibt", owner.token()).body();
            assertRows(c.rows(), ibt);
            List<LapView> laps = laps(ibt);
            assertEquals(laps(c.ibt()), laps, c.name());
            assertTrue(repeats(laps), c + ": a lap number twice " + laps);
            assertStored(owner, team, stored.id(), ibt, laps, c.name());
        }
    }

    @Test
    void aSessionTheDatabaseRefusesKeepsItsUploadForAnotherTry() throws Exception {
        User owner = newUser();
        long team = newTeam(owner);
        byte[] ibt = Incidents.RESET.ibt();
        long id = sendChunks(owner, team, ibt, "Ada", START);
        refuseLapsFrom(id);
        try {
            for (int attempt = 0; attempt < 2; attempt++) {
                assertTrue(complete(owner, id, ibt).fails(500, "session_not_stored").error().message()
                        .contains("kept"));
            }
        } finally {
            sql("alter table laps drop constraint refused_laps");
        }
        assertEquals(chunks(ibt), send("GET", "/api/v1/sessions/" + id + "/chunks", owner.token(), null).is(200)
                .as(ChunkList.class).received().size(), "every chunk kept");
        assertEquals(SessionView.UPLOADING, send("GET", "/api/v1/sessions/" + id, owner.token(), null).is(200)
                .as(SessionView.class).status());
        assertEquals(List.of(), storedFiles(id), "neither the file nor its part stays in the store");
        complete(owner, id, ibt).is(200);
        assertStored(owner, team, id, ibt, laps(ibt), "completed again");
    }

    @Test
    void aRecordingTheDatabaseRefusesLeavesNoSessionAndKeepsItsFile() throws Exception {
        User owner = newUser();
        long team = newTeam(owner);
        byte[] ibt = Incidents.TIME_GAP.ibt();
        Path file = Files.createTempFile(dataDir, "recorded", ".ibt");
        Files.write(file, ibt);
        refuseLapsFrom(create(owner, newTeam(owner), ibt, "Ada", START));
        try {
            assertThrows(RuntimeException.class,
                    () -> server.application().sessions().storeRecorded(team, owner.id(), file));
        } finally {
            sql("alter table laps drop constraint refused_laps");
        }
        assertEquals(0, sessions(owner, team).total(), "no half-stored session");
        assertArrayEquals(ibt, Files.readAllBytes(file), "the recording stays for another try");
        long id = server.application().sessions().storeRecorded(team, owner.id(), file);
        assertStored(owner, team, id, ibt, laps(ibt), "stored again");
    }

    @Test
    void aRecordedSessionsVideoIsStoredBesideItAndLeavesWithIt() throws Exception {
        User owner = newUser();
        long team = newTeam(owner);
        byte[] ibt = Ibts.martinsville(1);
        long id = server.application().sessions().storeRecorded(team, owner.id(),
                Files.write(Files.createTempFile(dataDir, "recorded", ".ibt"), ibt));
        byte[] video = new byte[70_000];
        new java.util.Random(9).nextBytes(video);
        server.application().sessions().storeVideo(id, Files.write(Files.createTempFile(dataDir, "video", ".mp4"),
                video));
        assertArrayEquals(video, download("/api/v1/sessions/" + id + "/video", owner.token()).body());
        assertEquals(2, storedFiles(id).size(), "the session and its video: " + storedFiles(id));
        send("DELETE", "/api/v1/sessions/" + id, owner.token(), null).is(204);
        assertEquals(List.of(), storedFiles(id));
    }

    @Test
    void filesBeyondTheSectorAndLapCapsAre422AndLeaveNothingBehind() throws Exception {
        User owner = newUser();
        long team = newTeam(owner);
        byte[] most = Incidents.tiny(3, SessionService.MAX_SECTORS);
        long id = upload(owner, team, most, "Ada", START);
        assertStored(owner, team, id, most, laps(most), "the most sectors");
        assertEquals(SessionService.MAX_SECTORS, laps(most).get(0).sectorTimes().size());

        for (byte[] tooMany : List.of(Incidents.tiny(3, SessionService.MAX_SECTORS + 1),
                Incidents.tiny(SessionService.MAX_LAPS + 1, 1))) {
            long refused = sendChunks(owner, team, tooMany, "Ada", START);
            String code = tooMany.length > most.length * 10 ? "too_many_laps" : "too_many_sectors";
            assertTrue(complete(owner, refused, tooMany).fails(422, code).error().message()
                    .contains(Integer.toString(code.equals("too_many_laps") ? SessionService.MAX_LAPS
                            : SessionService.MAX_SECTORS)));
            assertEquals(List.of(), send("GET", "/api/v1/sessions/" + refused + "/chunks", owner.token(), null)
                    .is(200).as(ChunkList.class).received());
            assertEquals(List.of(), storedFiles(refused));
        }
    }

    /** Makes the database refuse the laps of session {@code firstId} and later ones, as a constraint would. */
    private void refuseLapsFrom(long firstId) throws Exception {
        sql("alter table laps add constraint refused_laps check (session_id < " + firstId + ")");
    }

    private void assertStored(User u, long team, long id, byte[] ibt, List<LapView> laps, String what)
            throws Exception {
        SessionView v = send("GET", "/api/v1/sessions/" + id, u.token(), null).is(200).as(SessionView.class);
        assertEquals(SessionView.COMPLETE, v.status(), what);
        assertEquals(laps, v.laps(), what);
        assertEquals(laps.size(), v.lapCount(), what);
        assertTrue(sessions(u, team).items().stream().anyMatch(s -> s.id() == id && s.lapCount() == laps.size()),
                what + " is listed");
        assertArrayEquals(ibt, download("/api/v1/sessions/" + id + "/ibt", u.token()).body(), what);
    }

    private SessionPage sessions(User u, long team) throws Exception {
        return send("GET", "/api/v1/teams/" + team + "/sessions?size=100", u.token(), null).is(200)
                .as(SessionPage.class);
    }

    /** The team's sessions once there are {@code count}: a live session is stored when it ends. */
    private SessionPage awaitSessions(User u, long team, int count) throws Exception {
        for (int i = 0; i < 600; i++) {
            SessionPage page = sessions(u, team);
            if (page.total() >= count && page.items().stream().allMatch(s -> SessionView.COMPLETE.equals(s.status()))) {
                return page;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the live session was not stored");
    }

    /** What the server should list for a file's laps. */
    private static List<LapView> laps(byte[] ibt) throws Exception {
        Path file = Files.createTempFile("pitbox-laps", ".ibt");
        try {
            Files.write(file, ibt);
            return IbtSummary.read(file).laps().stream().map(StoredSessionsApi::view).toList();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static LapView view(Lap l) {
        return new LapView(l.number(), l.lapTime(), l.sectorTimes().stream().map(t -> t.isNaN() ? null : t).toList(),
                Double.isNaN(l.fuelUsed()) ? null : l.fuelUsed(),
                l.flags().stream().map(f -> f.name().toLowerCase(Locale.ROOT)).sorted().toList());
    }

    private static boolean repeats(List<LapView> laps) {
        Set<Integer> seen = new HashSet<>();
        return !laps.stream().allMatch(l -> seen.add(l.number()));
    }

    private static void assertRows(List<byte[]> rows, byte[] ibt) throws Exception {
        Path file = Files.createTempFile("pitbox-live", ".ibt");
        try (IbtFile f = IbtFile.open(Files.write(file, ibt))) {
            assertEquals(rows.size(), f.recordCount());
            byte[] row = new byte[f.layout().rowLength()];
            for (int i = 0; i < rows.size(); i++) {
                f.rows().get(f.rowStart(i), row);
                assertArrayEquals(rows.get(i), row, "row " + i);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void anAbandonedUploadGoesWithItsChunksAfterTheExpiry() throws Exception {
        User owner = newUser();
        long team = newTeam(owner);
        byte[] ibt = Incidents.RESET.ibt();
        long id = sendChunks(owner, team, ibt, "Ada", START);
        assertEquals(chunks(ibt), chunkFiles(id).size());
        clock.advance(config.limits().uploadExpiry().plusMinutes(1));
        assertTrue(server.application().sessions().expireUnfinished() >= 1);
        owner = again(owner);
        send("GET", "/api/v1/sessions/" + id, owner.token(), null).fails(404, "session_not_found");
        assertEquals(List.of(), chunkFiles(id));
        assertEquals(List.of(), storedFiles(id));
    }

    /** The names of a session's stored files and of those being joined or packed (not its chunks). */
    List<String> storedFiles(long id) throws Exception {
        List<String> names = new ArrayList<>();
        for (String dir : List.of("sessions", "work")) {
            if (Files.isDirectory(dataDir.resolve(dir))) {
                try (Stream<Path> files = Files.list(dataDir.resolve(dir))) {
                    files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(id + ".")).forEach(names::add);
                }
            }
        }
        return names.stream().sorted().toList();
    }

    /** The names of an upload's chunks in the store. */
    List<String> chunkFiles(long id) throws Exception {
        Path dir = dataDir.resolve("uploads").resolve(Long.toString(id));
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
