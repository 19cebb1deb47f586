package org.pitbox.core.strategy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Plans an endurance race: stints, stops, fuel per stop and drivers. Deterministic.
 * <p>
 * Each stint is as long as the fuel (a full tank, or the start fuel for the first) and the driver's
 * max stint allow, and the laps still to go are split evenly over the fewest stints that can hold
 * them. Every stint starts with at least its laps at the planned consumption (with margin); a stop adds
 * what the next stint lacks and costs the pit loss plus the refuelling time. A timed race ends at the
 * first crossing of the line at or after its time, so stops shorten it.
 */
public final class StintPlanner {
    /** Slack in seconds when checking the race clock. */
    private static final double TIME_EPS = 1e-6;

    private final RaceLength race;
    private final CarSpec car;
    private final List<Driver> drivers;
    private final Rotation rotation;

    /** @throws IllegalArgumentException without drivers or with two of one name */
    public StintPlanner(RaceLength race, CarSpec car, List<Driver> drivers, Rotation rotation) {
        this.race = Objects.requireNonNull(race, "race");
        this.car = Objects.requireNonNull(car, "car");
        this.drivers = List.copyOf(drivers);
        this.rotation = Objects.requireNonNull(rotation, "rotation");
        if (this.drivers.isEmpty()) {
            throw new IllegalArgumentException("a plan needs at least one driver");
        }
        if (this.drivers.stream().map(Driver::name).distinct().count() != this.drivers.size()) {
            throw new IllegalArgumentException("driver names must differ: " + this.drivers);
        }
    }

    /**
     * @throws IllegalArgumentException when the rotation rules leave no driver for a stint, or a
     *                                  driver's max stint is shorter than a lap
     */
    public StintPlan plan() {
        return new Run().plan();
    }

    /** The state of one planning pass. */
    private final class Run {
        final double lapTime = car.lapTime();
        final int tankLaps = car.lapsOn(car.tankSize());
        final int laterCap;
        final Map<String, Double> driven = new LinkedHashMap<>();
        final List<Stint> stints = new ArrayList<>();
        double clock;
        int lapsDone;
        double fuel = car.startFuel();
        Driver current;
        int inARow;
        double continuous;

        Run() {
            int longest = 0;
            for (Driver d : drivers) {
                int laps = lapsIn(d.maxStintSeconds());
                if (laps < 1) {
                    throw new IllegalArgumentException(d.name() + "'s max stint is shorter than a lap");
                }
                longest = Math.max(longest, laps);
                driven.put(d.name(), 0.0);
            }
            laterCap = Math.min(tankLaps, longest);
        }

        StintPlan plan() {
            while (!finished()) {
                Driver d = next();
                int fuelCap = stints.isEmpty() ? Math.min(tankLaps, car.lapsOn(car.startFuel())) : tankLaps;
                int cap = Math.min(capOf(d), fuelCap);
                int fuelLaps = stintLength(cap);
                drive(d, Math.min(fuelLaps, lapsToFlag(stopBefore(fuelLaps))), fuelLaps);
            }
            return new StintPlan(race, car, stints, clock, driven, warnings());
        }

        boolean finished() {
            return race.timed() ? !stints.isEmpty() && clock >= race.seconds() - TIME_EPS : lapsDone >= race.laps();
        }

        /** Laps to fuel this stint for: all that remain when they fit, else an even share over the fewest stints. */
        int stintLength(int cap) {
            int last = lastStint();
            if (last <= cap) {
                return last;
            }
            double stop = car.pitLoss() + (car.refuelRate() > 0 ? laterCap * car.planned() / car.refuelRate() : 0);
            double before = stints.isEmpty() ? 0 : stop;
            for (int k = 1;; k++) {
                int remaining = lapsToFlag(before + k * stop);
                if (remaining <= cap + (long) k * laterCap) {
                    return Math.min(cap, (remaining + k) / (k + 1));
                }
            }
        }

