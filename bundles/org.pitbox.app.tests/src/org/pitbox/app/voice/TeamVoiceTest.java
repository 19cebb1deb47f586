package org.pitbox.app.voice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.pitbox.app.feed.ActiveFeed;
import org.pitbox.app.team.DemoServerProcess;
import org.pitbox.app.team.TeamSession;
import org.pitbox.voice.speak.LocalVoice;
import org.pitbox.voice.speak.Voice;

/**
 * The team voice against the demo server, which has no ElevenLabs key: the local voice says the message, and the
 * voice's name says why. (The server's speech route with a key is tested against a faithful ElevenLabs fake in
 * cloud-server.)
 */
class TeamVoiceTest {
    @Test
    void withoutTheServersVoiceTheLocalVoiceSpeaksAndSaysWhy() throws Exception {
        try (DemoServerProcess server = DemoServerProcess.start("team-voice"); LocalVoice local = new LocalVoice()) {
            TeamSession team = VoiceFixtures.team(new ActiveFeed());
            TeamVoice voice = new TeamVoice(team, local);
            byte[] expected = pcm(local, "Box this lap.");
            assertArrayEquals(expected, pcm(voice, "Box this lap."), "not signed in: the local voice");
            assertEquals("not signed in to a team", voice.problem());

            team.signIn(server.base(), DemoServerProcess.DRIVER, DemoServerProcess.PASSWORD).get(30, TimeUnit.SECONDS);
            assertArrayEquals(expected, pcm(voice, "Box this lap."), "no key on the server: the local voice");
            assertNotNull(voice.problem());
            assertTrue(voice.name().startsWith("Team voice, now the local voice: "), voice.name());
            team.signOut().get(30, TimeUnit.SECONDS);
        }
    }

    private static byte[] pcm(Voice voice, String text) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        voice.speak(text, (b, o, l) -> {
            out.write(b, o, l);
            return true;
        });
        return out.toByteArray();
    }
}
