package org.pitbox.voice.eval;

import java.util.ArrayList;
import java.util.List;

import org.pitbox.voice.command.Command;

/**
 * The scores of one set of utterances: commands heard exactly, commands rejected or taken for another, non-commands
 * rejected or forced onto a command, and how long each took from the end of speech to the matched command.
 */
final class EvalSet {
    final String name;
    int commands;
    int exact;
    int missed;
    int wrong;
    int nonCommands;
    int rejected;
    final List<Double> millis = new ArrayList<>();
    final List<String> mistakes = new ArrayList<>();

    EvalSet(String name) {
        this.name = name;
    }

    /** One utterance: what it should be (null for a non-command) and what was heard. */
    void add(String label, Command expected, Command heard, String text, double ms) {
        millis.add(ms);
        if (expected == null) {
            nonCommands++;
            if (heard == null) {
                rejected++;
            } else {
                mistakes.add(label + " -> " + heard.intent() + " (heard '" + text + "')");
            }
            return;
        }
        commands++;
        if (heard != null && heard.sameAs(expected)) {
            exact++;
        } else {
            if (heard == null) {
                missed++;
            } else {
                wrong++;
            }
            mistakes.add(label + " -> " + (heard == null ? "rejected" : heard.intent()) + " (heard '" + text + "')");
        }
    }

    void addAll(EvalSet other) {
        commands += other.commands;
        exact += other.exact;
        missed += other.missed;
        wrong += other.wrong;
        nonCommands += other.nonCommands;
        rejected += other.rejected;
        millis.addAll(other.millis);
    }

    static String percent(int part, int whole) {
        return whole == 0 ? "-" : String.format(java.util.Locale.ROOT, "%.1f %%", 100.0 * part / whole);
    }

    /** The q-th quantile (0..1) of the latencies, nearest rank. */
    double quantile(double q) {
        if (millis.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = millis.stream().sorted().toList();
        int rank = Math.max(1, (int) Math.ceil(q * sorted.size()));
        return sorted.get(rank - 1);
    }
}
