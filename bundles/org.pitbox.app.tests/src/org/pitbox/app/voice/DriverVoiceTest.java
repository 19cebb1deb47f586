package org.pitbox.app.voice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pitbox.app.feed.ActiveFeed;
import org.pitbox.app.team.TeamSession;
import org.pitbox.core.sim.SimulatorSource;
import org.pitbox.voice.speak.LocalVoice;
import org.pitbox.voice.speak.Message;
import org.pitbox.voice.speak.SpeechQueue.Outcome;
import org.pitbox.voice.speak.VoiceException;

/** The driver's voice with the real local voice, a real team session (not signed in) and a sink that records. */
class DriverVoiceTest {
    private static LocalVoice voice;
    private final ActiveFeed feed = new ActiveFeed();
    private final VoiceFixtures.Sink sink = new VoiceFixtures.Sink();
    private final List<String> said = new ArrayList<>();
    private TeamSession team;
    private DriverVoice driver;

    @BeforeAll
    static void load() {
        voice = new LocalVoice();
    }

    @AfterAll
    static void unload() {
        voice.close();
    }

    @BeforeEach
    void start() {
        team = VoiceFixtures.team(feed);
        driver = new DriverVoice(feed, team, voice, sink);
        driver.addListener((m, outcome, problem) -> {
            synchronized (said) {
                said.add(m.text() + " -> " + outcome);
                said.notifyAll();
            }
        });
    }

    @AfterEach
    void stop() {
        driver.close();
        feed.stop();
    }

    /** Waits until {@code n} messages have an outcome. */
    private List<String> await(int n) throws InterruptedException {
        synchronized (said) {
            long end = System.nanoTime() + 30_000_000_000L;
            while (said.size() < n && System.nanoTime() < end) {
                said.wait(100);
            }
            return List.copyOf(said);
        }
    }

    private static byte[] pcm(String text) throws VoiceException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        voice.speak(text, (b, o, l) -> {
            out.write(b, o, l);
            return true;
        });
        return out.toByteArray();
    }

    @Test
    void theEngineersRadioIsSpokenInTheLocalVoice() throws Exception {
        assertEquals("Local voice (FreeTTS)", driver.voiceName());
        driver.heard.radio("Sam", "box this lap");
        assertEquals(List.of("Sam on the radio: box this lap -> SPOKEN"), await(1));
        assertArrayEquals(pcm("Sam on the radio: box this lap"), sink.pcm.toByteArray());
    }

    @Test
    void quietSilencesTheCoachButNotAnswersOrRadio() throws Exception {
        driver.hear("quiet", null);
        assertTrue(driver.quiet());
        driver.heard.coach("Brake later into turn one.", "AI");
        driver.heard.radio("Sam", "copy");
        driver.hear("talk to me", null);
        driver.heard.coach("Carry more speed through turn three.", "rule-based");
        List<String> all = await(4);
        assertEquals(List.of("Going quiet. Say \"Talk to me\" for calls again. -> SPOKEN",
                "Sam on the radio: copy -> SPOKEN",
                "Back with you. -> SPOKEN", "Carry more speed through turn three. -> SPOKEN"), all);
    }

    @Test
    void answersComeFromTheActiveFeed() throws Exception {
        driver.hear("how much fuel do I have", null);
        assertEquals(List.of("Fuel level not known. -> SPOKEN"), await(1), "no feed yet");
        feed.start(new SimulatorSource(), null);
        long end = System.nanoTime() + 10_000_000_000L;
        String answer;
        do {
            Thread.sleep(100);
            answer = driver.hear("how much fuel do I have", null).text();
        } while (answer.equals("Fuel level not known.") && System.nanoTime() < end);
        assertTrue(answer.matches("Fuel \\d+\\.\\d liters.*"), answer);
    }

    @Test
    void radioToTheTeamNeedsALiveSession() throws Exception {
        driver.hear("tell the engineer the rears are gone", null);
        assertEquals(List.of("Not sent: you are not streaming to the team. -> SPOKEN"), await(1));
    }

    @Test
    void pushToTalkHoldsMessagesUntilReleased() throws Exception {
        driver.pushToTalk(true);
        driver.say(Message.routine("Radio check.", Duration.ofMinutes(1)));
        Thread.sleep(300);
        assertEquals(0, sink.pcm.size(), "nothing while the key is down");
        driver.pushToTalk(false);
        assertEquals(List.of("Radio check. -> SPOKEN"), await(1));
    }
}
