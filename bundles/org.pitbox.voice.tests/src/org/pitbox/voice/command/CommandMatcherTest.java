package org.pitbox.voice.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pitbox.voice.command.Command.FuelUnit;
import org.pitbox.voice.command.Command.Tyre;

class CommandMatcherTest {
    private final CommandMatcher matcher = new CommandMatcher(CommandTable.standard());

    private Command command(String text) {
        CommandMatcher.Match m = matcher.match(text);
        assertTrue(m.understood(), text + " was rejected");
        return m.command();
    }

    @Test
    void fuelAmountsInWordsAndDigits() {
        assertTrue(command("add twenty liters").sameAs(Command.fuel(20, FuelUnit.LITERS)));
        assertTrue(command("Add 2.5 gallons").sameAs(Command.fuel(2.5, FuelUnit.GALLONS)));
        assertTrue(command("add two point five gallons of fuel").sameAs(Command.fuel(2.5, FuelUnit.GALLONS)));
        assertTrue(command("add 20 litres, please").sameAs(Command.fuel(20, FuelUnit.LITERS)));
        assertTrue(command("fuel forty five liters").sameAs(Command.fuel(45, FuelUnit.LITERS)));
    }

    @Test
    void tyresByName() {
        assertEquals(Set.of(Tyre.LF), command("change left front tires").tyres());
        assertEquals(Set.of(Tyre.RR), command("change rear right").tyres());
        assertEquals(Set.of(Tyre.LF, Tyre.RF), command("change front tyres").tyres());
        assertEquals(EnumSet.allOf(Tyre.class), command("change all four tires").tyres());
    }

    @Test
    void spellingsAndFillersAreTheGrammarsWords() {
        assertEquals(Intent.FUEL_LEVEL, command("What's my fuel level?").intent());
        assertEquals(Intent.PIT_WINDSHIELD, command("clean the windscreen").intent());
        assertEquals(Intent.GAP_AHEAD, command("<s> gap ahead <sil> </s>").intent());
    }

    @Test
    void radioTakesTheWordsAfterTheKeyPhrase() {
        Command c = command("tell the engineer the rear is loose");
        assertEquals(Intent.RADIO, c.intent());
        assertEquals("the rear is loose", c.message());
        assertEquals("", command("tell the team").message());
        assertEquals("rain soon", command("tell the engineer [unk] rain soon").message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"the car is loose on entry", "fuel", "add liters", "add a hundred liters",
        "add twenty", "gap", "fuel level fuel level", "<unk>", "fuel level <unk>", "[unk] box this lap", "",
        "   ", "change tires", "tell engineer"})
    void nonCommandsAreRejected(String text) {
        CommandMatcher.Match m = matcher.match(text);
        assertFalse(m.understood(), text + " became " + m.command());
    }

    @Test
    void aRejectionSuggestsTheClosestPhrase() {
        assertEquals("gap ahead", matcher.match("what gap ahead now").suggestion());
        assertEquals("box this lap", matcher.match("box this lap now").suggestion());
        assertNull(matcher.match("<unk>").suggestion(), "nothing heard, nothing to suggest");
    }

    @Test
    void numbersBothWays() {
        assertEquals("forty five", Numbers.words(45));
        assertEquals("twenty", Numbers.words(20));
        assertEquals("two point five", Numbers.words(new BigDecimal("2.5")));
        assertEquals("twenty", Numbers.words(new BigDecimal("20.0")));
        assertNull(Numbers.words(new BigDecimal("150")), "more than the grammar says");
        assertNull(Numbers.words(new BigDecimal("2.25")), "two decimals");
        assertEquals(2.5, Numbers.parse("two point five"));
        assertEquals(99, Numbers.parse("ninety nine"));
        assertTrue(Double.isNaN(Numbers.parse("twenty ten")));
        assertTrue(Double.isNaN(Numbers.parse("point five")));
    }
}
