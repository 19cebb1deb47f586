package org.pitbox.server.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pitbox.core.coach.Coach;
import org.pitbox.core.coach.FactCheck;
import org.pitbox.core.coach.FactSheet;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.core.sim.TelemetrySimulator;
import org.pitbox.core.sim.Tracks;
import org.pitbox.core.telemetry.Frame;
import org.pitbox.iracing.SessionCoach;
import org.pitbox.iracing.sessioninfo.SessionInfoParser;
import org.pitbox.protocol.api.AiApi.StrategyCard;

/** Strategy cards from a fact sheet and core's stint plan: which cards, their figures, and that each is verified. */
class StrategyCardsTest {
    /** Lap 14 just completed: 2 L a lap on a 40 L tank, 12 L on board, 30 laps to go. */
    private static FactSheet race(boolean windowOpen) {
        FactSheet s = new FactSheet().add("best.time", 20.4, "s", 9, 0, 0, "SessionTime")
                .add("fuel.level", 12, "L", 14, 0, 0, "FuelLevel").add("fuel.per_lap", 2, "L", 14, 0, 0, "FuelLevel")
                .add("fuel.tank", 40, "L", 0, 0, 0, "FuelLevelPct").add("fuel.laps_of_fuel", 6, "laps", 14, 0, 0, "")
                .add("fuel.laps_to_go", 30, "laps", 14, 0, 0, "").add("fuel.to_flag", 63, "L", 14, 0, 0, "")
                .add("fuel.to_add", 51, "L", 14, 0, 0, "").add("fuel.margin", 5, "%", 0, 0, 0, "")
                .add("fuel.laps_short", 24, "laps", 14, 0, 0, "");
        return windowOpen ? s.add("fuel.window_first", 13, "lap", 13, 0, 0, "")
                .add("fuel.window_last", 19, "lap", 19, 0, 0, "") : s;
    }

    private static StrategyCard card(List<StrategyCard> cards, String kind) {
        return cards.stream().filter(c -> c.kind().equals(kind)).findFirst().orElseThrow(() -> new AssertionError(
                "no " + kind + " card in " + cards));
    }

    private static void verified(StrategyFacts.Plan plan, StrategyCard c, String name) {
        String words = c.title() + " " + c.reason();
        FactCheck.Result r = FactCheck.check(name.isEmpty() ? words : words.replace(name, " "), plan.sheet());
        assertEquals(List.of(), r.unmatched(), c.toString());
        c.factIds().forEach(id -> assertTrue(plan.sheet().has(id), id + " cited by " + c));
    }

    @Test
    void fuelThatWillNotLastGivesTheLitresTheNextStopAdds() {
        StrategyFacts.Plan plan = StrategyFacts.of(race(false), List.of("Ana"));
        assertEquals(15, plan.sheet().value("plan.next_lap"));
        assertTrue(plan.sheet().value("plan.stops") >= 1, plan.sheet().toJson());
        List<StrategyCard> cards = StrategyCards.of(plan, 1);
        StrategyCard fuel = card(cards, "fuel");
        // one stop left: the fuel figures' litres, as on the overlay; more: the next stint's from the stint plan
        String litres = plan.sheet().value("plan.stops") > 1 ? "plan.stint2.fuel_to_add" : "fuel.to_add";
        assertEquals(Math.round(plan.sheet().value(litres) * 10) / 10.0, fuel.fuelLiters());
        assertTrue(fuel.factIds().containsAll(List.of(litres, "fuel.per_lap", "fuel.laps_to_go")));
        assertFalse(cards.stream().anyMatch(c -> c.kind().equals("pit-this-lap") || c.kind().equals("driver-swap")));
        cards.forEach(c -> verified(plan, c, ""));
    }

    @Test
    void anOpenWindowGivesPitThisLapWithFuelAndTyres() {
        StrategyFacts.Plan plan = StrategyFacts.of(race(true), List.of("Ana"));
        List<StrategyCard> cards = StrategyCards.of(plan, 1);
        StrategyCard pit = card(cards, "pit-this-lap");
        assertEquals("q1-pit-this-lap-15", pit.id(), "the question's id first: each answer's cards are apart");
        assertEquals(15, pit.lap());
        assertEquals(List.of("lf", "rf", "lr", "rr"), pit.tyres());
        assertTrue(pit.fuelLiters() > 0);
        assertFalse(cards.stream().anyMatch(c -> c.kind().equals("fuel")), "the pit card carries the fuel");
        verified(plan, pit, "");
    }

