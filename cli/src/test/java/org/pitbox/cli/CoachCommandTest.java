package org.pitbox.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pitbox simulate --scenario}, {@code pitbox coach} and {@code pitbox ai-eval}, run in-process. */
class CoachCommandTest extends CommandTest {
    @Test
    void scenariosAreListedWithTheirTruths() {
        assertEquals(Main.OK, run("simulate", "--scenario", "list"), err());
        List<String> lines = out().lines().toList();
        assertEquals(8, lines.size(), out());
        assertEquals("late-braking\tMonza: brakes 35 m late into T1 on laps 4 and 6 and runs wide\tbraking T1 lap 4;"
                + " braking T1 lap 6", lines.get(1));
        lines.forEach(l -> assertEquals(3, l.split("\t", -1).length, l));
    }

    @Test
    void theCoachFindsTheLateBrakingOfAWrittenScenario(@TempDir Path dir) {
        Path file = dir.resolve("late.ibt");
        assertEquals(Main.OK, run("simulate", "--scenario", "late-braking", "--out", file.toString()), err());
        assertTrue(out().startsWith("wrote " + file + ": scenario late-braking"), out());
        assertEquals(Main.OK, run("coach", file.toString()), err());
        List<String> braking = out().lines().filter(l -> l.contains("braked")).toList();
        assertEquals(2, braking.size(), out());
        assertTrue(braking.get(0).startsWith("4\tT1\tTurn 1: braked 3"), out());
        assertTrue(braking.get(1).startsWith("6\tT1\tTurn 1: braked 3"), out());
    }

    @Test
    void raceLapsGiveFuelToTheFlag(@TempDir Path dir) {
        Path file = dir.resolve("clean.ibt");
        assertEquals(Main.OK, run("simulate", "--scenario", "clean", "--out", file.toString()), err());
        assertEquals(Main.OK, run("coach", file.toString()), err());
        assertFalse(out().contains("Fuel short"), out());
        assertEquals(Main.OK, run("coach", file.toString(), "--race-laps", "40"), err());
        assertTrue(out().lines().anyMatch(l -> l.matches("2\tfuel\tFuel short by [0-9.]+ laps: .*")), out());
    }

    @Test
    void aiEvalScoresEveryScenario() {
        assertEquals(Main.OK, run("ai-eval"), err());
        List<String> lines = out().lines().toList();
        assertEquals(10, lines.size(), out());
        assertTrue(lines.get(0).startsWith("scenario"), out());
        String overall = lines.get(9);
        assertTrue(overall.matches("overall +\\d+ +\\d+ +100 % +100 % +100 % +[0-9.]+ +[0-9.]+"), overall);
    }

    @Test
    void badInputGivesOneLine(@TempDir Path dir) throws Exception {
        assertEquals("pitbox: no such file: /no/such.ibt", failure(Main.FAILED, "coach", "/no/such.ibt"));
        assertEquals("pitbox: missing FILE.ibt (usage: " + CoachCommand.SYNTAX.usage() + ")",
                failure(Main.USAGE, "coach"));
        assertEquals("pitbox: --race-laps must be a positive whole number, got '0'",
                failure(Main.USAGE, "coach", "x.ibt", "--race-laps", "0"));
        assertTrue(failure(Main.USAGE, "simulate", "--scenario", "nope").startsWith(
                "pitbox: unknown scenario 'nope'; choose one of: clean, late-braking"), err());
        assertEquals("pitbox: missing --out (usage: " + SimulateCommand.SCENARIO.usage() + ")",
                failure(Main.USAGE, "simulate", "--scenario", "spin"));
        assertEquals("pitbox: --scenario takes no --laps: the scenario sets it (usage: "
                + SimulateCommand.SCENARIO.usage() + ")",
                failure(Main.USAGE, "simulate", "--scenario", "spin", "--laps", "3", "--out", "x.ibt"));
        assertEquals("pitbox: unexpected argument x (usage: " + AiEvalCommand.SYNTAX.usage() + ")",
                failure(Main.USAGE, "ai-eval", "x"));
        Path empty = Files.createFile(dir.resolve("empty.ibt"));
        assertTrue(failure(Main.FAILED, "coach", empty.toString()).contains("is not a readable .ibt file"), err());
    }

    @Test
    void theNewCommandsAnswerHelp() {
        for (String command : List.of("coach", "ai-eval", "simulate")) {
            assertEquals(Main.OK, run(command, "--help"), err());
            assertTrue(out().startsWith("usage: pitbox " + command), out());
        }
        assertTrue(out().contains("--scenario list|NAME"), out());
        run("help");
        assertTrue(out().contains("pitbox coach FILE.ibt [--race-laps N]") && out().contains("pitbox ai-eval"), out());
    }

    /** The coach over the real recordings: it runs, and what it says is short, placed and about a lap of the file. */
    @Test
    void theCoachOnRealRecordingsSaysNothingAbsurd() throws Exception {
        Path folder = Path.of(System.getProperty("pitbox.shared", "../../shared"), "data", "iracing", "ibt");
        assumeTrue(Files.isDirectory(folder), "real recordings not found at " + folder + "; skipping");
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.toString().endsWith(".ibt")).sorted().toList();
        }
        int hints = 0;
        for (Path file : files) {
            int status = run("coach", file.toString());
            assertTrue(status == Main.OK || status == Main.FAILED && err().lines().count() == 1, file + ": " + err());
            if (status != Main.OK) {
                System.out.println("coach " + file.getFileName() + ": " + err().strip());
                continue;
            }
            String hintsOut = out();
            assertEquals(Main.OK, run("ibt", "laps", file.toString()), err());
            List<String> lapNumbers = out().lines().skip(1).map(l -> l.split("\t")[0]).toList();
            for (String line : hintsOut.lines().toList()) {
                System.out.println("coach " + file.getFileName() + ": " + line);
                String[] parts = line.split("\t");
                assertEquals(3, parts.length, line);
                assertTrue(lapNumbers.contains(parts[0]), line + " not a lap of " + lapNumbers);
                assertTrue(parts[1].matches("T\\d+|S\\d+|fuel|tyres|lap"), line);
                assertTrue(parts[2].split("\\s+").length <= 15, line);
                assertFalse(parts[2].contains("NaN") || parts[2].contains("Infinity"), line);
                assertFalse(parts[1].equals("fuel"), "the recordings are practice and test sessions: " + line);
                hints++;
            }
        }
        System.out.println("coach: " + hints + " hints over " + files.size() + " real recordings");
    }
}
