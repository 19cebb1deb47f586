package org.pitbox.app.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.pitbox.app.feed.ActiveFeed;
import org.pitbox.app.team.DemoServerProcess;
import org.pitbox.app.team.TeamSession;
import org.pitbox.protocol.api.VoiceApi.ProfileRequest;
import org.pitbox.voice.speak.LocalVoice;

/**
 * The voice profile editor's logic against the demo server, which has no ElevenLabs key: the driver (who owns the
 * demo team) edits their own profile and the team's, the engineer only their own, bad values get the server's
 * message, and the test sample is spoken in the local voice saying why.
 */
class VoiceProfilesTest {
    @Test
    void aDriverEditsTheirOwnProfileAndHearsASample() throws Exception {
        DemoServerProcess server = DemoServerProcess.start("voice-profiles");
        TeamSession team = VoiceFixtures.team(new ActiveFeed());
        TeamSession engineer = VoiceFixtures.team(new ActiveFeed());
        VoiceFixtures.Sink sink = new VoiceFixtures.Sink();
        try (LocalVoice local = new LocalVoice()) {
            VoiceProfiles profiles = new VoiceProfiles(team, local, sink);
            ExecutionException out = assertThrows(ExecutionException.class, () -> profiles.load(false).get(30,
                    TimeUnit.SECONDS));
            assertEquals("Sign in to a team under Team first", out.getCause().getMessage());

            team.signIn(server.base(), DemoServerProcess.DRIVER, DemoServerProcess.PASSWORD).get(30, TimeUnit.SECONDS);
            VoiceProfiles.Editing editing = profiles.load(false).get(30, TimeUnit.SECONDS);
            assertFalse(editing.teamProfile());
            assertEquals("default", editing.profile().scope(), "nothing saved yet");
            assertTrue(editing.voices().isEmpty());
            assertTrue(editing.voicesProblem().contains("no ElevenLabs key"), editing.voicesProblem());

            assertEquals("driver", profiles.save(false, new ProfileRequest("demo-voice", 1.1, 0.4, 0.8, 0.0))
                    .get(30, TimeUnit.SECONDS).scope());
            assertEquals(1.1, profiles.load(false).get(30, TimeUnit.SECONDS).profile().speed());
            assertEquals("team", profiles.save(true, new ProfileRequest("team-voice", 0.9, null, null, null))
                    .get(30, TimeUnit.SECONDS).scope(), "the owner sets the team's voice");
            assertEquals("team-voice", profiles.load(true).get(30, TimeUnit.SECONDS).profile().voiceId());

            engineer.signIn(server.base(), DemoServerProcess.ENGINEER, DemoServerProcess.PASSWORD)
                    .get(30, TimeUnit.SECONDS);
            VoiceProfiles engineers = new VoiceProfiles(engineer, local, sink);
            assertEquals("team-voice", engineers.load(false).get(30, TimeUnit.SECONDS).profile().voiceId(),
                    "without a profile of their own the engineer speaks in the team's");
            ExecutionException notOwner = assertThrows(ExecutionException.class, () -> engineers.load(true)
                    .get(30, TimeUnit.SECONDS));
            assertEquals("Only the team's owner sets the team's voice: edit your own",
                    notOwner.getCause().getMessage());
            ExecutionException bad = assertThrows(ExecutionException.class, () -> profiles.save(false,
                    new ProfileRequest("demo-voice", 2.0, null, null, null)).get(30, TimeUnit.SECONDS));
            assertTrue(TeamSession.rootMessage(bad).contains("speed must be"), TeamSession.rootMessage(bad));

            String said = profiles.test(null).get(60, TimeUnit.SECONDS);
            assertTrue(said.startsWith("Spoken in the local voice: the team voice could not speak (the server has no"
                    + " ElevenLabs key"), said);
            assertTrue(sink.pcm.size() > 16_000, "the sample was played");
            String badTrial = profiles.test(new ProfileRequest("demo-voice", 2.0, null, null, null))
                    .get(60, TimeUnit.SECONDS);
            assertTrue(badTrial.startsWith("Spoken in the local voice") && badTrial.contains("speed must be"),
                    "an edited profile is checked before it is heard: " + badTrial);
        } finally {
            engineer.dispose();
            team.dispose();
            server.close();
        }
    }
}
