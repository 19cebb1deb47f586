package org.pitbox.core.sim;

import java.util.List;

import org.pitbox.core.coach.Coach;
import org.pitbox.core.coach.FactCheck;
import org.pitbox.core.coach.Hint;
import org.pitbox.core.sim.Scenario.Truth;

/**
 * The rule-based coach scored on one scenario. A finding is a hint of any kind but {@link Hint.Kind#NEW_BEST}
 * (a new best lap is no finding to get right or wrong); it is right when a truth has its kind, a lap in the truth's
 * window and its corner, sector or topic. Recall is the truths found over all truths; precision the right findings
 * over all findings (1 when there are none). Every number of every hint is checked against the fact sheet the
 * hint was written from.
 *
 * @param hints       what the coach said
 * @param truths      the scenario's truths
 * @param found       truths matched by at least one finding
 * @param findings    hints that are findings
 * @param right       findings that match a truth
 * @param numbers     numbers in all hints
 * @param verified    numbers that match a fact
 * @param nanosPerLap the coach's time for each lap
 */
public record Evaluation(String scenario, List<Hint> hints, int truths, int found, int findings, int right,
        int numbers, int verified, long[] nanosPerLap) {

    public static Evaluation of(Scenario scenario) {
        SimulatedRecording recording = scenario.record();
        Track track = scenario.options().track();
        Coach.Run run = new Coach(recording.layout(), track.sectorStarts(), track.length(), recording.tickRate(), 0)
                .run(recording);
        List<Truth> truths = scenario.truths();
        int found = (int) truths.stream().filter(t -> run.hints().stream().anyMatch(h -> matches(h, t))).count();
        int findings = 0;
        int right = 0;
        int numbers = 0;
        int verified = 0;
        for (int i = 0; i < run.hints().size(); i++) {
            Hint h = run.hints().get(i);
            if (h.kind() != Hint.Kind.NEW_BEST) {
                findings++;
                right += truths.stream().anyMatch(t -> matches(h, t)) ? 1 : 0;
            }
            FactCheck.Result check = FactCheck.check(h.text(), run.cited().get(i));
            numbers += check.matched().size() + check.unmatched().size();
            verified += check.matched().size();
        }
        return new Evaluation(scenario.name(), run.hints(), truths.size(), found, findings, right, numbers, verified,
                run.nanosPerLap());
    }

    static boolean matches(Hint h, Truth t) {
        return h.kind() == t.kind() && h.lap() >= t.firstLap() && h.lap() <= t.lastLap() && h.where().equals(t.where());
    }

    public double recall() {
        return truths == 0 ? 1 : (double) found / truths;
    }

    public double precision() {
        return findings == 0 ? 1 : (double) right / findings;
    }

    /** Verified numbers over all numbers; 1 without numbers. */
    public double verifiedShare() {
        return numbers == 0 ? 1 : (double) verified / numbers;
    }
}