        /**
         * Laps to fuel for when this stint is the last. In a timed race a longer refuel can bring the flag
         * a lap earlier; {@link #plan()} then drives one lap less on that fuel.
         */
        int lastStint() {
            if (!race.timed()) {
                return lapsToFlag(0);
            }
            int laps = lapsToFlag(stopBefore(0));
            while (laps > 1 && clock + stopBefore(laps - 1) + (laps - 1) * lapTime >= race.seconds() - TIME_EPS) {
                laps--;
            }
            return laps;
        }

        /** Laps to the flag, at least 1, when {@code stopSeconds} more are spent in the pits. */
        int lapsToFlag(double stopSeconds) {
            if (!race.timed()) {
                return race.laps() - lapsDone;
            }
            double seconds = race.seconds() - clock - stopSeconds;
            return Math.max(1, (int) Math.ceil(seconds / lapTime - Checks.EPS));
        }

        /** Litres to add before a stint of {@code laps}. */
        double fuelToAdd(int laps) {
            return Math.max(0, laps * car.planned() - fuel);
        }

        /** Seconds of the stop before a stint of {@code laps}; 0 before the first. */
        double stopBefore(int laps) {
            if (stints.isEmpty()) {
                return 0;
            }
            return car.pitLoss() + (car.refuelRate() > 0 ? fuelToAdd(laps) / car.refuelRate() : 0);
        }

        void drive(Driver d, int laps, int fuelLaps) {
            double stop = stopBefore(fuelLaps);
            double added = 0;
            if (stints.isEmpty()) {
                fuel = Double.isNaN(fuel) ? fuelLaps * car.planned() : fuel;
            } else {
                added = fuelToAdd(fuelLaps);
            }
            double start = clock + stop;
            double atStart = fuel + added;
            clock = start + laps * lapTime;
            fuel = atStart - laps * car.fuelPerLap();
            stints.add(new Stint(stints.size() + 1, d.name(), lapsDone + 1, laps, stop, start, clock, added,
                    atStart, fuel));
            lapsDone += laps;
            continuous = d == current ? continuous + laps * lapTime : laps * lapTime;
            inARow = d == current ? inARow + 1 : 1;
            current = d;
            driven.merge(d.name(), laps * lapTime, Double::sum);
        }

        Driver next() {
            if (rotation.policy() == Rotation.Policy.IN_ORDER) {
                int from = current == null ? 0 : drivers.indexOf(current);
                for (int i = 0; i < drivers.size(); i++) {
                    Driver d = drivers.get((from + i) % drivers.size());
                    if (eligible(d)) {
                        return d;
                    }
                }
            } else {
                Driver best = null;
                for (Driver d : drivers) {
                    if (eligible(d) && (best == null || driven.get(d.name()) < driven.get(best.name()))) {
                        best = d;
                    }
                }
                if (best != null) {
                    return best;
                }
            }
            throw new IllegalArgumentException("the rotation rules leave no driver for stint " + (stints.size() + 1)
                    + " (" + rotation + ")");
        }

        boolean eligible(Driver d) {
            return !(d == current && inARow >= rotation.maxStintsInARow()) && capOf(d) >= 1;
        }

        /** Laps {@code d} may still drive in one go. */
        int capOf(Driver d) {
            return lapsIn(d.maxStintSeconds() - (d == current ? continuous : 0));
        }

        int lapsIn(double seconds) {
            double laps = Math.floor(seconds / lapTime + Checks.EPS);
            return laps >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) laps;
        }

        List<String> warnings() {
            List<String> w = new ArrayList<>();
            for (Driver d : drivers) {
                double t = driven.get(d.name());
                if (t < d.minDriveSeconds()) {
                    w.add(d.name() + " drives " + StintPlan.clock(t) + ", less than the minimum of "
                            + StintPlan.clock(d.minDriveSeconds()));
                }
            }
            return w;
        }
    }
}
