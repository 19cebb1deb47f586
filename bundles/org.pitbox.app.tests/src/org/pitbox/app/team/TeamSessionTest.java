package org.pitbox.app.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pitbox.app.team.DemoServerProcess.await;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pitbox.app.feed.ActiveFeed;
import org.pitbox.app.live.EngineerLive;
import org.pitbox.app.live.LiveBoard;
import org.pitbox.client.live.Bandwidth;
import org.pitbox.core.live.LinkLevel;
import org.pitbox.core.sim.SimulatorSource;

/**
 * The team session and the engineer's live view against a real server (the demo server's jar, run as a process):
 * sign in, remember and restore the sign-in, stream the simulator live, watch it, radio both ways, sign out.
 */
class TeamSessionTest {
    @RegisterExtension
    static final DemoServerExtension SERVER = new DemoServerExtension("team-session");

    @Test
    void signsInStreamsIsWatchedAndSignsOut() throws Exception {
        MemoryStore store = new MemoryStore();
        MemorySettings settings = new MemorySettings();
        ActiveFeed feed = new ActiveFeed();
        TeamSession team = new TeamSession(feed, store, settings);
        List<String> heard = new CopyOnWriteArrayList<>();
        team.addListener(new TeamSession.Listener() {
            @Override
            public void changed(String sentence) {
                heard.add(sentence);
            }

            @Override
            public void radio(String fromName, String text) {
                heard.add("radio " + text);
            }
        });
        TeamSession engineerSide = new TeamSession(new ActiveFeed(), new MemoryStore(), new MemorySettings());
        LiveBoard board = new LiveBoard();
        EngineerLive engineer = new EngineerLive(board);
        List<EngineerLive.Change> seen = new CopyOnWriteArrayList<>();
        engineer.addListener(seen::add);
        try {
            assertEquals(TeamSettings.DEFAULT_SERVER_URL, team.serverUrl(), "nothing chosen yet");
            team.signIn(SERVER.base(), DemoServerProcess.DRIVER, DemoServerProcess.PASSWORD).get(30, TimeUnit.SECONDS);
            assertTrue(team.signedIn());
            assertNotNull(team.team(), "the demo team is chosen");
            assertEquals(SERVER.base(), settings.get(TeamSettings.SERVER_URL, null));
            assertEquals("driver@demo.pitbox", store.stored.email(), "the sign-in is remembered");
            assertTrue(heard.contains("Signed in to " + SERVER.base() + " as driver@demo.pitbox"), heard.toString());

            IOException noFeed = assertThrows(IOException.class, () -> team.startStreaming(null, Bandwidth.FULL));
            assertEquals("Start a telemetry source first", noFeed.getMessage());
            feed.start(new SimulatorSource(), null);
            team.startStreaming(feed.feed(), Bandwidth.FULL);
            assertTrue(team.streaming() && team.sessionKey().startsWith("live-"), team.sessionKey());
            assertEquals(Bandwidth.FULL.key(), settings.get(TeamSettings.BANDWIDTH, null));
            assertTrue(team.coachOn(), "coach hints are on by default");
            team.coach(false);
            assertEquals("off", settings.get(TeamSettings.COACH, null));
            assertTrue(heard.contains("Coach hints off: the engineer still sees them"), heard.toString());
            team.coach(true);
            assertTrue(team.coachOn());
            await(() -> team.link().level() == LinkLevel.OK, 30, "the link is live: " + team.link().text());

            engineerSide.signIn(SERVER.base(), DemoServerProcess.ENGINEER, DemoServerProcess.PASSWORD)
                    .get(30, TimeUnit.SECONDS);
            engineer.watch(engineerSide.client(), engineerSide.team(), team.sessionKey());
            await(() -> board.active() && board.rows() > 0, 30, "the engineer's board takes rows");
            assertTrue(seen.contains(EngineerLive.Change.SESSION), seen.toString());
            await(() -> engineer.sessions().stream().anyMatch(s -> s.sessionKey().equals(team.sessionKey())), 30,
                    "the session is in the team's presence");
            await(() -> engineer.radio("Box this lap"), 30, "the engineer's radio is sent");
            await(() -> heard.contains("radio Box this lap"), 30, "the driver hears the engineer");

            feed.stop();
            await(() -> !team.streaming(), 30, "stopping the feed ends the live session");
            team.dispose();
            assertFalse(team.signedIn(), "the component ends: its sign-in is gone from memory");

            TeamSession next = new TeamSession(feed, store, settings);
            next.addListener(heard::add);
            assertTrue(next.restore().get(30, TimeUnit.SECONDS), "signed in again from the remembered token");
            assertEquals("driver@demo.pitbox", next.email());
            next.signOut().get(30, TimeUnit.SECONDS);
            assertFalse(next.signedIn());
            assertNull(store.stored, "signing out forgets the remembered sign-in");
            assertTrue(heard.contains("Signed out"), heard.toString());
            next.dispose();
        } finally {
            engineer.closeAll();
            engineerSide.dispose();
            team.dispose();
            feed.stop();
        }
    }
}
