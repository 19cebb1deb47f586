package org.pitbox.core.strategy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A race split into stints.
 *
 * @param finishTime   race clock when the car takes the flag
 * @param driveSeconds time on track per driver, in the order drivers were given
 * @param warnings     rules the plan cannot keep (a minimum drive time out of reach), empty when none
 */
public record StintPlan(RaceLength race, CarSpec car, List<Stint> stints, double finishTime,
        Map<String, Double> driveSeconds, List<String> warnings) {

    public StintPlan {
        stints = List.copyOf(stints);
        driveSeconds = Collections.unmodifiableMap(new LinkedHashMap<>(driveSeconds));
        warnings = List.copyOf(warnings);
    }

    public int stops() {
        return stints.size() - 1;
    }

    public int laps() {
        return stints.isEmpty() ? 0 : stints.get(stints.size() - 1).lastLap();
    }

    /** Seconds spent in stops. */
    public double pitSeconds() {
        return stints.stream().mapToDouble(Stint::stopSeconds).sum();
    }

    /** Litres put in at stops. */
    public double fuelAdded() {
        return stints.stream().mapToDouble(Stint::fuelAdded).sum();
    }

    /** A plain-text table for the CLI and logs. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        b.append(race.timed() ? "Race of " + clock(race.seconds()) : "Race of " + race.laps() + " laps")
                .append(String.format(Locale.ROOT, ": %d laps, %d stops, finish at %s, %.1f s in the pits%n",
                        laps(), stops(), clock(finishTime), pitSeconds()));
        b.append(String.format(Locale.ROOT, "%-3s %-16s %-9s %5s %9s %9s %8s %8s%n", "#", "driver", "laps",
                "count", "start", "end", "add l", "start l"));
        for (Stint s : stints) {
            b.append(String.format(Locale.ROOT, "%-3d %-16s %-9s %5d %9s %9s %8.1f %8.1f%n", s.number(), s.driver(),
                    s.firstLap() + "-" + s.lastLap(), s.laps(), clock(s.startTime()), clock(s.endTime()),
                    s.fuelAdded(), s.fuelAtStart()));
        }
        driveSeconds.forEach((d, t) -> b.append(d).append(": ").append(clock(t)).append(" on track\n"));
        warnings.forEach(w -> b.append("warning: ").append(w).append('\n'));
        return b.toString();
    }

    /** h:mm:ss. */
    static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
