package org.pitbox.core.sim;

import java.util.Objects;
import java.util.Set;

/**
 * What to simulate. A session runs either {@code laps} timed laps or until {@code durationSeconds} have
 * passed (then the lap in progress is finished); the other one is 0.
 *
 * @param startFuel  litres at the start; NaN fills the tank
 * @param fuelPerLap litres an ideal lap uses; NaN takes 0.6 l per km
 * @param pitLaps    Lap numbers on which the car pits, on top of pitting when fuel runs short
 * @param autoPit    pit when the fuel will not last the next lap
 */
public record SimOptions(Track track, int laps, double durationSeconds, long seed, double startFuel,
        double tankSize, double fuelPerLap, Set<Integer> pitLaps, boolean autoPit) {

    public SimOptions {
        Objects.requireNonNull(track, "track");
        pitLaps = Set.copyOf(pitLaps);
        if (laps < 0 || durationSeconds < 0 || (laps > 0) == (durationSeconds > 0)) {
            throw new IllegalArgumentException("give either laps or a duration: " + laps + ", " + durationSeconds);
        }
        if (!(tankSize > 0) || startFuel > tankSize || startFuel < 0 || fuelPerLap <= 0) {
            throw new IllegalArgumentException("bad fuel options: start " + startFuel + ", tank " + tankSize
                    + ", per lap " + fuelPerLap);
        }
    }

    /** Five laps of Monza from a full 100 l tank, seed 1. */
    public static SimOptions defaults() {
        return new SimOptions(Tracks.MONZA, 5, 0, 1, Double.NaN, 100, Double.NaN, Set.of(), true);
    }

    public SimOptions withTrack(Track t) {
        return new SimOptions(t, laps, durationSeconds, seed, startFuel, tankSize, fuelPerLap, pitLaps, autoPit);
    }

    public SimOptions withLaps(int n) {
        return new SimOptions(track, n, 0, seed, startFuel, tankSize, fuelPerLap, pitLaps, autoPit);
    }

    public SimOptions withDuration(double seconds) {
        return new SimOptions(track, 0, seconds, seed, startFuel, tankSize, fuelPerLap, pitLaps, autoPit);
    }

    public SimOptions withSeed(long s) {
        return new SimOptions(track, laps, durationSeconds, s, startFuel, tankSize, fuelPerLap, pitLaps, autoPit);
    }

    public SimOptions withFuel(double start, double tank, double perLap) {
        return new SimOptions(track, laps, durationSeconds, seed, start, tank, perLap, pitLaps, autoPit);
    }

    public SimOptions withPitLaps(Integer... lapNumbers) {
        return new SimOptions(track, laps, durationSeconds, seed, startFuel, tankSize, fuelPerLap,
                Set.of(lapNumbers), autoPit);
    }

    public SimOptions withAutoPit(boolean on) {
        return new SimOptions(track, laps, durationSeconds, seed, startFuel, tankSize, fuelPerLap, pitLaps, on);
    }

    /** Start fuel with the default applied. */
    public double initialFuel() {
        return Double.isNaN(startFuel) ? tankSize : startFuel;
    }

    /** Fuel per lap with the default applied. */
    public double litresPerLap() {
        return Double.isNaN(fuelPerLap) ? 0.6 * track.length() / 1000 : fuelPerLap;
    }
}
