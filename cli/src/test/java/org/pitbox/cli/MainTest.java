package org.pitbox.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pitbox.core.laps.Lap;
import org.pitbox.iracing.IbtSummary;

/** The command-line contract, run in-process without OSGi. */
class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static Path real(String relative) {
        Path file = Path.of(System.getProperty("pitbox.shared", "../../shared"), "data", "iracing", relative);
        assumeTrue(Files.isRegularFile(file), "real recordings not found at " + file + "; skipping");
        return file;
    }

    @Test
    void infoDescribesARealFile() {
        assertEquals(0, run("ibt", "info", real("ibt/teamjorge_valid_test_file.ibt").toString()), err());
        assertTrue(out().contains("records: 390"), out());
        assertTrue(out().contains("format: ibt version 2, 276 channels, 1072 bytes per record, 60 Hz"), out());
        assertTrue(out().contains("track: "), out());
    }

    @Test
    void lapsPrintsOneLinePerLap() {
        Path file = real("ibt/robroberts_skmodified_langley_2015-05-28_14-50-46.ibt");
        assertEquals(0, run("ibt", "laps", file.toString()), err());
        List<String> lines = out().lines().toList();
        assertEquals("lap\ttime_s\tsectors_s\tfuel_l\tflags", lines.get(0));
        assertTrue(lines.size() > 2, out());
        for (String line : lines.subList(1, lines.size())) {
            assertEquals(5, line.split("\t").length, line);
        }
    }

    @Test
    void exportWritesTheNamedChannelsForEveryRecord() {
        Path file = real("ibt/teamjorge_valid_test_file.ibt");
        assertEquals(0, run("ibt", "export", file.toString(), "--channels", "SessionTime,Speed,Lap", "--format", "csv"), err());
        List<String> lines = out().lines().toList();
        assertEquals("SessionTime,Speed,Lap", lines.get(0));
        assertEquals(391, lines.size());
    }

    @Test
    void badInputGivesOneLineAndAStatus() throws Exception {
        assertEquals(Main.FAILED, run("ibt", "info", "/no/such.ibt"));
        assertEquals("pitbox: no such file: /no/such.ibt", err().strip());
        assertEquals(Main.FAILED, run("ibt", "info", real("invalid/teamjorge_invalid_test_file.ibt").toString()));
        assertEquals(1, err().strip().lines().count(), err());
        assertTrue(err().startsWith("pitbox: "), err());
        assertEquals(Main.FAILED, run("ibt", "export", real("ibt/florendg_test.ibt").toString(), "--channels", "Nope",
                "--format", "csv"));
        assertTrue(err().contains("unknown channel: Nope"), err());
        assertEquals(Main.USAGE, run("ibt", "export", real("ibt/florendg_test.ibt").toString(), "--format", "xml"));
        assertEquals(Main.USAGE, run("frobnicate"));
        assertEquals(Main.USAGE, run("ibt", "info"));
    }

    @Test
    void simulateWritesAReadableSessionAndListsTracks(@TempDir Path dir) throws Exception {
        assertEquals(Main.USAGE, run("simulate", "--track", "nowhere", "--laps", "2", "--out", "x.ibt"));
        assertTrue(err().contains("Monza"), "the error lists the tracks: " + err());
        assertEquals(1, err().strip().lines().count(), "one line: " + err());
        Path target = dir.resolve("sim.ibt");
        assertEquals(0, run("simulate", "--track", "martinsville", "--laps", "3", "--out", target.toString()), err());
        IbtSummary summary = IbtSummary.read(target);
        long timed = summary.laps().stream().filter(Lap::isClean).count();
        assertEquals(3, timed, "laps: " + summary.laps());
        assertTrue(summary.trackName().contains("Martinsville"), summary.trackName());
        assertEquals(Main.USAGE, run("simulate", "--laps", "0", "--out", target.toString()));
    }
}
