package org.pitbox.voice.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pitbox.voice.command.CommandMatcher;
import org.pitbox.voice.command.CommandTable;
import org.pitbox.voice.command.Intent;

/** The phrases the driver reads to teach PitBox the voice (learning from them: {@code SphinxEngineTest}). */
class EnrolmentTest {
    private final CommandTable table = CommandTable.standard();
    private final CommandMatcher matcher = new CommandMatcher(table);

    @Test
    void theDriverReadsADozenCommandsFromTheTable() {
        List<String> read = Enrolment.phrases(table);
        assertTrue(read.size() >= 10 && read.size() <= 20, read.toString());
        List<String> examples = new ArrayList<>();
        table.examples().values().forEach(examples::addAll);
        for (String p : read) {
            assertTrue(examples.contains(p), p);
            assertTrue(matcher.match(p).understood(), p);
            assertTrue(Enrolment.onlyAsks(matcher.match(p).command().intent()), p + " acts or silences");
        }
        assertEquals(read.size(), read.stream().distinct().count());
    }

    @Test
    void readingThePhrasesSendsNoPitRequestAndSilencesNothing() {
        assertTrue(Enrolment.onlyAsks(Intent.FUEL_LEVEL));
        assertTrue(Enrolment.onlyAsks(Intent.AND_BEHIND));
        assertTrue(Enrolment.onlyAsks(Intent.HELP));
        for (Intent acts : List.of(Intent.PIT_FUEL, Intent.PIT_FAST_REPAIR, Intent.PIT_CLEAR, Intent.BOX_THIS_LAP,
                Intent.RADIO, Intent.QUIET, Intent.TALK_TO_ME)) {
            assertFalse(Enrolment.onlyAsks(acts), acts.toString());
        }
    }

    @Test
    void theRemarksAreAFewThatAreNoCommand() {
        assertTrue(Enrolment.REMARKS.size() >= 4 && Enrolment.REMARKS.size() <= 6, Enrolment.REMARKS.toString());
        assertEquals(Enrolment.REMARKS.size(), Enrolment.REMARKS.stream().distinct().count());
        for (String remark : Enrolment.REMARKS) {
            assertFalse(matcher.match(remark).understood(), remark + " is taken for a command");
            assertFalse(Enrolment.phrases(table).contains(remark), remark);
        }
    }

    private static VoiceProfile.Leads leads(double[] commands, double... remarks) {
        return new VoiceProfile.Leads(commands, remarks);
    }

    private static final VoiceProfile.Leads QUIET = leads(new double[] {9000, 12000}, -15000, -8000);

    @Test
    void theMarginMovesMidwayBetweenTheCommandsLowLeadAndTheRemarksHighestInNoise() {
        // nine commands: the low lead is the third from below (a quarter of the way); the remarks' highest -3000
        double[] commands = {4000, -500, 2500, 6000, 1000, 8000, 3000, 7000, 5000};
        assertEquals((2500 - 3000) / 2.0,
                Enrolment.marginShift(QUIET, leads(commands, -9000, Double.NEGATIVE_INFINITY, -3000)), 1e-9);
        // the leads as read do not count
        assertEquals(Enrolment.marginShift(QUIET, leads(commands, -3000)),
                Enrolment.marginShift(leads(new double[] {-9999}, 9999), leads(commands, -3000)), 1e-9);
    }

    @Test
    void remarksThatPassInNoiseRaiseTheMarginAndCommandsThatBarelyPassLowerIt() {
        double[] strong = {5000, 6000, 7000, 8000};
        double[] weak = {-2500, -1500, 0, 1500};
        double raised = Enrolment.marginShift(QUIET, leads(strong, -6000, 3000));
        double lowered = Enrolment.marginShift(QUIET, leads(weak, -9000, -7000));
        assertTrue(raised > 0, "remarks passing in noise raise it: " + raised);
        assertTrue(lowered < 0, "commands near the margin, remarks far under it lower it: " + lowered);
        assertTrue(Enrolment.marginShift(QUIET, leads(strong, -6000, 4000)) >= raised, "monotonic in the remarks");
    }

    @Test
    void theShiftStaysWithinItsBoundsAndNeedsACommand() {
        assertEquals(Enrolment.MOST_SHIFT, Enrolment.marginShift(QUIET, leads(new double[] {30000}, 30000)));
        assertEquals(-Enrolment.MOST_SHIFT, Enrolment.marginShift(QUIET, leads(new double[] {-30000}, -30000)));
        // remarks all rejected whatever the margin count as far below: the margin goes down as far as it may
        assertEquals(-Enrolment.MOST_SHIFT, Enrolment.marginShift(QUIET,
                leads(new double[] {1000, 2000}, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY)));
        assertEquals(0, Enrolment.marginShift(QUIET, leads(new double[] {1000, 2000})), "no remark read");
        assertEquals(0, Enrolment.marginShift(QUIET, leads(new double[0], 5000)), "no command heard as read");
        assertEquals(0, Enrolment.marginShift(VoiceProfile.Leads.NONE, VoiceProfile.Leads.NONE));
    }

    @Test
    void forgettingDeletesTheProfileAndItsFolderWhenEmpty(@TempDir Path home) throws Exception {
        Path file = home.resolve("voice").resolve("sphinx4-profile.txt");
        VoiceProfileTest.profile(0).save(file);
        Enrolment.forget(file);
        assertFalse(Files.exists(file.getParent()), "an empty voice folder is not left behind");
        Files.createDirectories(file.getParent().resolve("models"));
        VoiceProfileTest.profile(0).save(file);
        Enrolment.forget(file);
        assertFalse(Files.exists(file));
        assertTrue(Files.isDirectory(file.getParent().resolve("models")), "the rest of the folder stays");
        Enrolment.forget(home.resolve("none").resolve("p.txt"));
        assertFalse(Files.exists(home.resolve("none")), "forgetting nothing creates nothing");
    }

    @Test
    void whatIsScoredAfterTeachingIsEveryOtherPhraseInItsOrder() {
        List<String> read = Enrolment.phrases(table);
        List<String> phrases = new ArrayList<>(List.of("add forty five liters", read.get(1), "change rear tires"));
        phrases.addAll(read);
        phrases.add("what is the gap behind");
        List<String> scored = Enrolment.notRead(phrases, table);
        assertEquals(List.of("add forty five liters", "change rear tires", "what is the gap behind"), scored);
    }
}
