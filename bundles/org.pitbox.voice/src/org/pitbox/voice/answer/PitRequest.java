package org.pitbox.voice.answer;

import org.pitbox.iracing.windows.PitCommand;

/** One pit command for iRacing, as {@code BroadcastMessages.pit(command, value)} sends it (value litres or kPa). */
public record PitRequest(PitCommand command, int value) {
}
