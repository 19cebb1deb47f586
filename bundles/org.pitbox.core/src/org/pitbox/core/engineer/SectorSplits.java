package org.pitbox.core.engineer;

import java.util.ArrayList;
import java.util.List;

/** Sector starts of a track, from the session-info YAML ({@code SplitTimeInfo}) or equal thirds of the lap. */
public final class SectorSplits {
    /** Three equal sectors, for tracks whose session info gives no splits. */
    public static final List<Double> THIRDS = List.of(0.0, 1.0 / 3, 2.0 / 3);

    private SectorSplits() {
    }

    /** The {@code SectorStartPct} values of {@code SplitTimeInfo}, starting at 0; {@link #THIRDS} when fewer than two. */
    public static List<Double> of(String sessionInfoYaml) {
        List<Double> starts = new ArrayList<>();
        boolean inSplits = false;
        for (String line : sessionInfoYaml == null ? new String[0] : sessionInfoYaml.split("\r?\n")) {
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                inSplits = line.startsWith("SplitTimeInfo:");
                continue;
            }
            String item = line.strip();
            item = item.startsWith("- ") ? item.substring(2).strip() : item;
            if (inSplits && item.startsWith("SectorStartPct:")) {
                try {
                    starts.add(Double.parseDouble(item.substring("SectorStartPct:".length()).strip()));
                } catch (NumberFormatException e) {
                    return THIRDS;
                }
            }
        }
        if (!starts.isEmpty() && starts.get(0) != 0) {
            starts.add(0, 0.0);
        }
        for (int i = 0; i < starts.size(); i++) {
            if (!(starts.get(i) >= 0 && starts.get(i) < 1) || i > 0 && starts.get(i) <= starts.get(i - 1)) {
                return THIRDS;
            }
        }
        return starts.size() < 2 ? THIRDS : List.copyOf(starts);
    }
}
