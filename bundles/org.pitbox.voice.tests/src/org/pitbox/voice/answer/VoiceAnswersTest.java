package org.pitbox.voice.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pitbox.core.fuel.FuelText;
import org.pitbox.core.live.OverlayModel;
import org.pitbox.iracing.windows.PitCommand;
import org.pitbox.voice.command.Command;
import org.pitbox.voice.command.Command.FuelUnit;
import org.pitbox.voice.command.CommandMatcher;
import org.pitbox.voice.command.CommandTable;
import org.pitbox.voice.command.Intent;

class VoiceAnswersTest {
    private final VoiceAnswers answers = new VoiceAnswers();
    private final CommandMatcher matcher = new CommandMatcher(CommandTable.standard());

    private Reply ask(VoiceFacts facts, String text) {
        return answers.answer(facts, matcher.match(text).command());
    }

    @Test
    void fuelAnswersAreTheOverlaysFigures() {
        LiveFacts live = new LiveFacts();
        OverlayModel overlay = new OverlayModel();
        Session.simulated(6, frame -> {
            live.update(frame);
            overlay.update(frame);
        });
        VoiceFacts facts = live.facts();
        assertEquals(overlay.fuelToAdd(), facts.fuel().fuelToAdd(), 1e-9);
        assertEquals(overlay.lapsOfFuel(), facts.fuel().lapsOfFuel(), 1e-9);
        String litres = FuelText.litres(overlay.fuel()).replace(" L", "");
        assertEquals("Fuel " + litres + " liters, " + FuelText.laps(overlay.lapsOfFuel()) + ".",
                ask(facts, "fuel level").text());
        assertTrue(ask(facts, "fuel per lap").text().startsWith("Using "
                + FuelText.perLap(overlay.averageLapFuel()).replace(" L", " liters") + " a lap, average of "),
                ask(facts, "fuel per lap").text());
        assertTrue(ask(facts, "fuel to the end").text().contains(" to the end"), ask(facts, "fuel to the end").text());
        assertTrue(ask(facts, "best lap").text().matches("Best lap \\d+ \\d\\d\\.\\d{3}\\."), ask(facts, "best lap").text());
    }

    @Test
    void unknownFiguresSaySoInsteadOfGuessing() {
        VoiceFacts none = new LiveFacts().facts();
        assertEquals("Fuel level not known.", ask(none, "fuel level").text());
        assertEquals("No clean lap yet to measure fuel use.", ask(none, "fuel per lap").text());
        assertEquals("Last lap: no time yet.", ask(none, "last lap").text());
        assertEquals("Gap ahead not known.", ask(none, "gap ahead").text());
        assertEquals("Position not known.", ask(none, "position").text());
        assertEquals("The session has no time limit.", ask(none, "time remaining").text());
    }

    @Test
    void runningOrderGivesPositionGapsAndSessionBest() {
        LiveFacts live = new LiveFacts();
        // the player (car 0) is P2, half a lap behind P1 and a quarter lap ahead of P3; no lap time yet
        live.update(Session.order(new int[] {2, 1, 3}, new int[] {5, 5, 5}, new float[] {0.5f, 0.75f, 0.25f},
                new float[] {91.2f, 90.5f, -1}));
        VoiceFacts f = live.facts();
        assertEquals("P2 of 3.", ask(f, "position").text());
        assertEquals("Session best 1 30.500.", ask(f, "session best").text());
        assertEquals("Gap ahead not known.", ask(f, "gap ahead").text(), "no pace to turn distance into time");
    }

    @Test
    void pitRequestsAreConfirmedAndBecomePitCommands() {
        VoiceFacts none = new LiveFacts().facts();
        Reply fuel = answers.answer(none, Command.fuel(2.5, FuelUnit.GALLONS));
        assertEquals("Pit: add 2.5 gallons, 9 liters.", fuel.text());
        assertEquals(List.of(new PitRequest(PitCommand.FUEL, 9)), fuel.pit());
        assertEquals("Pit: add 20 liters.", ask(none, "add twenty liters").text());
        Reply tyres = ask(none, "change left front tires");
        assertEquals("Pit: change left front.", tyres.text());
        assertEquals(List.of(new PitRequest(PitCommand.LF, 0)), tyres.pit());
        assertEquals(4, ask(none, "change all four tires").pit().size());
        assertEquals("Pit: change front tires.", ask(none, "change front tires").text());
        assertEquals(List.of(new PitRequest(PitCommand.FAST_REPAIR, 0)), ask(none, "fast repair").pit());
        assertEquals(List.of(new PitRequest(PitCommand.TEAR_OFF, 0)), ask(none, "tear off").pit());
        assertEquals(List.of(new PitRequest(PitCommand.CLEAR_ALL, 0)), ask(none, "clear pit requests").pit());
    }

    @Test
    void radioAndBoxGoToTheTeam() {
        VoiceFacts none = new LiveFacts().facts();
        Reply radio = ask(none, "tell the engineer the rear is loose");
        assertEquals("the rear is loose", radio.radio());
        assertTrue(radio.clip(), "the driver's audio goes with it");
        Reply box = ask(none, "box this lap");
        assertEquals("Boxing this lap", box.radio());
        assertEquals(Intent.BOX_THIS_LAP, matcher.match("box box").command().intent());
    }
}
