package org.pitbox.core.sim;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.pitbox.core.coach.Hint;
import org.pitbox.core.fuel.FuelFigures;

/** The built-in scenarios, each with its truths: what `./pitbox simulate --scenario` and `ai-eval` run. */
public final class Scenarios {
    private static final SimOptions MONZA = SimOptions.defaults().withTrack(Tracks.MONZA).withLaps(8).withSeed(7);
    private static final SimOptions MARTINSVILLE = SimOptions.defaults().withTrack(Tracks.MARTINSVILLE).withSeed(7)
            .withAutoPit(false);
    /** Fuel short: the race's laps (the out lap from the pits counts), and the laps the fuel falls short by. */
    private static final int SHORT_RACE = 25;
    private static final int SHORT_BY = 3;
    /** Pit window: a race longer than the tank. */
    private static final int WINDOW_RACE = 40;
    private static final double WINDOW_TANK = 14;

    private Scenarios() {
    }

    public static List<Scenario> all() {
        return List.of(
                new Scenario("clean", "eight clean laps of Monza: nothing to find", MONZA),
                new Scenario("late-braking", "Monza: brakes 35 m late into T1 on laps 4 and 6 and runs wide", MONZA)
                        .brakesLate(1, 35, 4, 6),
                new Scenario("slow-sector", "Monza: loses 1.5 s in sector 2 on lap 5", MONZA).losesSector(5, 2, 1.5),
                new Scenario("spin", "Monza: spins at T5 on lap 5", MONZA).spins(5, 5),
                new Scenario("hot-tyres", "Monza: the tyres run 25 C hotter from lap 5", MONZA).heatsTyres(5, 25),
                new Scenario("pace-drop", "Monza: 3 % slower from lap 6", MONZA.withLaps(9)).losesPace(6, 0.03),
                fuelShort(), pitWindow());
    }

    /** A scenario by name, ignoring case. */
    public static Optional<Scenario> find(String name) {
        return all().stream().filter(s -> s.name().equalsIgnoreCase(name.strip())).findFirst();
    }

    /** The names, for help and errors: "clean, late-braking, ...". */
    public static String names() {
        return all().stream().map(Scenario::name).collect(Collectors.joining(", "));
    }

    private static Scenario fuelShort() {
        SimOptions o = MARTINSVILLE.withLaps(SHORT_RACE);
        double perLap = o.litresPerLap();
        o = o.withFuel((SHORT_RACE + 1 - SHORT_BY) * perLap, o.tankSize(), Double.NaN);
        return new Scenario("fuel-short", "Martinsville: fuel for " + SHORT_BY + " laps less than the race, no stop",
                o).expects(new Scenario.Truth(Hint.Kind.FUEL_SHORT, 2, 4, "fuel"));
    }

    /**
     * A race that needs one stop: the window opens when a full tank (with the margin) reaches the flag, that is
     * after the race's laps less the laps a tank lasts.
     */
    private static Scenario pitWindow() {
        SimOptions o = MARTINSVILLE.withLaps(WINDOW_RACE).withFuel(WINDOW_TANK, WINDOW_TANK, Double.NaN)
                .withAutoPit(true);
        int perTank = (int) Math.floor(WINDOW_TANK / (o.litresPerLap() * (1 + FuelFigures.MARGIN)));
        int opens = WINDOW_RACE + 1 - perTank;
        return new Scenario("pit-window", "Martinsville: " + WINDOW_RACE + " laps on a " + (int) WINDOW_TANK
                + " l tank: one stop, the window opens on lap " + opens, o)
                .expects(new Scenario.Truth(Hint.Kind.FUEL_SHORT, 2, 4, "fuel"))
                .expects(new Scenario.Truth(Hint.Kind.PIT_WINDOW, opens - 1, opens + 2, "fuel"));
    }
}
