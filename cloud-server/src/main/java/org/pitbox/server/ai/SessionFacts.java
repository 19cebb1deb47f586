package org.pitbox.server.ai;

import java.util.Collections;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.pitbox.core.coach.Fact;
import org.pitbox.core.coach.FactSheet;

/**
 * What the AI knows of a session: core's fact sheet after its last completed lap, each lap's own facts as they
 * were when it ended (its {@code lapN.*} figures and the bests then, for {@code compare_laps}; the newest
 * {@value #MAX_LAPS} laps), and the driver's user id (null when unknown).
 */
public record SessionFacts(FactSheet sheet, NavigableMap<Integer, FactSheet> laps, Long driverUserId) {
    public static final int MAX_LAPS = 200;
    static final SessionFacts NONE = new SessionFacts(new FactSheet(), new TreeMap<>(), null);

    public SessionFacts {
        laps = Collections.unmodifiableNavigableMap(new TreeMap<>(laps));
    }

    /** Keeps lap {@code lap}'s own facts of {@code sheet} in {@code laps}, dropping the oldest beyond the bound. */
    static void keepLap(NavigableMap<Integer, FactSheet> laps, FactSheet sheet, int lap) {
        FactSheet own = new FactSheet();
        String prefix = "lap" + lap + ".";
        for (Fact f : sheet.facts()) {
            if (f.id().startsWith(prefix) || f.id().startsWith("best.")) {
                own.add(f.id(), f.value(), f.unit(), f.lap(), f.sector(), f.corner(), f.channel());
            }
        }
        laps.put(lap, own);
        while (laps.size() > MAX_LAPS) {
            laps.pollFirstEntry();
        }
    }
}
