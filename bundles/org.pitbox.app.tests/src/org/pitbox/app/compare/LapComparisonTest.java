package org.pitbox.app.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pitbox.app.compare.LapComparison.Pick;
import org.pitbox.core.compare.ComparedChannel;
import org.pitbox.core.compare.Comparison;
import org.pitbox.core.laps.Lap;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.iracing.IbtSummary;
import org.pitbox.iracing.ibt.IbtFile;
import org.pitbox.iracing.ibt.SimulatedIbt;

/** Lap Compare's work without its charts: reading sessions, comparing ticked laps and naming them. */
class LapComparisonTest {
    @TempDir
    Path dir;

    @Test
    void readsASessionInThreeSteps() throws Exception {
        Path file = simulated("ann.ibt", 1);
        List<String> steps = new ArrayList<>();
        CompareSession s = CompareSession.read(file, null, (done, total) -> steps.add(done + "/" + total));
        assertEquals(List.of("0/3", "1/3", "2/3", "3/3"), steps);
        assertEquals(file, s.file());
        assertTrue(s.channels().containsAll(List.of("Speed", "Throttle", "Brake")), "single-valued channels");
        assertTrue(s.summary().laps().size() >= 2, "laps: " + s.summary().laps().size());
        try (IbtFile ibt = IbtFile.open(file)) {
            assertEquals(IbtSummary.trackLengthMeters(ibt, s.summary().info()), s.trackLength(), 1e-9,
                    "the comparison measures the lap as the analyses do (not the session info's rounded length)");
        }
    }

    @Test
    void comparesTwoLapsOfASessionAgainstTheFasterOne() throws Exception {
        CompareSession s = CompareSession.read(simulated("ann.ibt", 2), null, (d, t) -> { });
        List<Lap> whole = s.summary().laps().stream().filter(l -> l.startPct() == 0 && l.endPct() == 1).toList();
        List<Pick> picks = List.of(new Pick(s, whole.get(0)), new Pick(s, whole.get(1)));
        List<String> progress = new ArrayList<>();
        Comparison c = LapComparison.compare((d, t) -> progress.add(d + "/" + t), picks, Comparison.DEFAULT_CHANNELS,
                List.of(), s.trackLength());
        assertEquals(List.of("0/3", "1/3", "2/3"), progress);
        assertEquals(Comparison.DEFAULT_CHANNELS, c.channels().stream().map(ComparedChannel::name).toList());
        int faster = whole.get(0).lapTime() <= whole.get(1).lapTime() ? 0 : 1;
        assertEquals(faster, c.reference());

        LapComparison.Labels labels = LapComparison.labels(c, picks, List.of(s));
        assertEquals(List.of(Integer.toString(whole.get(0).number()), Integer.toString(whole.get(1).number())),
                labels.labels(), "one session: lap numbers alone");
        assertTrue(labels.legend().get(faster).endsWith("reference"), labels.legend().toString());
        assertTrue(labels.legend().get(1 - faster).matches("Lap \\d+  .*  \\+\\d+\\.\\d{3} s"),
                labels.legend().toString());
        assertTrue(LapComparison.summary(c, 2).startsWith("2 laps, 6 channels."), LapComparison.summary(c, 2));
    }

    @Test
    void lapsOfSeveralSessionsAreLettered() throws Exception {
        CompareSession a = CompareSession.read(simulated("a.ibt", 3), null, (d, t) -> { });
        CompareSession b = CompareSession.read(simulated("b.ibt", 4), null, (d, t) -> { });
        List<Pick> picks = List.of(new Pick(a, a.summary().bestLap()), new Pick(b, b.summary().bestLap()));
        Comparison c = LapComparison.compare((d, t) -> { }, picks, List.of("Speed"), List.of(), a.trackLength());
        List<String> labels = LapComparison.labels(c, picks, List.of(a, b)).labels();
        assertEquals("A" + a.summary().bestLap().number(), labels.get(0));
        assertEquals("B" + b.summary().bestLap().number(), labels.get(1));
        assertEquals("A", LapComparison.letter(26), "the letters go round");
        assertEquals(new Pick(a, a.summary().bestLap()).key(), picks.get(0).key());
    }

    @Test
    void aCancelledComparisonStops() throws Exception {
        CompareSession s = CompareSession.read(simulated("ann.ibt", 5), null, (d, t) -> { });
        List<Pick> picks = List.of(new Pick(s, s.summary().laps().get(0)));
        assertThrows(CancellationException.class, () -> LapComparison.compare((d, t) -> {
            throw new CancellationException();
        }, picks, Comparison.DEFAULT_CHANNELS, List.of(), s.trackLength()));
    }

    private Path simulated(String name, long seed) throws Exception {
        Path file = dir.resolve(name);
        SimulatedIbt.write(SimOptions.defaults().withLaps(3).withSeed(seed), file, 1_700_000_000L);
        return file;
    }
}