    @Test
    void hotTyresAndASecondDriverGiveTheirCards() {
        FactSheet s = race(false).add("lap14.tyre.lf.vs_best", 14.2, "C", 14, 0, 0, "LFtempCM")
                .add("lap14.tyre.rf.vs_best", 3, "C", 14, 0, 0, "RFtempCM");
        StrategyFacts.Plan plan = StrategyFacts.of(s, List.of("Ana", "Ben 2"));
        List<StrategyCard> cards = StrategyCards.of(plan, 1);
        StrategyCard tyres = card(cards, "tyres");
        assertEquals(List.of("lf"), tyres.tyres());
        assertEquals(List.of("lap14.tyre.lf.vs_best"), tyres.factIds());
        StrategyCard swap = card(cards, "driver-swap");
        assertEquals(List.of("Ana", "Ben 2"), plan.stintDrivers().subList(0, 2));
        assertTrue(swap.title().contains("Ben 2"), swap.title());
        assertEquals((int) plan.sheet().value("plan.stint2.first_lap"), swap.lap());
        verified(plan, tyres, "");
        verified(plan, swap, "Ben 2");
    }

    @Test
    void withoutFuelFiguresThereIsNoPlanAndNoCard() {
        FactSheet s = new FactSheet().add("lap3.time", 20.4, "s", 3, 0, 0, "SessionTime");
        StrategyFacts.Plan plan = StrategyFacts.of(s, List.of("Ana", "Ben"));
        assertEquals(List.of(), StrategyCards.of(plan, 1));
        assertFalse(plan.sheet().has("plan.stops"));
        FactSheet noRace = race(false).add("fuel.laps_to_go", 0, "laps", 14, 0, 0, "")
                .add("fuel.laps_short", 0, "laps", 14, 0, 0, "");
        assertEquals(List.of(), StrategyCards.of(StrategyFacts.of(noRace, List.of("Ana", "Ben")), 1));
    }

    /**
     * A race of 10 minutes (iRacing's timed race: laps unlimited, time remaining) is planned as the laps its time
     * allows at the pace: the laps to go after lap 5 are the laps the simulated car drives until the first crossing
     * of the line after the time ran out, the flag.
     */
    @Test
    void aTimedRaceIsPlannedAsTheLapsItsTimeAllowsAtThePace() {
        double duration = 600;
        TelemetrySimulator sim = new TelemetrySimulator(SimOptions.defaults().withTrack(Tracks.MARTINSVILLE)
                .withDuration(duration).withSeed(7));
        Frame frame = new Frame(TelemetrySimulator.layout());
        ByteBuffer row = frame.row().order(ByteOrder.LITTLE_ENDIAN);
        Coach coach = SessionCoach.of(TelemetrySimulator.layout(), SessionInfoParser.parse(sim.sessionInfoYaml()),
                -1, TelemetrySimulator.TICK_RATE, 0);
        FactSheet atFive = null;
        int flagLap = 0;
        while (flagLap == 0 && sim.next(row.clear())) {
            coach.update(frame);
            FactSheet f = coach.state().facts();
            if (coach.lapEnded() && f.has("fuel.level")) {
                int lap = f.get("fuel.level").lap();
                atFive = lap == 5 ? f : atFive;
                flagLap = frame.sessionTime() >= duration ? lap : 0;
            }
        }
        assertTrue(atFive != null && flagLap > 20, "the flag on lap " + flagLap);
        double toGo = atFive.value("fuel.laps_to_go");
        assertEquals(flagLap - 5, toGo, 0.01, "laps to go after lap 5, the flag on lap " + flagLap);
        StrategyFacts.Plan plan = StrategyFacts.of(atFive, List.of("Ana"));
        assertEquals(0, plan.sheet().value("plan.stops"), "a full tank lasts " + toGo + " laps");
        assertEquals(atFive.value("fuel.per_lap") * toGo, atFive.value("fuel.to_flag"), 1e-9);
    }
}
