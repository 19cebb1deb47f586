package org.pitbox.app.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pitbox.app.team.DemoServerProcess.await;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pitbox.app.assistant.EngineerAssistant.CardState;
import org.pitbox.app.assistant.EngineerAssistant.Turn;
import org.pitbox.app.feed.ActiveFeed;
import org.pitbox.app.live.EngineerLive;
import org.pitbox.app.live.LiveBoard;
import org.pitbox.app.team.DemoServerProcess;
import org.pitbox.app.team.MemorySettings;
import org.pitbox.app.team.MemoryStore;
import org.pitbox.app.team.TeamSession;
import org.pitbox.client.live.Bandwidth;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.core.sim.SimulatorSource;
import org.pitbox.core.sim.Tracks;
import org.pitbox.core.source.LiveFeed;
import org.pitbox.core.source.TelemetrySource;
import org.pitbox.protocol.api.AiApi.StrategyCard;
import org.pitbox.protocol.live.LiveControl;

/**
 * A strategy card the demo server made, accepted end to end: the driver streams 30 laps of Martinsville on a 14 L
 * tank (one stop; the pit window opens on lap 5), four times as fast as real time; the engineer asks when to pit
 * until the answer says "box this lap" with a pit-this-lap card, then asks about fuel. The answers' litres are their
 * cards'; the dismissed card sends nothing, the accepted one reaches the driver as a pit plan with the card's litres
 * and tyres, and both decisions are on the server: another engineer's assistant reads them with the conversation.
 */
class StrategyCardsTest {
    private static final String PIT = "when should we pit?";
    private static final String FUEL = "how much fuel do we need to finish?";
    private static final Pattern ADD = Pattern.compile("[Aa]dd (\\d+(?:\\.\\d+)?) L");
    private static final SimOptions RACE = SimOptions.defaults().withTrack(Tracks.MARTINSVILLE).withLaps(30)
            .withSeed(3).withFuel(14, 14, Double.NaN);

    @Test
    void anAcceptedPitCardReachesTheDriverWithItsFigures() throws Exception {
        try (DemoServerProcess server = DemoServerProcess.start("cards")) {
            run(server.base());
        }
    }

