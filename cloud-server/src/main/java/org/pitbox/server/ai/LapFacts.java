package org.pitbox.server.ai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.pitbox.server.sessions.SessionDao;
import org.pitbox.server.sessions.SessionDao.LapRow;

/**
 * The plain {@link FactSource}: a stored session's laps as facts (lap count, best and last full lap, each of the
 * last {@value #RECENT_LAPS} full laps, best sectors, fuel per lap). Live sessions have none until the race-state watcher
 * gives them theirs.
 */
public final class LapFacts implements FactSource {
    public static final int RECENT_LAPS = 10;
    /** A lap shorter than this share of the median lap time is a part lap (a reset, the end of the recording). */
    public static final double PART_LAP = 0.5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SessionDao sessions;

    public LapFacts(SessionDao sessions) {
        this.sessions = sessions;
    }

    @Override
    public Optional<String> facts(long teamId, SessionRef session) {
        if (session.live()) {
            return Optional.empty();
        }
        return sessions.find(session.storedId()).filter(s -> s.teamId() == teamId && s.complete())
                .map(s -> sheet(s, sessions.laps(s.id())));
    }

    private static String sheet(SessionDao.SessionRow s, List<LapRow> laps) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("session").put("track", s.track()).put("car", s.car()).put("driver", s.driver());
        ArrayNode facts = root.putArray("facts");
        add(facts, "laps", laps.size(), "laps", null);
        double[] times = laps.stream().mapToDouble(LapRow::lapTime).filter(t -> t > 0).sorted().toArray();
        double median = times.length == 0 ? 0 : times[times.length / 2];
        List<LapRow> timed = laps.stream().filter(l -> l.lapTime() > 0 && l.lapTime() >= median * PART_LAP).toList();
        timed.stream().min((a, b) -> Double.compare(a.lapTime(), b.lapTime()))
                .ifPresent(l -> add(facts, "best_lap", l.lapTime(), "s", l.number()));
        if (!timed.isEmpty()) {
            LapRow last = timed.getLast();
            add(facts, "last_lap", last.lapTime(), "s", last.number());
        }
        timed.subList(Math.max(0, timed.size() - RECENT_LAPS), timed.size())
                .forEach(l -> add(facts, "lap_" + l.number() + "_time", l.lapTime(), "s", l.number()));
        int sectors = timed.stream().mapToInt(l -> l.sectorTimes().size()).max().orElse(0);
        for (int i = 0; i < sectors; i++) {
            int k = i;
            timed.stream().filter(l -> k < l.sectorTimes().size() && l.sectorTimes().get(k) > 0)
                    .min((a, b) -> Double.compare(a.sectorTimes().get(k), b.sectorTimes().get(k)))
                    .ifPresent(l -> add(facts, "best_sector_" + (k + 1), l.sectorTimes().get(k), "s", l.number())
                            .withObject("source").put("sector", k + 1));
        }
        double[] fuel = laps.stream().mapToDouble(LapRow::fuelUsed).filter(f -> f > 0).toArray();
        if (fuel.length > 0) {
            add(facts, "fuel_per_lap", Math.round(java.util.Arrays.stream(fuel).average().orElse(0) * 1000) / 1000.0,
                    "l", null);
        }
        return root.toString();
    }

    private static ObjectNode add(ArrayNode facts, String id, double value, String unit, Integer lap) {
        ObjectNode f = facts.addObject().put("id", id).put("value", value).put("unit", unit);
        ObjectNode source = f.putObject("source");
        if (lap == null) {
            source.put("channel", unit.equals("l") ? "FuelLevel" : "Lap");
        } else {
            source.put("lap", lap);
        }
        return f;
    }
}
