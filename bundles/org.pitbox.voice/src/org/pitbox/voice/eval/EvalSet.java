package org.pitbox.voice.eval;

import java.util.ArrayList;
import java.util.List;

import org.pitbox.voice.command.Command;

/**
 * The scores of one set of utterances: commands heard exactly, commands rejected or taken for another, non-commands
 * rejected or forced onto a command (those the rejection was tuned on apart from the held-out ones), and for the
 * utterances fed in real time, how long each took from the end of speech (the last chunk) to the matched command.
 */
final class EvalSet {
    final String name;
    int commands;
    int exact;
    int missed;
    int wrong;
    int tuning;
    int tuningRejected;
    int heldOut;
    int heldOutRejected;
    final List<Double> millis = new ArrayList<>();
    final List<String> mistakes = new ArrayList<>();

    EvalSet(String name) {
        this.name = name;
    }

    /** What an utterance should be: a command, or a non-command the rejection was tuned on or held out from. */
    record Expected(Command command, boolean heldOut) {
    }

    /** One utterance: what it should be and what was heard. */
    void add(String label, Expected expected, Command heard, String text) {
        if (expected.command() == null) {
            if (expected.heldOut()) {
                heldOut++;
                heldOutRejected += heard == null ? 1 : 0;
            } else {
                tuning++;
                tuningRejected += heard == null ? 1 : 0;
            }
            if (heard != null) {
                mistakes.add(label + " -> " + heard.intent() + " (heard '" + text + "')");
            }
            return;
        }
        commands++;
        if (heard != null && heard.sameAs(expected.command())) {
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
        tuning += other.tuning;
        tuningRejected += other.tuningRejected;
        heldOut += other.heldOut;
        heldOutRejected += other.heldOutRejected;
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
