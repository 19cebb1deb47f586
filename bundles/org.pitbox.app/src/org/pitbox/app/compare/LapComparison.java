package org.pitbox.app.compare;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pitbox.core.compare.Comparison;
import org.pitbox.core.laps.Lap;
import org.pitbox.core.laps.LapTimes;
import org.pitbox.core.math.MathChannel;
import org.pitbox.iracing.ibt.IbtFile;

/** Builds a comparison of the ticked laps and names its laps for the charts; no display needed. */
public final class LapComparison {
    /** Progress of a comparison; may throw to stop it. */
    public interface Progress {
        void step(int done, int total);
    }

    /** A tickable lap: its session and the lap. */
    public record Pick(CompareSession session, Lap lap) {
        /** What stays the same for this lap when the sessions are read again. */
        public String key() {
            return session.file() + "#" + lap.firstRecord();
        }
    }

    /** The charts' name of each lap ("184", or "A184" across sessions) and its legend line. */
    public record Labels(List<String> labels, List<String> legend) {
    }

    private LapComparison() {
    }

    /** Reads the ticked laps, each file opened once, and resamples them. */
    public static Comparison compare(Progress progress, List<Pick> picks, List<String> names, List<MathChannel> math,
            double trackLength) throws IOException {
        Comparison.Builder builder = Comparison.builder(names, trackLength).math(math);
        Map<Path, IbtFile> open = new HashMap<>();
        try {
            for (int i = 0; i < picks.size(); i++) {
                progress.step(i, picks.size() + 1);
                Pick pick = picks.get(i);
                IbtFile ibt = open.get(pick.session().file());
                if (ibt == null) {
                    ibt = IbtFile.open(pick.session().file());
                    open.put(pick.session().file(), ibt);
                }
                builder.add(pick.session().name(), ibt, pick.lap());
            }
            progress.step(picks.size(), picks.size() + 1);
            return builder.build();
        } finally {
            for (IbtFile ibt : open.values()) {
                ibt.close();
            }
        }
    }

    /** Labels the laps of {@code c} with their time against the reference; {@code all} lists the sessions. */
    public static Labels labels(Comparison c, List<Pick> picks, List<CompareSession> all) {
        boolean several = picks.stream().map(Pick::session).distinct().count() > 1;
        Lap reference = c.laps().get(c.reference()).lap();
        List<String> labels = new ArrayList<>();
        List<String> legend = new ArrayList<>();
        for (int i = 0; i < picks.size(); i++) {
            Pick pick = picks.get(i);
            Lap lap = pick.lap();
            String session = letter(all.indexOf(pick.session()));
            labels.add(several ? session + lap.number() : Integer.toString(lap.number()));
            double behind = lap.lapTime() - reference.lapTime();
            String whole = lap.startPct() == 0 && lap.endPct() == 1
                    ? i == c.reference() ? "reference" : String.format(Locale.ROOT, "%+.3f s", behind) : "part lap";
            legend.add((several ? session : "Lap ") + lap.number() + "  " + LapTimes.format(lap.lapTime()) + "  "
                    + whole);
        }
        return new Labels(labels, legend);
    }

    /** "3 laps, 2 channels." and the first of the comparison's notes. */
    public static String summary(Comparison c, int laps) {
        return laps + (laps == 1 ? " lap, " : " laps, ") + c.channels().size()
                + (c.channels().size() == 1 ? " channel." : " channels.")
                + (c.notes().isEmpty() ? "" : " " + c.notes().get(0)
                        + (c.notes().size() > 1 ? " (and " + (c.notes().size() - 1) + " more)" : ""));
    }

    /** A, B, C... for the sessions in the lap list. */
    public static String letter(int session) {
        return String.valueOf((char) ('A' + session % 26));
    }
}