    private void run(String base) throws Exception {
        ActiveFeed feed = new ActiveFeed();
        TeamSession driver = new TeamSession(feed, new MemoryStore(), new MemorySettings());
        List<LiveControl.PitPlan> plans = new CopyOnWriteArrayList<>();
        driver.addListener(new TeamSession.Listener() {
            @Override
            public void changed(String sentence) {
            }

            @Override
            public void pitPlan(LiveControl.PitPlan plan, String fromName) {
                plans.add(plan);
            }
        });
        TeamSession engineerSide = new TeamSession(new ActiveFeed(), new MemoryStore(), new MemorySettings());
        EngineerLive live = new EngineerLive(new LiveBoard());
        EngineerAssistant assistant = new EngineerAssistant(engineerSide, live);
        EngineerAssistant other = null;
        List<String> failures = new CopyOnWriteArrayList<>();
        assistant.addListener(new EngineerAssistant.Listener() {
            @Override
            public void changed(EngineerAssistant.Change change) {
            }

            @Override
            public void failed(String sentence) {
                failures.add(sentence);
            }
        });
        try {
            driver.signIn(base, DemoServerProcess.DRIVER, DemoServerProcess.PASSWORD).get(30, TimeUnit.SECONDS);
            feed.start(fast(), null);
            driver.startStreaming(feed.feed(), Bandwidth.FULL);
            engineerSide.signIn(base, DemoServerProcess.ENGINEER, DemoServerProcess.PASSWORD).get(30, TimeUnit.SECONDS);
            live.watch(engineerSide.client(), engineerSide.team(), driver.sessionKey());

            // until the window opens the answer says "Not yet" and the cards say what fuel to add; one question
            // in 8 s keeps within the demo team's 10 a minute
            Turn pit = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            for (int tries = 0; pit == null || card(pit).isEmpty(); tries++) {
                assertTrue(System.nanoTime() < deadline, "a pit-this-lap card within 3 minutes: " + pit + " "
                        + failures);
                Thread.sleep(tries == 0 ? 0 : 8_000);
                pit = answer(assistant, PIT);
            }
            StrategyCard first = card(pit).orElseThrow();
            assertTrue(pit.answer().text().startsWith("Box this lap, lap " + first.lap()), pit.answer().text());
            assertEquals(first.fuelLiters(), litres(pit), "the answer adds the card's litres");
            assertEquals(List.of("lf", "rf", "lr", "rr"), first.tyres());
            assertEquals(1.0, pit.answer().verifiedShare(), pit.answer().text());

            Turn fuel = answer(assistant, FUEL);
            assertTrue(fuel != null, failures.toString());
            StrategyCard second = card(fuel).orElseThrow(() -> new AssertionError("no pit card with " + fuel));
            assertEquals(second.fuelLiters(), litres(fuel), "the fuel answer adds the card's litres");
            assertEquals(1.0, fuel.answer().verifiedShare(), fuel.answer().text());
            assertNotEquals(first.id(), second.id(), "each answer's cards are its own");

            assistant.dismiss(first.id());
            assertEquals("Sent to the driver's pit box: " + second.title(), assistant.accept(second.id()));
            await(() -> !plans.isEmpty(), 30, "the driver gets the pit plan");
            LiveControl.PitPlan plan = plans.get(0);
            assertEquals(second.id(), plan.cardId(), "the accepted card's plan, not the dismissed one's: " + plans);
            assertEquals(second.fuelLiters(), plan.fuelLiters());
            assertEquals(second.tyres(), plan.tyres());
            assertEquals(1, plans.size(), plans.toString());
            assertEquals(CardState.DISMISSED, state(assistant, first));
            assertEquals(CardState.ACCEPTED, state(assistant, second));

            assistant.reload().get(30, TimeUnit.SECONDS);
            assertEquals(CardState.DISMISSED, state(assistant, first));
            assertEquals(CardState.ACCEPTED, state(assistant, second));

            // another engineer's workbench reads the decisions from the server with the conversation
            other = new EngineerAssistant(engineerSide, live);
            EngineerAssistant reader = other;
            reader.followLive();
            await(() -> {
                reader.reload().join();
                return reader.turns().size() >= 2 && state(reader, first) == CardState.DISMISSED
                        && state(reader, second) == CardState.ACCEPTED;
            }, 30, "the server has the decisions");
        } finally {
            if (other != null) {
                other.dispose();
            }
            assistant.dispose();
            live.closeAll();
            engineerSide.dispose();
            driver.dispose();
            feed.stop();
        }
    }

    /** Asks and waits for the answer: the last turn, null when none came (the session has no facts yet: 404). */
    private static Turn answer(EngineerAssistant assistant, String question) throws InterruptedException {
        assertTrue(assistant.ask(question, null), question);
        await(() -> !assistant.busy(), 60, "the answer is done");
        List<Turn> turns = assistant.turns();
        Turn last = turns.isEmpty() ? null : turns.get(turns.size() - 1);
        return last == null || last.answer() == null || !last.question().equals(question) ? null : last;
    }

    private static Optional<StrategyCard> card(Turn turn) {
        return turn.cards().stream().filter(c -> c.kind().equals("pit-this-lap")).findFirst();
    }

    /** The litres the answer's sentence adds. */
    private static Double litres(Turn turn) {
        Matcher m = ADD.matcher(turn.answer().text());
        assertTrue(m.find(), turn.answer().text());
        return Double.valueOf(m.group(1));
    }

    /** The card's state, null when the assistant does not have it. */
    private static CardState state(EngineerAssistant assistant, StrategyCard card) {
        return assistant.turns().stream().filter(t -> t.cardStates().containsKey(card.id())).findFirst()
                .map(t -> t.cardStates().get(card.id())).orElse(null);
    }

    /** The race, four times as fast as real time. */
    private static TelemetrySource fast() {
        return new TelemetrySource() {
            @Override
            public String id() {
                return SimulatorSource.ID;
            }

            @Override
            public String name() {
                return "PitBox simulator, 4x";
            }

            @Override
            public Optional<String> unavailableReason() {
                return Optional.empty();
            }

            @Override
            public LiveFeed open(Path file) {
                return SimulatorSource.open(RACE, 4);
            }
        };
    }
}
