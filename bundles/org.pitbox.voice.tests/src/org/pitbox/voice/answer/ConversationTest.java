package org.pitbox.voice.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pitbox.voice.command.CommandTable;

class ConversationTest {
    private final LiveFacts live = new LiveFacts();
    private final Conversation talk = new Conversation(CommandTable.standard(), live::facts);

    @Test
    void followUpsUseTheLastTopic() {
        live.update(Session.order(new int[] {2, 1, 3}, new int[] {5, 5, 5}, new float[] {0.5f, 0.75f, 0.25f},
                new float[] {0, 0, 0}));
        assertEquals("More about what? Ask about fuel, lap times or gaps first.", talk.hear("more").text());
        assertEquals("Gap ahead not known.", talk.hear("what is the gap ahead").text());
        assertEquals("Gap behind not known.", talk.hear("and behind").text());
        assertEquals("P2 of 3. Gap ahead not known.", talk.hear("tell me more").text(), "more after a gap");
    }

    @Test
    void moreAfterFuelGivesTheOtherFuelFigures() {
        Session.simulated(4, live::update);
        talk.hear("fuel level");
        String more = talk.hear("more").text();
        assertTrue(more.startsWith("Using ") && more.contains(" of fuel") && more.contains(" to the end"), more);
    }

    @Test
    void repeatQuietAndHelp() {
        assertEquals("Nothing to repeat yet.", talk.hear("repeat that").text());
        String answer = talk.hear("position").text();
        assertEquals(answer, talk.hear("say again").text());
        assertEquals(answer, talk.hear("repeat").text(), "repeat repeats the answer, not itself");
        talk.hear("be quiet");
        assertTrue(talk.quiet());
        talk.hear("talk to me");
        assertFalse(talk.quiet());
        assertEquals(CommandTable.standard().help(), talk.hear("what can I say").text());
    }

    @Test
    void notCaughtSaysSoWithTheClosestCommand() {
        assertEquals("I didn't catch that. Did you mean \"Box this lap\"?", talk.hear("box this lap now").text());
        assertEquals("I didn't catch that. Say \"What can I say?\"", talk.hear("<unk>").text());
        assertEquals("Nothing to repeat yet.", talk.hear("repeat").text(), "a miss is not an answer to repeat");
        assertEquals("Did you mean \"What can I say?\"", Conversation.didYouMean("what can i say"));
    }
}
