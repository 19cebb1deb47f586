package org.pitbox.ui.engineer.assistant;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.pitbox.app.assistant.EngineerAssistant;
import org.pitbox.app.assistant.EngineerAssistant.Fact;
import org.pitbox.app.assistant.EngineerAssistant.Turn;
import org.pitbox.protocol.api.AiApi.InsightView;

/**
 * The conversation as read-only styled text: each question, its answer (the one streaming grows piece by piece at
 * the end), its source, the facts it used and its rating. Unverified numbers are underlined red with the tooltip
 * {@value #UNVERIFIED}; fact citations are dimmed.
 */
final class Transcript {
    static final String UNVERIFIED = "not found in the telemetry";
    private static final Pattern CITATION = Pattern.compile("\\[[A-Za-z0-9_.:-]+\\]");

    private final StyledText text;
    private final Color dim;
    private final Color red;
    private final Color accent;
    private final List<int[]> unverified = new ArrayList<>();
    /** Where each turn starts in the text, for choosing the answer to rate. */
    private final List<Integer> starts = new ArrayList<>();

    Transcript(Composite parent) {
        text = new StyledText(parent, SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL | SWT.MULTI);
        text.setMargins(10, 8, 10, 8);
        text.setLineSpacing(3);
        dim = new Color(128, 136, 148);
        red = new Color(230, 60, 60);
        accent = new Color(70, 140, 255);
        text.addListener(SWT.MouseHover, e -> {
            int at = text.getOffsetAtPoint(new org.eclipse.swt.graphics.Point(e.x, e.y));
            boolean over = at >= 0 && unverified.stream().anyMatch(r -> at >= r[0] && at < r[0] + r[1]);
            text.setToolTipText(over ? UNVERIFIED : null);
        });
        text.addListener(SWT.Dispose, e -> {
            dim.dispose();
            red.dispose();
            accent.dispose();
        });
    }

    StyledText control() {
        return text;
    }

    /** The turn at the caret, or -1. */
    int turnAtCaret() {
        int caret = text.getCaretOffset();
        int found = -1;
        for (int i = 0; i < starts.size() && starts.get(i) <= caret; i++) {
            found = i;
        }
        return found;
    }

    /** Ranges {offset, length} of the numbers marked unverified, for tests. */
    List<int[]> unverifiedRanges() {
        return List.copyOf(unverified);
    }

    /** Writes every turn again; an answer still streaming ends the text, so pieces append. */
    void show(List<Turn> turns, String empty) {
        StringBuilder b = new StringBuilder();
        List<StyleRange> styles = new ArrayList<>();
        unverified.clear();
        starts.clear();
        if (turns.isEmpty()) {
            b.append(empty);
            styles.add(range(0, empty.length(), dim, SWT.ITALIC));
        }
        for (Turn t : turns) {
            if (!b.isEmpty()) {
                b.append("\n\n");
            }
            starts.add(b.length());
            int q = b.length();
            b.append("Q  ").append(t.question()).append('\n');
            styles.add(range(q, b.length() - q, accent, SWT.BOLD));
            int a = b.length();
            b.append(t.text());
            styles.addAll(answerStyles(a, t.text(), t.answer()));
            if (t.answer() != null) {
                int m = b.length();
                b.append('\n').append(meta(t.answer(), t.rating()));
                styles.add(range(m, b.length() - m, dim, SWT.NORMAL));
            }
        }
        text.setText(b.toString());
        styles.sort((x, y) -> Integer.compare(x.start, y.start));
        text.setStyleRanges(styles.toArray(StyleRange[]::new));
        text.setTopIndex(text.getLineCount() - 1);
    }

    /** More text of the streaming answer. */
    void append(String piece) {
        text.append(piece);
        text.setTopIndex(text.getLineCount() - 1);
    }

    /** Citations dimmed, unverified numbers underlined red. */
    private List<StyleRange> answerStyles(int at, String answer, InsightView view) {
        List<StyleRange> styles = new ArrayList<>();
        Matcher c = CITATION.matcher(answer);
        List<int[]> cited = new ArrayList<>();
        while (c.find()) {
            styles.add(range(at + c.start(), c.end() - c.start(), dim, SWT.NORMAL));
            cited.add(new int[] {c.start(), c.end()});
        }
        if (view == null || view.unverified() == null) {
            return styles;
        }
        for (String number : view.unverified()) {
            int from = 0;
            for (int i; (i = answer.indexOf(number, from)) >= 0; from = i + number.length()) {
                int start = i;
                int end = i + number.length();
                if (cited.stream().anyMatch(r -> start < r[1] && end > r[0])
                        || unverified.stream().anyMatch(r -> at + start < r[0] + r[1] && at + end > r[0])) {
                    continue;
                }
                StyleRange r = range(at + i, number.length(), red, SWT.BOLD);
                r.underline = true;
                r.underlineStyle = SWT.UNDERLINE_ERROR;
                r.underlineColor = red;
                styles.add(r);
                unverified.add(new int[] {at + i, number.length()});
            }
        }
        return styles;
    }

    /** "Rule-based engineer ... · 100 % of numbers verified · facts: fuel.per_lap 2.31 l · rated useful". */
    static String meta(InsightView answer, String rating) {
        StringBuilder b = new StringBuilder(EngineerAssistant.sourceLabel(answer));
        b.append("  \u00b7  ").append(Math.round(answer.verifiedShare() * 100)).append(" % of numbers verified");
        if (answer.unverified() != null && !answer.unverified().isEmpty()) {
            b.append(" (unverified: ").append(String.join(", ", answer.unverified())).append(')');
        }
        List<Fact> facts = EngineerAssistant.facts(answer);
        if (!facts.isEmpty()) {
            b.append("\nFacts used: ").append(facts.stream().map(f -> f.id() + " = " + f.value()
                    + (f.unit().isEmpty() ? "" : " " + f.unit())).collect(Collectors.joining("; ")));
        }
        if (rating != null) {
            b.append("\nRated ").append(rating.toLowerCase(Locale.ROOT));
        }
        return b.toString();
    }

    private static StyleRange range(int start, int length, Color fg, int style) {
        StyleRange r = new StyleRange(start, length, fg, null);
        r.fontStyle = style;
        return r;
    }
}
