package org.pitbox.core.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** The overlay's coach line: the hint with its source, kept for a while, then gone. */
class OverlayCoachLineTest {
    @Test
    void aHintShowsLabelledForItsSecondsThenClears() {
        OverlayModel model = new OverlayModel();
        assertEquals("", model.coachLine(0));
        model.setCoach("Turn 1: braked 35 m later than your best, lost 0.52 s", "rule-based", 1_000);
        String line = model.coachLine(1_000);
        assertEquals("Coach, rule-based: Turn 1: braked 35 m later than your best, lost 0.52 s", line);
        long last = 1_000 + OverlayModel.COACH_SECONDS * 1000L - 1;
        assertSame(line, model.coachLine(last), "the same text while it stays, so a painter sees no change");
        assertEquals("", model.coachLine(last + 1));

        model.setCoach("New best lap 1:45.20", "AI", 50_000);
        assertEquals("Coach, AI: New best lap 1:45.20", model.coachLine(50_000));
        model.setCoach(" ", "AI", 51_000);
        assertEquals("", model.coachLine(51_000), "an empty hint clears the line");
    }
}
