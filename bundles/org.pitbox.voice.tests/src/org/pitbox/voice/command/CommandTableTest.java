package org.pitbox.voice.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import edu.cmu.sphinx.api.Context;

class CommandTableTest {
    private final CommandTable table = CommandTable.standard();

    @Test
    void everyWordOfTheGrammarIsInSphinxDictionary() throws IOException {
        Set<String> dictionary = new HashSet<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Context.class.getResourceAsStream("/edu/cmu/sphinx/models/en-us/cmudict-en-us.dict"),
                StandardCharsets.UTF_8))) {
            in.lines().forEach(l -> dictionary.add(l.substring(0, l.indexOf(' '))));
        }
        Set<String> missing = new TreeSet<>(table.words());
        missing.removeAll(dictionary);
        assertEquals(Set.of(), missing, "words Sphinx4 cannot say");
    }

    @Test
    void jsgfHasOnePublicRuleAndTheSlots() {
        String jsgf = table.jsgf("commands");
        assertTrue(jsgf.startsWith("#JSGF V1.0;\ngrammar commands;\npublic <command> = "), jsgf);
        assertTrue(jsgf.contains("(add <amount> <unit> [of fuel])"), jsgf);
        assertTrue(jsgf.contains("<amount> = (<whole> | <small> point <digit>);"), jsgf);
        assertTrue(jsgf.contains("<unit> = (liters | liter | gallons | gallon);"), jsgf);
    }

    @Test
    void voskPhraseListSpellsOutNumbersAndEndsWithUnk() {
        List<String> phrases = table.phrases();
        assertTrue(phrases.contains("add twenty liters"));
        assertTrue(phrases.contains("add two point five gallons of fuel"));
        assertTrue(phrases.contains("add ninety nine liters"));
        assertTrue(phrases.contains("change left front tires"));
        assertEquals(phrases.size(), new HashSet<>(phrases).size(), "no phrase twice");
        String json = table.voskGrammar();
        assertTrue(json.startsWith("[\"fuel level\","), json.substring(0, 40));
        assertTrue(json.endsWith(",\"[unk]\"]"));
    }

    @Test
    void everyExampleMeansItsOwnIntent() {
        CommandMatcher matcher = new CommandMatcher(table);
        table.examples().forEach((intent, phrases) -> phrases.forEach(p -> assertEquals(intent,
                matcher.match(p).command().intent(), p)));
        assertEquals(Set.of(Intent.values()), table.examples().keySet(), "every intent can be said");
    }

    @Test
    void helpNamesEveryGroupWithExamples() {
        String help = table.help();
        for (Intent.Group g : Intent.Group.values()) {
            assertTrue(help.contains(g.title() + ": "), help);
        }
        assertTrue(help.contains("\"Fuel level\", \"Fuel per lap\""), help);
        assertTrue(help.contains("\"Add twenty liters\""), help);
        assertTrue(help.contains("\"What can I say?\""), help);
        assertFalse(help.contains(" i "), help);
        assertEquals(Intent.Group.values().length, table.helpLines().size(), "a line per group");
        assertTrue(table.helpLines().get(0).startsWith("Ask: \"Fuel level\""), table.helpLines().get(0));
    }

    @Test
    void phrasesAreWrittenAsAPersonWritesThem() {
        assertEquals("\"What can I say?\"", CommandTable.written("what can i say"));
        assertEquals("\"How many laps of fuel do I have?\"", CommandTable.written("how many laps of fuel do i have"));
        assertEquals("\"Box this lap\"", CommandTable.written("box this lap"));
    }
}
