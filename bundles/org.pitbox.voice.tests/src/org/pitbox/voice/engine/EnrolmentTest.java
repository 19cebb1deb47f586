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
