package org.pitbox.server.backup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pitbox.client.CloudClient;
import org.pitbox.client.TransferProgress;
import org.pitbox.protocol.api.SessionView;
import org.pitbox.server.PitboxServer;
import org.pitbox.server.ServerConfig;
import org.pitbox.server.api.RealIbts;
import org.pitbox.server.api.TestDatabase;

/**
 * A running server with accounts, a team, uploaded and live-recorded sessions is backed up with
 * {@code pitbox server backup}, then restored with {@code pitbox server restore} into an empty server: everyone
 * signs in, every session downloads byte-equal, new rows get new ids. On H2, and on PostgreSQL with
 * PITBOX_TEST_POSTGRES=1.
 */
class BackupRestoreTest {
    private static final String ADMIN = "admin-token-for-the-backup-tests-0123456789";
    private static final String PASSWORD = "correct horse battery";
    private static final CloudClient.Upload ABOUT = new CloudClient.Upload("T", "C", "Dana", Instant.now());

    @TempDir
    Path dir;

    @Test
    void aBackupOfARunningH2ServerRestoresIntoAnEmptyOne() throws Exception {
        try (TestDatabase from = TestDatabase.h2(); TestDatabase to = TestDatabase.h2()) {
            roundTrip(from, to);
        }
    }

    @Test
    void aBackupOfARunningPostgresServerRestoresIntoAnEmptyOne() throws Exception {
        assumeTrue("1".equals(System.getenv(TestDatabase.POSTGRES_ENV)), TestDatabase.SKIP);
        try (TestDatabase from = TestDatabase.postgres(); TestDatabase to = TestDatabase.postgres()) {
            roundTrip(from, to);
        }
    }

    private void roundTrip(TestDatabase from, TestDatabase to) throws Exception {
        List<Path> files = RealIbts.all().subList(0, 3);
        Path backups = dir.resolve("backups");
        String[] a = {"--data-dir", dir.resolve("a").toString()};
        Map<String, String> envA = env(from);
        Map<Long, Path> sessions = new HashMap<>();
        byte[] video = new byte[50_000];
        long recorded;
        try (PitboxServer server = PitboxServer.start(ServerConfig.from(new String[] {"--port", "0", a[0], a[1]},
                envA))) {
            CloudClient owner = client(server, "owner");
            CloudClient driver = client(server, "driver");
            long team = owner.createTeam("Backed Up Racing").id();
            driver.acceptInvite(owner.invite(team, "driver").code());
            for (Path file : files.subList(0, 2)) {
                sessions.put(driver.upload(team, file, ABOUT, null, TransferProgress.NONE, () -> false).id(), file);
            }
            Path recording = Files.copy(files.get(2), dir.resolve("recording.ibt"));
            recorded = server.application().sessions().storeRecorded(team, owner.sessions(team,
                    CloudClient.SessionQuery.FIRST).items().get(0).uploaderId(), recording);
            sessions.put(recorded, files.get(2));
            new java.util.Random(5).nextBytes(video);
            server.application().sessions().storeVideo(recorded, Files.write(dir.resolve("video.mp4"), video));
            driver.createTeam("Another Team");

            String[] backup = {"backup", "--to", backups.toString(), "--port", Integer.toString(server.port()),
                a[0], a[1]};
            Map<String, String> noToken = new HashMap<>(envA);
            noToken.remove("PITBOX_ADMIN_TOKEN");
            assertTrue(assertThrows(IllegalArgumentException.class, () -> BackupCommand.run(backup, noToken))
                    .getMessage().contains("PITBOX_ADMIN_TOKEN"));
            Map<String, String> wrongToken = new HashMap<>(envA);
            wrongToken.put("PITBOX_ADMIN_TOKEN", ADMIN.replace('0', '1'));
            assertTrue(assertThrows(IOException.class, () -> BackupCommand.run(backup, wrongToken)).getMessage()
                    .contains("401"));
            assertTrue(BackupCommand.run(backup, envA).startsWith("backup of "));
        }

        String[] b = {"--data-dir", dir.resolve("b").toString()};
        String[] restore = {"restore", "--from", backups.toString(), b[0], b[1]};
        Map<String, String> envB = env(to);
        assertTrue(BackupCommand.run(restore, envB).startsWith("restored "));
        assertTrue(assertThrows(IOException.class, () -> BackupCommand.run(restore, envB)).getMessage()
                .contains("not empty"), "a second restore into the same database is refused");
        try (PitboxServer server = PitboxServer.start(ServerConfig.from(new String[] {"--port", "0", b[0], b[1]},
                envB))) {
            CloudClient owner = signIn(server, "owner");
            CloudClient driver = signIn(server, "driver");
            assertEquals(2, driver.teams().size());
            long team = owner.teams().get(0).id();
            assertEquals(sessions.size(), owner.sessions(team, CloudClient.SessionQuery.FIRST).total());
            for (Map.Entry<Long, Path> s : sessions.entrySet()) {
                Path copy = dir.resolve("copy-" + s.getKey() + ".ibt");
                driver.download(s.getKey(), copy, TransferProgress.NONE, () -> false);
                assertEquals(-1, Files.mismatch(s.getValue(), copy), "session " + s.getKey());
            }
            byte[] restored = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/api/v1/sessions/" + recorded + "/video"))
                    .header("Authorization", "Bearer " + driver.accessToken()).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
            assertArrayEquals(video, restored, "the recorded session's video is restored");
            SessionView added = driver.upload(team, files.get(0), ABOUT, null, TransferProgress.NONE, () -> false);
            assertTrue(sessions.keySet().stream().allMatch(id -> id < added.id()), "new ids follow the restored");
        }
    }

    private static Map<String, String> env(TestDatabase db) {
        Map<String, String> env = new HashMap<>(db.env());
        env.put("PITBOX_ADMIN_TOKEN", ADMIN);
        env.put("PITBOX_UPLOAD_CHUNK_BYTES", Integer.toString(64 * 1024));
        return env;
    }

    private static CloudClient client(PitboxServer server, String who) throws IOException {
        CloudClient c = new CloudClient(URI.create("http://127.0.0.1:" + server.port()));
        c.register(who + "@backup.example", PASSWORD, who);
        c.login(who + "@backup.example", PASSWORD);
        return c;
    }

    private static CloudClient signIn(PitboxServer server, String who) throws IOException {
        CloudClient c = new CloudClient(URI.create("http://127.0.0.1:" + server.port()));
        c.login(who + "@backup.example", PASSWORD);
        return c;
    }
}
