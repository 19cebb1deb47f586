package org.pitbox.server.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.exceptions.UpgradeException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pitbox.iracing.ibt.IbtFile;
import org.pitbox.protocol.codec.FrameSchema;
import org.pitbox.protocol.live.LiveControl;
import org.pitbox.protocol.live.LiveProtocol;

class LiveRelayTest extends RelayTest {
    @BeforeEach
    void start() throws Exception {
        node = new TestNode(dir);
    }

    private static void assertRows(Map<Long, byte[]> got, int from, int to) {
        assertEquals(to - from + 1, got.size());
        long expected = from;
        for (Map.Entry<Long, byte[]> e : got.entrySet()) {
            assertEquals(expected, e.getKey(), "frames in order");
            assertArrayEquals(SimRows.ROWS.get((int) expected - 1), e.getValue(), "frame " + expected);
            expected++;
        }
    }

    @Test
    void everyFrameReachesTheSubscriberInOrderAndBitExact() throws Exception {
        TestSocket engineer = TestSocket.connect(client, subscribe(), "engineer-token");
        engineer.await(LiveControl.HELLO);
        TestPublisher p = driver();
        LiveControl session = engineer.await(LiveControl.SESSION);
        assertArrayEquals(SimRows.SCHEMA.toBytes(), session.schemaBytes());
        assertEquals(SimRows.YAML, session.sessionInfo());
        assertEquals("Dana Driver", session.name());
        SimRows.ROWS.forEach(p::publish);
        int n = SimRows.ROWS.size();
        assertTrue(n > 1000, "a lap of real rows");
        assertRows(SimRows.decode(SimRows.SCHEMA, Frames.take(engineer, n)), 1, n);
    }

    @Test
    void lateJoinerGetsTheSessionAndTheLatestFrameAtOnce() throws Exception {
        TestPublisher p = driver();
        for (int i = 0; i < 120; i++) {
            p.publish(SimRows.ROWS.get(i));
        }
        while (p.acked < 120) {
            Thread.sleep(5);
        }
        TestSocket late = TestSocket.connect(client, subscribe(), "engineer-token");
        assertEquals(KEY, late.await(LiveControl.SESSION).sessionKey());
        // the frames since the latest keyframe: the session's first (its next is after 600 frames)
        int keyframe = 1;
        List<byte[]> caughtUp = Frames.take(late, 120 - keyframe + 1);
        assertArrayEquals(SimRows.ROWS.get(119), SimRows.decode(SimRows.SCHEMA, caughtUp).get(120L),
                "the latest frame, decodable at once");
        for (int i = 120; i < 240; i++) {
            p.publish(SimRows.ROWS.get(i));
        }
        List<byte[]> all = new ArrayList<>(caughtUp);
        all.addAll(Frames.take(late, 120));
        assertRows(SimRows.decode(SimRows.SCHEMA, all), keyframe, 240);
    }

    @Test
    void aSlowSubscriberDropsCountedFramesWhileOthersGetEverythingAndThePublisherIsNotSlowed() throws Exception {
        node.close();
        node = new TestNode(dir, null, 16, LiveMetrics.NONE);
        FrameSchema schema = SimRows.noisy(4096); // 16 kB of noise per frame fills socket buffers
        TestSocket fast = TestSocket.connect(client, subscribe(), "engineer-token");
        TestSocket slow = TestSocket.connect(client, subscribe(), "viewer-token", false);
        TestPublisher p = new TestPublisher(schema, SimRows.YAML);
        p.connect(client, publish(), "driver-token");
        int n = 1500;
        Random random = new Random(7);
        List<byte[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(SimRows.noisyRow(schema, SimRows.ROWS.get(i), random));
        }
        for (int i = 0; i < 1000; i++) {
            p.publish(rows.get(i));
        }
        while (p.acked < 990) {
            Thread.sleep(5);
        }
        List<byte[]> fastMessages = new ArrayList<>(Frames.take(fast, 1000));
        SimRows.decode(schema, fastMessages);
        assertTrue(slow.binary.isEmpty(), "the fast one got every frame while the slow one read nothing");
        slow.resume();
        for (int i = 1000; i < n; i++) {
            p.publish(rows.get(i));
            Thread.sleep(1);
        }
        p.socket.send(LiveControl.of(LiveControl.END));
        assertEquals(n, p.socket.await(LiveControl.ENDED).seq());

        fastMessages.addAll(Frames.take(fast, n - 1000));
        Map<Long, byte[]> got = SimRows.decode(schema, fastMessages); // one decoder, as a client has
        assertEquals(n, got.size());
        got.forEach((seq, row) -> assertArrayEquals(rows.get((int) (seq - 1)), row));
        assertEquals(0, fast.await(LiveControl.ENDED).dropped());

        long dropped = slow.await(LiveControl.ENDED).dropped();
        List<byte[]> slowMessages = new ArrayList<>(slow.binary);
        Map<Long, byte[]> slowRows = SimRows.decode(schema, slowMessages);
        assertTrue(dropped > 0, "the slow subscriber dropped frames");
        assertEquals(n, slowRows.size() + dropped, "every frame delivered or counted");
        slowRows.forEach((seq, row) -> assertArrayEquals(rows.get((int) (seq - 1)), row));
        assertTrue(slowMessages.stream().anyMatch(m -> LiveProtocol.type(m) == LiveProtocol.DROPPED),
                "drops reported when it caught up");
        assertTrue(slowRows.containsKey((long) n), "back in sync after catching up");
    }

