package org.pitbox.core.compare;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes a comparison as CSV in the conventions of {@code pitbox ibt export}: a header of names, values in
 * the recording's units as the shortest text that parses back (whole-numbered channels as integers), lines
 * ending in {@code \n}, nothing quoted.
 * One line per lap and grid point: {@code Session,Lap,LapDist} (metres; {@code LapDistPct} 0..1 when the
 * track length is unknown), then the chosen channels. Distances a lap does not cover are left out.
 */
public final class CompareCsv {
    private CompareCsv() {
    }

    /** Writes to {@code out}; does not flush or close it. */
    public static void write(Comparison c, Writer out) throws IOException {
        List<ComparedChannel> channels = c.channels();
        boolean metres = c.distanceUnit().equals("m");
        StringBuilder line = new StringBuilder(256);
        line.append("Session,Lap,").append(metres ? "LapDist" : "LapDistPct");
        for (ComparedChannel ch : channels) {
            line.append(',').append(ch.name());
        }
        out.append(line).append('\n');
        double[] x = c.distance();
        for (int l = 0; l < c.laps().size(); l++) {
            ComparedLap lap = c.laps().get(l);
            String session = lap.session().replaceAll("[,\r\n]", " ");
            for (int g = 0; g < x.length; g++) {
                if (!covered(channels, l, g)) {
                    continue;
                }
                line.setLength(0);
                line.append(session).append(',').append(lap.lap().number()).append(',').append(x[g]);
                for (ComparedChannel ch : channels) {
                    double v = ch.values()[l][g];
                    line.append(',');
                    if (ch.discrete() && !Double.isNaN(v)) {
                        line.append((long) v);
                    } else {
                        line.append(v);
                    }
                }
                out.append(line).append('\n');
            }
        }
    }

    private static boolean covered(List<ComparedChannel> channels, int lap, int g) {
        for (ComparedChannel ch : channels) {
            if (!Double.isNaN(ch.values()[lap][g])) {
                return true;
            }
        }
        return false;
    }
}
