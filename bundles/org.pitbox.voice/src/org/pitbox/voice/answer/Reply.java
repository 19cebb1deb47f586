package org.pitbox.voice.answer;

import java.util.List;

import org.pitbox.voice.command.Intent;

/**
 * What PitBox does about one utterance: the text to speak (a speech queue takes it as it is), the pit commands
 * to send, and radio for the team. {@code clip} asks the caller to send the driver's own audio with the radio,
 * for engines that only hear the key phrase.
 *
 * @param topic the question answered, for follow-ups ("and behind?", "more"); null when nothing was answered
 */
public record Reply(String text, List<PitRequest> pit, String radio, boolean clip, Intent topic) {
    public Reply {
        pit = List.copyOf(pit);
    }

    static Reply say(String text, Intent topic) {
        return new Reply(text, List.of(), null, false, topic);
    }
}
