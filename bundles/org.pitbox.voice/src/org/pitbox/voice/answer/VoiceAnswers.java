package org.pitbox.voice.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.pitbox.core.fuel.FuelFigures;
import org.pitbox.core.fuel.FuelText;
import org.pitbox.core.laps.LapTimes;
import org.pitbox.iracing.windows.PitCommand;
import org.pitbox.voice.command.Command;
import org.pitbox.voice.command.Command.Tyre;
import org.pitbox.voice.command.Intent;

/**
 * The answer to one command from the live figures: the text to speak and, for pit requests, the pit commands
 * (confirmed back in the text). Questions about figures that are not known yet say so; nothing is guessed.
 * Conversation commands (repeat, quiet, follow-ups, help) belong to {@link Conversation}.
 */
public final class VoiceAnswers {
    public Reply answer(VoiceFacts facts, Command command) {
        FuelFigures f = facts.fuel();
        Intent topic = command.intent();
        return switch (topic) {
            case FUEL_LEVEL -> Reply.say(Spoken.known(f.fuel()) ? "Fuel " + Spoken.litres(f.fuel())
                    + (Spoken.known(f.lapsOfFuel()) ? ", " + Spoken.laps(f.lapsOfFuel()) + "." : ".")
                    : "Fuel level not known.", topic);
            case FUEL_PER_LAP -> Reply.say(Spoken.known(f.perLap()) ? "Using " + Spoken.perLap(f.perLap())
                    + " a lap, average of " + LapTimes.count(facts.averageLaps(), "clean lap") + "."
                    : "No clean lap yet to measure fuel use.", topic);
            case LAPS_OF_FUEL -> Reply.say(Spoken.known(f.lapsOfFuel()) ? Spoken.laps(f.lapsOfFuel()) + " of fuel"
                    + (Spoken.known(f.secondsOfFuel()) ? ", " + Spoken.duration(f.secondsOfFuel()) + "." : ".")
                    : "Laps of fuel not known yet: no clean lap.", topic);
            case FUEL_TO_END -> Reply.say(fuelToEnd(f), topic);
            case LAST_LAP -> Reply.say(lap("Last lap", facts.lastLap()), topic);
            case BEST_LAP -> Reply.say(lap("Best lap", facts.bestLap()), topic);
            case SESSION_BEST -> Reply.say(lap("Session best", facts.sessionBest()), topic);
            case GAP_AHEAD -> Reply.say(gap(facts, true), topic);
            case GAP_BEHIND -> Reply.say(gap(facts, false), topic);
            case POSITION -> Reply.say(facts.position() > 0 ? "P" + facts.position()
                    + (facts.cars() > 0 ? " of " + facts.cars() + "." : ".") : "Position not known.", topic);
            case LAPS_REMAINING -> Reply.say(Spoken.known(f.lapsToGo()) ? Spoken.laps(f.lapsToGo()) + " to go."
                    : "Laps to go not known: the session has no end or no lap time yet.", topic);
            case TIME_REMAINING -> Reply.say(Spoken.known(facts.secondsLeft()) ? Spoken.duration(facts.secondsLeft())
                    + " left." : "The session has no time limit.", topic);
            case PIT_FUEL -> pitFuel(command, f);
            case PIT_TYRES -> pit("Pit: change " + tyres(command.tyres()) + ".", tyreRequests(command.tyres()));
            case PIT_FAST_REPAIR -> pit("Pit: fast repair.", List.of(new PitRequest(PitCommand.FAST_REPAIR, 0)));
            case PIT_WINDSHIELD -> pit("Pit: tear off.", List.of(new PitRequest(PitCommand.TEAR_OFF, 0)));
            case PIT_CLEAR -> pit("Pit requests cleared.", List.of(new PitRequest(PitCommand.CLEAR_ALL, 0)));
            case RADIO -> new Reply(command.message().isEmpty() ? "Radio sent to the team."
                    : "Sent: " + command.message() + ".", List.of(), command.message(), true, null);
            case BOX_THIS_LAP -> new Reply("Box this lap, copy. The team knows.", List.of(), "Boxing this lap",
                    false, null);
            default -> throw new IllegalArgumentException(topic + " is answered by the conversation");
        };
    }

    private static String fuelToEnd(FuelFigures f) {
        if (!Spoken.known(f.fuelToFlag())) {
            return "Fuel to the end not known: the session has no end or no clean lap yet.";
        }
        String need = Spoken.litres(f.fuelToFlag()) + " to the end";
        return f.fuelToAdd() > 0 ? need + ". Add " + Spoken.litres(f.fuelToAdd()) + " with "
                + FuelText.margin(f.margin()).replace(" %", " percent") + " margin."
                : need + ". You have enough.";
    }

    private static String lap(String what, double seconds) {
        return Spoken.known(seconds) && seconds > 0 ? what + " " + Spoken.lapTime(seconds) + "."
                : what + ": no time yet.";
    }

    private static String gap(VoiceFacts facts, boolean ahead) {
        double gap = ahead ? facts.gapAhead() : facts.gapBehind();
        if (ahead && facts.position() == 1) {
            return "You lead. Nobody ahead.";
        }
        if (!ahead && facts.position() > 0 && facts.position() == facts.cars()) {
            return "Nobody behind.";
        }
        return Spoken.known(gap) ? "Gap " + (ahead ? "ahead " : "behind ") + Spoken.gap(gap) + "."
                : "Gap " + (ahead ? "ahead" : "behind") + " not known.";
    }

    private static Reply pitFuel(Command c, FuelFigures f) {
        double litres = c.unit().toLitres(c.amount());
        int whole = (int) Math.round(litres);
        String n = c.amount() == Math.rint(c.amount()) ? Long.toString((long) c.amount())
                : String.format(Locale.ROOT, "%.1f", c.amount());
        String amount = n + " " + c.unit().word() + (c.unit() == Command.FuelUnit.LITERS ? "" : ", " + whole + " liters");
        String over = Spoken.known(f.tank()) && litres > f.tank() ? " More than the tank holds." : "";
        return pit("Pit: add " + amount + "." + over, List.of(new PitRequest(PitCommand.FUEL, whole)));
    }

    private static List<PitRequest> tyreRequests(Set<Tyre> tyres) {
        List<PitRequest> out = new ArrayList<>();
        for (Tyre t : tyres) {
            out.add(new PitRequest(PitCommand.valueOf(t.name()), 0));
        }
        return out;
    }

    private static String tyres(Set<Tyre> t) {
        if (t.size() == 4) {
            return "all four tires";
        }
        String[] names = {"left front", "right front", "left rear", "right rear"};
        if (t.size() == 1) {
            return names[t.iterator().next().ordinal()];
        }
        return t.equals(Set.of(Tyre.LF, Tyre.RF)) ? "front tires" : t.equals(Set.of(Tyre.LR, Tyre.RR)) ? "rear tires"
                : t.equals(Set.of(Tyre.LF, Tyre.LR)) ? "left tires" : "right tires";
    }

    private static Reply pit(String text, List<PitRequest> requests) {
        return new Reply(text, requests, null, false, null);
    }
}