    @Test
    void radioGoesFromEngineerToDriverAndViewersCannotTalk() throws Exception {
        TestPublisher p = driver();
        TestSocket engineer = TestSocket.connect(client, subscribe(), "engineer-token");
        engineer.await(LiveControl.SESSION);
        engineer.send(LiveControl.radio("box this lap"));
        LiveControl heard = p.socket.await(LiveControl.RADIO);
        assertEquals("box this lap", heard.text());
        assertEquals(2L, heard.userId());
        assertEquals("Eli Engineer", heard.name());
        assertEquals("box this lap", engineer.await(LiveControl.RADIO).text(), "the team hears it too");

        TestSocket viewer = TestSocket.connect(client, subscribe(), "viewer-token");
        viewer.send(LiveControl.radio("hello?"));
        assertTrue(viewer.await(LiveControl.ERROR).text().contains("viewers"));
    }

    @Test
    void presenceListsTheTeamsConnectionsAndLiveSessions() throws Exception {
        TestSocket team = TestSocket.connect(client, node.uri(LiveProtocol.teamPath(TestNode.TEAM)), "viewer-token");
        TestSocket rival = TestSocket.connect(client, node.uri(LiveProtocol.teamPath(TestNode.OTHER_TEAM)),
                "rival-token");
        driver();
        TestSocket.connect(client, subscribe(), "engineer-token");
        LiveControl presence;
        do {
            presence = team.await(LiveControl.PRESENCE);
        } while (presence.members().size() < 3);
        assertEquals(List.of(new LiveControl.Session(KEY, 1, "Dana Driver")), presence.sessions());
        assertTrue(presence.members().contains(new LiveControl.Member(2, "Eli Engineer", "engineer", KEY, "subscribe")));
        assertTrue(presence.members().contains(new LiveControl.Member(3, "Vic Viewer", "viewer", null, "team")));
        rival.await(LiveControl.PRESENCE);
        for (LiveControl c : rival.text) {
            if (LiveControl.PRESENCE.equals(c.type())) {
                assertTrue(c.members().stream().allMatch(m -> m.userId() == 4), "no other team's members");
            }
        }
    }

    @Test
    void upgradesWithoutAValidTokenOfTheTeamAreRejected() throws Exception {
        assertEquals(401, upgradeStatus(subscribe(), null));
        assertEquals(403, upgradeStatus(subscribe(), "forged-token"));
        assertEquals(403, upgradeStatus(subscribe(), "rival-token"));
        assertEquals(403, upgradeStatus(publish(), "viewer-token"));
        assertEquals(404, upgradeStatus(node.uri(LiveProtocol.ROOT + "/teams/1/elsewhere"), "engineer-token"));
        TestSocket browser = TestSocket.connect(client, URI.create(subscribe() + "?access_token=engineer-token"), null);
        assertEquals(2L, browser.await(LiveControl.HELLO).userId());
    }

    private int upgradeStatus(URI uri, String token) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> TestSocket.connect(client, uri, token));
        return assertInstanceOf(UpgradeException.class, e.getCause()).getResponseStatusCode();
    }

    @Test
    void aPublisherThatReconnectsResendsWithoutLossOrDuplicates() throws Exception {
        TestSocket engineer = TestSocket.connect(client, subscribe(), "engineer-token");
        TestPublisher p = driver();
        int n = SimRows.ROWS.size();
        for (int i = 0; i < 500; i++) {
            p.publish(SimRows.ROWS.get(i));
        }
        while (p.acked < 480) {
            Thread.sleep(5);
        }
        p.socket.drop();
        long recorded = p.connect(client, publish(), "driver-token");
        assertTrue(recorded >= 480 && recorded <= 500, "server kept " + recorded);
        p.resendFrom(p.acked + 1); // some of these are duplicates the server ignores
        for (int i = 500; i < n; i++) {
            p.publish(SimRows.ROWS.get(i));
        }
        p.socket.send(LiveControl.of(LiveControl.END));
        assertEquals(n, p.socket.await(LiveControl.ENDED).seq());
        assertRows(SimRows.decode(SimRows.SCHEMA, Frames.take(engineer, n)), 1, n);
        assertRecorded(node.stored.poll(30, TimeUnit.SECONDS));
    }

    @Test
    void anEndedSessionIsStoredAsAnIbtOfExactlyThePublishedRows() throws Exception {
        TestPublisher p = driver();
        SimRows.ROWS.forEach(p::publish);
        p.socket.send(LiveControl.of(LiveControl.END));
        p.socket.await(LiveControl.ENDED);
        TestNode.Stored stored = node.stored.poll(30, TimeUnit.SECONDS);
        assertEquals(TestNode.TEAM, stored.teamId());
        assertEquals(1, stored.userId());
        assertEquals(KEY, stored.key());
        assertEquals(SimRows.SCHEMA, stored.schema());
        assertRecorded(stored);
        try (var spool = Files.list(dir.resolve("live"))) {
            assertFalse(spool.anyMatch(f -> f.toString().endsWith(".frames")), "spool removed");
        }
    }

    static void assertRecorded(TestNode.Stored stored) throws Exception {
        try (IbtFile ibt = IbtFile.open(stored.file())) {
            assertEquals(SimRows.SCHEMA, SimRows.schema(ibt.layout()));
            assertEquals(SimRows.YAML.strip(), ibt.sessionInfoYaml().strip());
        }
        SimRows.assertStored(stored.file(), SimRows.ROWS);
    }
}
