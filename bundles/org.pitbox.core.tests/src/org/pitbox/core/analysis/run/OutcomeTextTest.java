package org.pitbox.core.analysis.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.pitbox.core.analysis.AnalysisInfo;
import org.pitbox.core.analysis.AnalysisResult;
import org.pitbox.core.analysis.Table;

class OutcomeTextTest {
    private static final AnalysisInfo INFO = new AnalysisInfo("x.laps", "Laps", "", "1.2.0", "Example", List.of(), Set.of());

    @Test
    void figuresAndTablesArePrintedAligned() {
        AnalysisResult r = AnalysisResult.builder().summary("2 laps").figure("Best lap", 83.25, "s")
                .table(Table.builder("Laps").column("lap", "").column("time", "s").row(1, 83.25).row(12, Double.NaN)
                        .build()).build();
        String text = print(new Outcome(INFO, Outcome.Status.OK, r, null, null, Duration.ofMillis(7)));
        assertEquals("""
                == Laps (x.laps, Example): done in 7 ms
                2 laps
                Best lap: 83.250 s

                Laps
                lap  time (s)
                1    83.250
                12   --
                """, text);
    }

    @Test
    void aFailureIsOneLineAndTheListLineHasTheVersion() {
        String text = print(new Outcome(INFO, Outcome.Status.FAILED, null, "boom", "java.lang.RuntimeException",
                Duration.ZERO));
        assertEquals("== Laps (x.laps, Example) failed: java.lang.RuntimeException: boom\n", text);
        assertEquals("x.laps\tLaps\t1.2.0\tExample", OutcomeText.line(INFO));
    }

    private static String print(Outcome o) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        OutcomeText.print(o, out);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
