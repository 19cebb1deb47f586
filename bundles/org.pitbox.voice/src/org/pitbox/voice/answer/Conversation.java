package org.pitbox.voice.answer;

import java.util.function.Supplier;

import org.pitbox.voice.command.Command;
import org.pitbox.voice.command.CommandMatcher;
import org.pitbox.voice.command.CommandMatcher.Match;
import org.pitbox.voice.command.CommandTable;
import org.pitbox.voice.command.Intent;

/**
 * The driver's side of the talk: each utterance's text is matched, answered from the live figures of that
 * moment, and remembered for "repeat that" and for follow-ups ("and behind?" after a gap, "more" after fuel,
 * lap times or gaps). "Quiet" and "talk to me" set {@link #quiet()}, which the speech queue reads for calls
 * PitBox makes on its own; answers to questions are always spoken. Not thread-safe: one voice thread uses it.
 */
public final class Conversation {
    private final CommandTable table;
    private final CommandMatcher matcher;
    private final VoiceAnswers answers = new VoiceAnswers();
    private final Supplier<VoiceFacts> facts;
    private Reply last;
    private Intent topic;
    private boolean quiet;

    /** @param facts the live figures at the moment of asking */
    public Conversation(CommandTable table, Supplier<VoiceFacts> facts) {
        this.table = table;
        this.matcher = new CommandMatcher(table);
        this.facts = facts;
    }

    /** Answers what the recogniser heard. */
    public Reply hear(String text) {
        return hear(matcher.match(text));
    }

    /** "Did you mean "Gap ahead"?", the question mark once. */
    public static String didYouMean(String phrase) {
        String w = CommandTable.written(phrase);
        return "Did you mean " + w + (w.endsWith("?\"") ? "" : "?");
    }

    public Reply hear(Match match) {
        if (!match.understood()) {
            return Reply.say("I didn't catch that. " + (match.suggestion() == null
                    ? "Say " + CommandTable.written("what can i say") : didYouMean(match.suggestion())), null);
        }
        Command c = match.command();
        Reply reply = switch (c.intent()) {
            case REPEAT -> last != null ? last : Reply.say("Nothing to repeat yet.", null);
            case QUIET -> {
                quiet = true;
                yield Reply.say("Going quiet. Say \"Talk to me\" for calls again.", null);
            }
            case TALK_TO_ME -> {
                quiet = false;
                yield Reply.say("Back with you.", null);
            }
            case HELP -> Reply.say(table.help(), null);
            case AND_AHEAD -> answers.answer(facts.get(), Command.of(Intent.GAP_AHEAD));
            case AND_BEHIND -> answers.answer(facts.get(), Command.of(Intent.GAP_BEHIND));
            case MORE -> more();
            default -> answers.answer(facts.get(), c);
        };
        if (c.intent() != Intent.REPEAT) {
            last = reply;
        }
        if (reply.topic() != null) {
            topic = reply.topic();
        }
        return reply;
    }

    /** The rest of the figures about the last topic. */
    private Reply more() {
        if (topic == null) {
            return Reply.say("More about what? Ask about fuel, lap times or gaps first.", null);
        }
        VoiceFacts f = facts.get();
        Intent[] rest = switch (topic) {
            case FUEL_LEVEL, FUEL_PER_LAP, LAPS_OF_FUEL, FUEL_TO_END ->
                new Intent[] {Intent.FUEL_LEVEL, Intent.FUEL_PER_LAP, Intent.LAPS_OF_FUEL, Intent.FUEL_TO_END};
            case LAST_LAP, BEST_LAP, SESSION_BEST -> new Intent[] {Intent.LAST_LAP, Intent.BEST_LAP, Intent.SESSION_BEST};
            case GAP_AHEAD, GAP_BEHIND, POSITION -> new Intent[] {Intent.POSITION, Intent.GAP_AHEAD, Intent.GAP_BEHIND};
            default -> new Intent[] {Intent.LAPS_REMAINING, Intent.TIME_REMAINING};
        };
        StringBuilder text = new StringBuilder();
        for (Intent i : rest) {
            if (i != topic) {
                text.append(text.isEmpty() ? "" : " ").append(answers.answer(f, Command.of(i)).text());
            }
        }
        return Reply.say(text.toString(), topic);
    }

    /** Whether the driver asked for quiet: PitBox then speaks only when asked (and for urgent calls). */
    public boolean quiet() {
        return quiet;
    }
}
