package org.pitbox.app.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pitbox.app.team.DemoServerProcess.await;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pitbox.app.feed.ActiveFeed;
import org.pitbox.client.CloudClient;
import org.pitbox.client.live.LiveListener;
import org.pitbox.client.live.LivePublisher;
import org.pitbox.client.live.LiveStatus;
import org.pitbox.client.live.RowProjection;
import org.pitbox.core.home.PitboxHome;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.core.sim.SimulatedRecording;
import org.pitbox.protocol.api.SessionView;
import org.pitbox.protocol.codec.FrameSchema;

/**
 * Live sessions a crashed workbench left in its spools reach the server the next time the driver signs in (the demo
 * server's jar, run as a process): one the server never got is stored as a session, one it was recording is
 * finished in that live session; both spools leave the disk once the server has confirmed them. A spool another user
 * left on the same machine stays for them: it is never sent under the driver's account.
 */
class LeftSpoolTest {
    @RegisterExtension
    static final DemoServerExtension SERVER = new DemoServerExtension("left-spool");

    @Test
    void leftSpoolsAreSentAtTheNextSignIn() throws Exception {
        CloudClient c = new CloudClient(URI.create(SERVER.base()));
        c.login(DemoServerProcess.DRIVER, DemoServerProcess.PASSWORD);
        long team = c.teams().get(0).id();
        Set<Long> before = sessionIds(c, team);
        SimulatedRecording race = SimulatedRecording.run(SimOptions.defaults().withLaps(1).withSeed(5));
        FrameSchema schema = RowProjection.schemaOf(race.layout());
        Path spools = PitboxHome.resolve("spool", Long.toString(team));

        // never reached the server (its token was refused), then the workbench crashed
        LivePublisher offline = publisher(team, "live-left-offline", schema, race, () -> "not-a-token", c.userId());
        publish(offline, race, 0, 600);
        await(() -> offline.status().spooledSeconds() >= 10, 30, "600 rows spooled");
        offline.close();
        // streamed, partly acknowledged, then the workbench crashed: the server waits for the driver
        LivePublisher online = publisher(team, "live-left-online", schema, race, c::accessToken, c.userId());
        await(() -> online.status().state() == LiveStatus.State.LIVE, 30, "the session is live");
        publish(online, race, 0, 915); // acknowledged every 30 frames: the last 15 stay in the spool
        Thread.sleep(1500);
        await(() -> online.status().spooledSeconds() < 1, 30, "most rows acknowledged");
        online.close();
        // the engineer's, on the same machine, never reached the server either
        CloudClient engineer = new CloudClient(URI.create(SERVER.base()));
        engineer.login(DemoServerProcess.ENGINEER, DemoServerProcess.PASSWORD);
        LivePublisher theirs = publisher(team, "live-left-engineer", schema, race, () -> "not-a-token",
                engineer.userId());
        publish(theirs, race, 0, 120);
        await(() -> theirs.status().spooledSeconds() >= 2, 30, "120 rows spooled");
        theirs.close();
        assertTrue(Files.isDirectory(spools.resolve("live-left-offline")));
        assertTrue(Files.isDirectory(spools.resolve("live-left-online")));

        List<String> heard = new CopyOnWriteArrayList<>();
        TeamSession next = new TeamSession(new ActiveFeed(), new MemoryStore(),
                new MemorySettings());
        next.addListener(heard::add);
        try {
            next.signIn(SERVER.base(), DemoServerProcess.DRIVER, DemoServerProcess.PASSWORD).get(30, TimeUnit.SECONDS);
            await(() -> heard.stream().filter(s -> s.contains("left by an earlier run, sent to")).count() == 2, 120,
                    "both left sessions are sent: " + heard);
            assertFalse(Files.exists(spools.resolve("live-left-offline")), "a confirmed spool leaves the disk");
            assertFalse(Files.exists(spools.resolve("live-left-online")));
            await(() -> newSessions(c, team, before).size() == 2, 60, "both are stored");
            List<Integer> rows = newSessions(c, team, before).stream().map(SessionView::recordCount).sorted().toList();
            assertEquals(List.of(600, 915), rows, "every row of both sessions is stored, once; the server said: "
                    + SERVER.logLines("left out"));
            assertTrue(Files.isDirectory(spools.resolve("live-left-engineer")), "another user's spool stays for them");
            assertTrue(heard.stream().noneMatch(s -> s.contains("live-left-engineer")), heard.toString());
        } finally {
            next.dispose();
            Path left = spools.resolve("live-left-engineer");
            if (Files.isDirectory(left)) {
                try (var files = Files.list(left)) {
                    for (Path f : files.toList()) {
                        Files.delete(f);
                    }
                }
                Files.delete(left);
            }
        }
    }

    private static LivePublisher publisher(long team, String key, FrameSchema schema, SimulatedRecording race,
            Supplier<String> token, String user) throws IOException {
        return new LivePublisher(URI.create(SERVER.base()), token, team, key, schema, race.sessionInfoYaml(),
                LivePublisher.Config.defaults(PitboxHome.resolve("spool", Long.toString(team), key)).withUser(user),
                new LiveListener() {
                });
    }

    private static void publish(LivePublisher p, SimulatedRecording race, int from, int to) throws Exception {
        byte[] row = new byte[race.layout().rowLength()];
        for (int i = from; i < to; i++) {
            race.rows().get(race.rowStart(i), row);
            p.publish(row);
            if (i % 100 == 99) { // faster than a car, but within the publisher's row queue
                await(() -> p.rowsWaiting() == 0, 30, "the publisher encodes its rows");
            }
        }
        assertEquals(0, p.status().dropped(), "no row is lost before the spool");
    }

    private static Set<Long> sessionIds(CloudClient c, long team) throws IOException {
        return c.sessions(team, CloudClient.SessionQuery.FIRST).items().stream().map(SessionView::id)
                .collect(Collectors.toSet());
    }

    private static List<SessionView> newSessions(CloudClient c, long team, Set<Long> before) {
        try {
            return c.sessions(team, CloudClient.SessionQuery.FIRST).items().stream()
                    .filter(s -> !before.contains(s.id()) && SessionView.COMPLETE.equals(s.status())).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
