package org.pitbox.core.strategy;

import java.util.Objects;

/**
 * A driver of an endurance race and the rules for them.
 *
 * @param maxStintSeconds longest time on track in one go, over consecutive stints; infinite for no limit
 * @param minDriveSeconds least time on track over the race (checked, reported as a warning); 0 for none
 */
public record Driver(String name, double maxStintSeconds, double minDriveSeconds) {

    public Driver {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a driver needs a name");
        }
        if (!(maxStintSeconds > 0)) {
            throw new IllegalArgumentException(name + ": max stint must be positive, got " + maxStintSeconds);
        }
        Checks.notNegative(name + ": min drive time", minDriveSeconds);
    }

    public static Driver of(String name) {
        return new Driver(name, Double.POSITIVE_INFINITY, 0);
    }

    public Driver withMaxStint(double seconds) {
        return new Driver(name, seconds, minDriveSeconds);
    }

    public Driver withMinDrive(double seconds) {
        return new Driver(name, maxStintSeconds, seconds);
    }
}
