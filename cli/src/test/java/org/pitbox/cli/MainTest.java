package org.pitbox.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pitbox.core.laps.Lap;
import org.pitbox.iracing.IbtSummary;

/** The command-line contract, run in-process without OSGi. */
class MainTest extends CommandTest {
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
        assertEquals("pitbox: no such file: /no/such.ibt", failure(Main.FAILED, "ibt", "info", "/no/such.ibt"));
        assertTrue(failure(Main.FAILED, "ibt", "info", real("invalid/teamjorge_invalid_test_file.ibt").toString())
                .contains("is not a readable .ibt file (not an iRacing telemetry file: header version"), err());
        assertTrue(failure(Main.FAILED, "ibt", "export", real("ibt/florendg_test.ibt").toString(), "--channels", "Nope",
                "--format", "csv").contains("unknown channel: Nope"), err());
        assertEquals(Main.USAGE, run("ibt", "export", real("ibt/florendg_test.ibt").toString(), "--format", "xml"));
    }

    @Test
    void aFileThatIsNoIbtIsNamedWithoutAClassNameOrAHeader(@TempDir Path dir) throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.ibt"));
        String expected = "pitbox: " + empty + " is not a readable .ibt file (file is truncated: 0 bytes, the header"
                + " alone needs 144); give a complete .ibt file recorded by iRacing";
        assertEquals(expected, failure(Main.FAILED, "ibt", "info", empty.toString()));
        assertEquals(expected, failure(Main.FAILED, "ibt", "laps", empty.toString()));
        assertEquals(expected, failure(Main.FAILED, "ibt", "export", empty.toString(), "--format", "csv"));
        assertEquals("pitbox: " + dir + " is a directory; give an .ibt file",
                failure(Main.FAILED, "ibt", "info", dir.toString()));
    }

    @Test
    void aWrongCommandLineSaysWhatIsWrongAndTheRightUsage() {
        assertEquals("pitbox: --channels needs a value (usage: pitbox ibt export FILE [--channels A,B,...] --format csv)",
                failure(Main.USAGE, "ibt", "export", "F", "--channels", "--format", "csv"));
        assertEquals("pitbox: missing FILE (usage: pitbox ibt info FILE)", failure(Main.USAGE, "ibt", "info"));
        assertEquals("pitbox: ibt laps takes one FILE, got 2: a b (usage: pitbox ibt laps FILE)",
                failure(Main.USAGE, "ibt", "laps", "a", "b"));
        assertEquals("pitbox: unknown option --bogus (usage: pitbox ibt info FILE)",
                failure(Main.USAGE, "ibt", "info", "--bogus", "x.ibt"));
        assertEquals("pitbox: unknown ibt command 'bogus': give info, laps or export (pitbox ibt --help tells more)",
                failure(Main.USAGE, "ibt", "bogus", "x.ibt"));
        assertEquals("pitbox: missing ibt command: give info, laps or export (pitbox ibt --help tells more)",
                failure(Main.USAGE, "ibt"));
        assertEquals("pitbox: unknown command 'frobnicate' (known: ibt, simulate, coach, ai-eval, voice-eval; pitbox help tells more)",
                failure(Main.USAGE, "frobnicate"));
        assertEquals("pitbox: missing --laps (usage: " + SimulateCommand.SYNTAX.usage() + ")",
                failure(Main.USAGE, "simulate", "--out", "x.ibt"));
        assertEquals("pitbox: unknown option --help-me (usage: " + SimulateCommand.SYNTAX.usage() + ")",
                failure(Main.USAGE, "simulate", "--help-me"));
        assertEquals("pitbox: unknown option '--bogus' (voice-eval --help)", failure(Main.FAILED, "voice-eval", "--bogus"));
    }

    @Test
    void voiceEvalAnswersHelp() {
        assertEquals(Main.OK, run("voice-eval", "--help"));
        assertTrue(out().startsWith("usage: pitbox voice-eval"), out());
    }

    @Test
    void everyCommandAnswersHelp() {
        for (List<String> command : List.of(List.of("ibt"), List.of("ibt", "info"), List.of("ibt", "laps"),
                List.of("ibt", "export"), List.of("simulate"), List.of("help"))) {
            for (String help : List.of("--help", "-h")) {
                List<String> args = new ArrayList<>(command);
                args.add(help);
                assertEquals(Main.OK, run(args.toArray(String[]::new)), args + ": " + err());
                assertEquals("", err(), args.toString());
                assertTrue(out().startsWith("usage: pitbox "), args + ": " + out());
                assertTrue(out().contains("pitbox " + String.join(" ", command).replace("help", "simulate")), out());
            }
        }
        run("simulate", "--help");
        assertTrue(out().contains("[--seed S]") && out().contains("Martinsville"), out());
        run("ibt", "export", "--help");
        assertEquals("""
                usage: pitbox ibt export FILE [--channels A,B,...] --format csv
                         every record as CSV on standard output, all channels unless --channels names some""",
                out().strip());
    }

    @Test
    void simulateNamesAMissingDirectoryAndCountsOneLap(@TempDir Path dir) throws Exception {
        assertEquals("pitbox: cannot write /nonexistent/dir/x.ibt: there is no directory /nonexistent/dir; create it"
                + " or give another --out",
                failure(Main.FAILED, "simulate", "--laps", "1", "--out", "/nonexistent/dir/x.ibt"));
        assertEquals("pitbox: cannot write " + dir + ": it is a directory; give a file name such as "
                + dir.resolve("session.ibt"), failure(Main.FAILED, "simulate", "--laps", "1", "--out", dir.toString()));
        Path target = dir.resolve("one.ibt");
        assertEquals(0, run("simulate", "--track", "martinsville", "--laps", "1", "--out", target.toString()), err());
        assertTrue(out().startsWith("wrote " + target + ": Martinsville Speedway, 1 lap, "), out());
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
