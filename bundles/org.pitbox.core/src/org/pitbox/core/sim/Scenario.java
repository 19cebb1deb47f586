package org.pitbox.core.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.pitbox.core.coach.Hint;

/**
 * A simulated session with known truths: the mistakes and events a coach should find, each on a lap (or a window
 * of laps) and at a corner or sector. Corners are the braking zones counted from the line ({@link Hint#corner}),
 * sectors the track's ({@link Hint#sector}).
 */
public final class Scenario {
    /** After braking late the car runs wide this far past the apex, slowing to {@link #RUN_WIDE_SPEED}. */
    private static final double RUN_WIDE_METRES = 60;
    /** The speed a car that braked late gets down to past the apex, as a share of the corner's speed. */
    private static final double RUN_WIDE_SPEED = 0.75;

    /** What the coach should find: {@code kind} on a lap from {@code firstLap} to {@code lastLap} at {@code where}. */
    public record Truth(Hint.Kind kind, int firstLap, int lastLap, String where) {
    }

    private final String name;
    private final String description;
    private final SimOptions options;
    private final SpeedProfile profile;
    private final List<double[]> zones;
    private final List<Truth> truths = new ArrayList<>();
    private Set<Integer> lateLaps = Set.of();
    private double[] lateZone;
    private double lateMetres;
    private int slowLap;
    private double slowFrom;
    private double slowTo;
    private double slowFactor = 1;
    private int spinLap;
    private double spinAt;
    private int hotFrom;
    private double hotDegrees;
    private int dropFrom;
    private double dropFactor = 1;

    Scenario(String name, String description, SimOptions options) {
        this.name = name;
        this.description = description;
        this.options = options;
        profile = new SpeedProfile(options.track());
        zones = profile.brakingZones();
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public SimOptions options() {
        return options;
    }

    public List<Truth> truths() {
        return List.copyOf(truths);
    }

    /** A fresh simulator of the session, rows one by one. */
    public TelemetrySimulator simulator() {
        return new TelemetrySimulator(options, new Mistakes(), profile);
    }

    /** The whole session in memory. */
    public SimulatedRecording record() {
        return new SimulatedRecording(simulator());
    }

    /** Braking zones of the ideal lap, {brake, apex} in metres from the line: corner n is element n - 1. */
    public List<double[]> corners() {
        return List.copyOf(zones);
    }

    Scenario brakesLate(int corner, double metres, Integer... laps) {
        lateZone = zones.get(corner - 1);
        lateMetres = metres;
        lateLaps = Set.of(laps);
        for (int lap : laps) {
            truths.add(new Truth(Hint.Kind.BRAKING, lap, lap, Hint.corner(corner)));
        }
        return this;
    }

    /** Drives sector {@code sector} of lap {@code lap} slowly enough to lose about {@code seconds}. */
    Scenario losesSector(int lap, int sector, double seconds) {
        List<Double> starts = options.track().sectorStarts();
        double length = options.track().length();
        slowLap = lap;
        slowFrom = starts.get(sector - 1) * length;
        slowTo = sector < starts.size() ? starts.get(sector) * length : length;
        double time = profile.time(slowFrom, slowTo);
        slowFactor = time / (time + seconds);
        truths.add(new Truth(Hint.Kind.SECTOR, lap, lap, Hint.sector(sector)));
        return this;
    }

    Scenario spins(int lap, int corner) {
        spinLap = lap;
        spinAt = zones.get(corner - 1)[1];
        truths.add(new Truth(Hint.Kind.SPIN, lap, lap, Hint.corner(corner)));
        return this;
    }

    Scenario heatsTyres(int fromLap, double degrees) {
        hotFrom = fromLap;
        hotDegrees = degrees;
        truths.add(new Truth(Hint.Kind.TYRES_HOT, fromLap, fromLap + 1, "tyres"));
        return this;
    }

    Scenario losesPace(int fromLap, double share) {
        dropFrom = fromLap;
        dropFactor = 1 - share;
        truths.add(new Truth(Hint.Kind.PACE_DROP, fromLap, fromLap + 1, "lap"));
        return this;
    }

    Scenario expects(Truth truth) {
        truths.add(truth);
        return this;
    }

    /** The driver of this scenario: ideal but for its mistakes. */
    private final class Mistakes implements Driving {
        @Override
        public double target(int lap, double s, double pace, SpeedProfile p) {
            double target = pace * p.at(s);
            if (lateLaps.contains(lap) && s >= lateZone[0] && s < lateZone[1] + RUN_WIDE_METRES) {
                double late = pace * p.at(Math.max(lateZone[0], s - lateMetres));
                target = s < lateZone[1] ? late : Math.min(late, RUN_WIDE_SPEED * pace * p.at(lateZone[1]));
            }
            if (lap == slowLap && s >= slowFrom && s < slowTo) {
                target *= slowFactor;
            }
            return lap >= dropFrom && dropFrom > 0 ? target * dropFactor : target;
        }

        @Override
        public boolean spins(int lap, double from, double to) {
            return lap == spinLap && from < spinAt && to >= spinAt;
        }

        @Override
        public double tyreHeat(int lap) {
            return hotFrom > 0 && lap >= hotFrom ? hotDegrees : 0;
        }
    }
}
