package org.pitbox.server.ai;

import java.util.ArrayList;
import java.util.List;
import org.pitbox.core.coach.Fact;
import org.pitbox.core.coach.FactSheet;
import org.pitbox.core.strategy.CarSpec;
import org.pitbox.core.strategy.Driver;
import org.pitbox.core.strategy.RaceLength;
import org.pitbox.core.strategy.Rotation;
import org.pitbox.core.strategy.Stint;
import org.pitbox.core.strategy.StintPlan;
import org.pitbox.core.strategy.StintPlanner;

/**
 * The strategy figures worked out from a session's fact sheet, added to it as {@code plan.*} facts: the lap in
 * progress ({@code plan.next_lap}) and, when the sheet has the fuel figures, core's stint plan to the flag from
 * the line just crossed (fuel per lap, tank, fuel on board, margin, laps to go, the best lap's time; drivers taking
 * turns by fair share, the one driving first): its stops and, for the next {@value #STINTS} stints, their first
 * lap, laps and the litres the stop before them adds. The assistant's fact sheet always has them, whether or not
 * the model may call tools.
 */
public final class StrategyFacts {
    /** Stints after the one in progress that get facts. */
    public static final int STINTS = 3;

    /** The sheet with the plan's facts, and the plan's driver of each stint (empty without a plan). */
    public record Plan(FactSheet sheet, List<String> stintDrivers) {
        public Plan {
            stintDrivers = List.copyOf(stintDrivers);
        }
    }

    private StrategyFacts() {
    }

    /** {@code drivers}: the team's drivers, the one driving first; a plan needs one. */
    public static Plan of(FactSheet facts, List<String> drivers) {
        FactSheet sheet = copy(facts);
        Fact level = facts.get("fuel.level");
        if (level == null) {
            return new Plan(sheet, List.of());
        }
        int done = level.lap();
        sheet.add("plan.next_lap", done + 1, "lap", done + 1, 0, 0, "");
        StintPlan plan = plan(facts, drivers.isEmpty() ? List.of("Driver") : drivers);
        if (plan == null) {
            return new Plan(sheet, List.of());
        }
        sheet.add("plan.stops", plan.stops(), "", done, 0, 0, "");
        List<Stint> stints = plan.stints();
        for (int k = 1; k < stints.size() && k <= STINTS; k++) {
            Stint s = stints.get(k);
            String at = "plan.stint" + (k + 1) + ".";
            int first = done + s.firstLap();
            sheet.add(at + "first_lap", first, "lap", first, 0, 0, "");
            sheet.add(at + "laps", s.laps(), "laps", first, 0, 0, "");
            sheet.add(at + "fuel_to_add", s.fuelAdded(), "L", first, 0, 0, "FuelLevel");
        }
        return new Plan(sheet, stints.stream().map(Stint::driver).toList());
    }

    /** Core's plan from the line just crossed, or null when the sheet lacks a figure or they make no race. */
    private static StintPlan plan(FactSheet f, List<String> drivers) {
        double perLap = f.value("fuel.per_lap");
        double tank = f.value("fuel.tank");
        double level = f.value("fuel.level");
        double toGo = Math.ceil(f.value("fuel.laps_to_go") - 1e-6);
        double lapTime = f.value("best.time");
        double margin = f.has("fuel.margin") ? f.value("fuel.margin") / 100 : 0;
        if (!(perLap > 0 && tank > 0 && level > 0 && toGo >= 1 && toGo <= Assistant.MAX_LAP && lapTime > 0)) {
            return null;
        }
        List<Driver> team = new ArrayList<>();
        drivers.stream().distinct().forEach(d -> team.add(Driver.of(d)));
        try {
            CarSpec car = new CarSpec(lapTime, perLap, tank, Math.min(level, tank), margin, 0, 0);
            return new StintPlanner(RaceLength.laps((int) toGo), car, team, Rotation.fairShare()).plan();
        } catch (IllegalArgumentException e) {
            return null; // e.g. the fuel on board lasts less than a lap: no plan from here
        }
    }

    static FactSheet copy(FactSheet facts) {
        FactSheet sheet = new FactSheet();
        for (Fact f : facts.facts()) {
            sheet.add(f.id(), f.value(), f.unit(), f.lap(), f.sector(), f.corner(), f.channel());
        }
        return sheet;
    }
}
