package org.pitbox.core.analysis.run;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.pitbox.core.analysis.AnalysisInfo;
import org.pitbox.core.analysis.AnalysisResult;
import org.pitbox.core.analysis.Figure;
import org.pitbox.core.analysis.Table;

/** Outcomes as plain text, for {@code pitbox analyze}: figures and aligned tables; series and markers counted. */
public final class OutcomeText {
    private OutcomeText() {
    }

    /** One line: id, name, version, provider, tab-separated. */
    public static String line(AnalysisInfo info) {
        return info.id() + "\t" + info.name() + "\t" + info.version() + "\t" + info.provider();
    }

    public static void print(Outcome outcome, PrintStream out) {
        out.println("== " + outcome.headline());
        AnalysisResult r = outcome.result();
        if (r == null) {
            return;
        }
        if (!r.summary().isEmpty()) {
            out.println(r.summary());
        }
        for (Figure f : r.figures()) {
            out.println(f.name() + ": " + cell(f.value()) + (f.unit().isEmpty() ? "" : " " + f.unit()));
        }
        for (Table t : r.tables()) {
            print(t, out);
        }
        if (!r.series().isEmpty() || !r.markers().isEmpty()) {
            out.println("(" + r.series().size() + " series and " + r.markers().size() + " markers: see the workbench)");
        }
    }

    private static void print(Table t, PrintStream out) {
        out.println();
        out.println(t.title());
        List<String[]> lines = new ArrayList<>();
        lines.add(t.columns().stream().map(c -> c.unit().isEmpty() ? c.name() : c.name() + " (" + c.unit() + ")")
                .toArray(String[]::new));
        for (List<Object> row : t.rows()) {
            lines.add(row.stream().map(OutcomeText::cell).toArray(String[]::new));
        }
        int[] width = new int[t.columns().size()];
        for (String[] line : lines) {
            for (int c = 0; c < width.length; c++) {
                width[c] = Math.max(width[c], line[c].length());
            }
        }
        for (String[] line : lines) {
            StringBuilder b = new StringBuilder();
            for (int c = 0; c < width.length; c++) {
                b.append(c == 0 ? "" : "  ").append(String.format("%-" + width[c] + "s", line[c]));
            }
            out.println(b.toString().stripTrailing());
        }
    }

    /** Whole numbers without decimals, others with three; NaN as "--". */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                return "--";
            }
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf(d.longValue())
                    : String.format(Locale.ROOT, "%.3f", d);
        }
        return value.toString();
    }
}
