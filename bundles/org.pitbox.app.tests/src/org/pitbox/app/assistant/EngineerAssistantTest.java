package org.pitbox.app.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pitbox.app.team.DemoServerProcess.await;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pitbox.app.feed.ActiveFeed;
import org.pitbox.app.live.EngineerLive;
import org.pitbox.app.live.LiveBoard;
import org.pitbox.app.team.DemoServerExtension;
import org.pitbox.app.team.DemoServerProcess;
import org.pitbox.app.team.MemorySettings;
import org.pitbox.app.team.MemoryStore;
import org.pitbox.app.team.TeamSession;
import org.pitbox.client.live.Bandwidth;
import org.pitbox.core.sim.SimulatorSource;
import org.pitbox.protocol.live.LiveControl;

/**
 * The engineer's assistant against the demo server (its jar, run as a process, no AI agent: the rule-based engineer
 * answers): the driver streams the simulator at Martinsville, the engineer watches; the assistant talks about the
 * watched live session, streams an answer with numbers and the facts it used, rates it, and lists the coach's hints,
 * which the driver rates too; the engineer's pit plan reaches the driver's team session.
 */
class EngineerAssistantTest {
    private static final String FUEL = "how much fuel do we need to finish?";
    @RegisterExtension
    static final DemoServerExtension SERVER = new DemoServerExtension("assistant");

    @BeforeAll
    static void martinsville() {
        System.setProperty(SimulatorSource.TRACK_PROPERTY, "martinsville");
    }

    @AfterAll
    static void clearTrack() {
        System.clearProperty(SimulatorSource.TRACK_PROPERTY);
    }

    @Test
    void answersAboutTheWatchedLiveSessionAndThePitPlanReachesTheDriver() throws Exception {
        ActiveFeed feed = new ActiveFeed();
        TeamSession driver = new TeamSession(feed, new MemoryStore(), new MemorySettings());
        List<String> driverHeard = new CopyOnWriteArrayList<>();
        List<LiveControl.PitPlan> plans = new CopyOnWriteArrayList<>();
        driver.addListener(new TeamSession.Listener() {
            @Override
            public void changed(String sentence) {
            }

            @Override
            public void coach(String text, String source) {
                driverHeard.add(text);
            }

            @Override
            public void pitPlan(LiveControl.PitPlan plan, String fromName) {
                plans.add(plan);
                driverHeard.add("plan from " + fromName);
            }
        });
        TeamSession engineerSide = new TeamSession(new ActiveFeed(), new MemoryStore(), new MemorySettings());
        EngineerLive live = new EngineerLive(new LiveBoard());
        EngineerAssistant assistant = new EngineerAssistant(engineerSide, live);
        List<EngineerAssistant.Change> changes = new CopyOnWriteArrayList<>();
        List<String> pieces = new CopyOnWriteArrayList<>();
        List<String> failures = new CopyOnWriteArrayList<>();
        assistant.addListener(new EngineerAssistant.Listener() {
            @Override
            public void changed(EngineerAssistant.Change change) {
                changes.add(change);
                if (change == EngineerAssistant.Change.ASKED) {
                    pieces.clear();
                }
            }

            @Override
            public void piece(String text) {
                pieces.add(text);
            }

            @Override
            public void restart(String reason, List<String> unmatched) {
                pieces.clear();
            }

            @Override
            public void failed(String sentence) {
                failures.add(sentence);
            }
        });
        try {
            assertFalse(assistant.ask(FUEL, null), "signed out");
            assertTrue(failures.get(0).startsWith("Signed out"), failures.toString());

            driver.signIn(SERVER.base(), DemoServerProcess.DRIVER, DemoServerProcess.PASSWORD)
                    .get(30, TimeUnit.SECONDS);
            feed.start(new SimulatorSource(), null);
            driver.startStreaming(feed.feed(), Bandwidth.FULL);
            engineerSide.signIn(SERVER.base(), DemoServerProcess.ENGINEER, DemoServerProcess.PASSWORD)
                    .get(30, TimeUnit.SECONDS);
            assertFalse(assistant.ask(FUEL, null), "no session yet");
            live.watch(engineerSide.client(), engineerSide.team(), driver.sessionKey());
            assertEquals("live:" + driver.sessionKey(), assistant.subject(), "it follows the watched session");
            assertTrue(assistant.title().contains(driver.sessionKey()));

            // the server's coach of the session starts with its first frames and has figures once a lap (20 s) is
            // done: until then the question gets a 404 or an answer without numbers
            EngineerAssistant.Turn turn = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            for (int tries = 0; turn == null || !turn.answer().text().matches("(?s).*\\d.*"); tries++) {
                assertTrue(System.nanoTime() < deadline, "an answer with numbers within 2 minutes: " + turn + " "
                        + failures);
                Thread.sleep(tries == 0 ? 0 : 7_000);
                assertTrue(assistant.ask(FUEL, null), failures.toString());
                await(() -> !assistant.busy(), 60, "the answer is done");
                List<EngineerAssistant.Turn> turns = assistant.turns();
                turn = turns.isEmpty() || turns.get(turns.size() - 1).answer() == null ? null
                        : turns.get(turns.size() - 1);
            }
            assertEquals(FUEL, turn.question());
            assertEquals(String.join("", pieces), turn.answer().text(), "streamed piece by piece");
            assertEquals(EngineerAssistant.RULES_LABEL, EngineerAssistant.sourceLabel(turn.answer()));
            List<EngineerAssistant.Fact> facts = EngineerAssistant.facts(turn.answer());
            assertFalse(facts.isEmpty(), "the facts it used");
            assertTrue(facts.stream().anyMatch(f -> f.id().startsWith("fuel.")), facts.toString());
            assertEquals(1.0, turn.answer().verifiedShare(), "every number verified");
            assertTrue(changes.contains(EngineerAssistant.Change.ANSWERED));

            long answerId = turn.answer().id();
            assistant.rate(answerId, "useful", null).get(30, TimeUnit.SECONDS);
            assertEquals("useful", assistant.turns().get(assistant.turns().size() - 1).rating());

            int asked = assistant.turns().size();
            assistant.reload().get(30, TimeUnit.SECONDS);
            assertEquals(asked, assistant.turns().size(), "the server has the same conversation");

            assertEquals("No such card", assistant.accept("nope"));
            assertTrue(live.pitPlan(new LiveControl.PitPlan(42.0, List.of("lf", "rf"), false, null)));
            await(() -> !plans.isEmpty(), 30, "the driver gets the plan");
            assertEquals(42.0, plans.get(0).fuelLiters());
            assertEquals(List.of("lf", "rf"), plans.get(0).tyres());
            assertTrue(driverHeard.contains("plan from Demo Engineer"), driverHeard.toString());

            await(() -> !assistant.hints().isEmpty(), 90, "the engineer sees the coach's hint");
            await(() -> !driverHeard.stream().filter(h -> !h.startsWith("plan from")).toList().isEmpty(), 30,
                    "the driver got it too");
            String rated = driver.rateLastHint("wrong").get(30, TimeUnit.SECONDS);
            assertTrue(rated.startsWith("Rated the lap "), rated);
        } finally {
            assistant.dispose();
            live.closeAll();
            engineerSide.dispose();
            driver.dispose();
            feed.stop();
        }
    }
}
