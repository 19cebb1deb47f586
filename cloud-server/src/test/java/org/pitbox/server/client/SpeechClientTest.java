package org.pitbox.server.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.pitbox.client.CloudClient;
import org.pitbox.client.CloudException;
import org.pitbox.client.SpeechClient;
import org.pitbox.protocol.api.Roles;
import org.pitbox.protocol.api.VoiceApi;
import org.pitbox.protocol.api.VoiceApi.BudgetRequest;
import org.pitbox.protocol.api.VoiceApi.ProfileRequest;
import org.pitbox.protocol.api.VoiceApi.ProfileView;
import org.pitbox.server.PitboxServer;
import org.pitbox.server.ServerConfig;
import org.pitbox.server.api.MutableClock;
import org.pitbox.server.voice.FakeElevenLabs;

/**
 * The desktop's speech client against a real server (H2 in a temp dir) whose ElevenLabs is the local fake: PCM
 * handed on as it streams, profiles, voices and budget, and the server's codes in {@link CloudException}s.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpeechClientTest {
    private static final String PASSWORD = "correct horse battery";

    private final MutableClock clock = new MutableClock();
    private final FakeElevenLabs fake = new FakeElevenLabs();
    private PitboxServer server;
    private Path dataDir;
    private URI uri;
    private int users;

    @BeforeAll
    void startServer() throws Exception {
        dataDir = Files.createTempDirectory("pitbox-speech");
        Map<String, String> env = new HashMap<>(fake.serverSettings(2));
        env.put("PITBOX_AUTH_RATE_PER_MINUTE", "100000");
        server = PitboxServer.create(ServerConfig.from(new String[] {"--port", "0", "--data-dir", dataDir.toString()},
                env), clock).start();
        uri = URI.create("http://127.0.0.1:" + server.port() + "/");
    }

    @AfterAll
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
        fake.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private CloudClient signedIn() throws Exception {
        CloudClient c = new CloudClient(uri);
        String email = "speaker" + ++users + "." + System.nanoTime() + "@example.com";
        c.register(email, PASSWORD, "Speaker " + users);
        c.login(email, PASSWORD);
        return c;
    }

    @Test
    void speechArrivesAsPcmWhileItStreams() throws Exception {
        CloudClient owner = signedIn();
        long team = owner.createTeam("Speakers").id();
        SpeechClient speech = new SpeechClient(owner);
        String text = "Fuel is good to the end, keep pushing.";
        fake.enqueue(FakeElevenLabs.Audio.stalled(1, java.time.Duration.ofMillis(1500)));
        try (InputStream pcm = speech.speech(team, text, null)) {
            byte[] first = pcm.readNBytes(FakeElevenLabs.PCM_CHUNK);
            assertArrayEquals(Arrays.copyOf(FakeElevenLabs.pcm(text), FakeElevenLabs.PCM_CHUNK), first,
                    "the first 100 ms play while the rest is made");
            byte[] rest = pcm.readAllBytes();
            assertEquals(FakeElevenLabs.pcm(text).length, first.length + rest.length);
        }
    }

    @Test
    void aRefusedAccessTokenIsRefreshedOnceAndTheCallSentAgain() throws Exception {
        CloudClient owner = signedIn(); // its clock does not know the server's moved: the server answers 401
        long team = owner.createTeam("Refreshers").id();
        SpeechClient speech = new SpeechClient(owner);
        String first = owner.accessToken();
        clock.advance(Duration.ofMinutes(16));
        assertEquals(2, speech.voices(team).voices().size());
        String second = owner.accessToken();
        assertNotEquals(first, second, "the JSON call refreshed the token");
        clock.advance(Duration.ofMinutes(16));
        try (InputStream pcm = speech.speech(team, "Copy that.", null)) {
            assertArrayEquals(FakeElevenLabs.pcm("Copy that."), pcm.readAllBytes());
        }
        assertNotEquals(second, owner.accessToken(), "the speech call refreshed the token too");
    }

    @Test
    void profilesVoicesAndBudget() throws Exception {
        CloudClient owner = signedIn();
        long team = owner.createTeam("Profiles").id();
        CloudClient driver = signedIn();
        driver.acceptInvite(owner.invite(team, Roles.DRIVER).code());
        SpeechClient mine = new SpeechClient(owner);
        SpeechClient his = new SpeechClient(driver);
        assertEquals(List.of(FakeElevenLabs.VOICE, FakeElevenLabs.OTHER_VOICE), mine.voices(team).voices().stream()
                .map(VoiceApi.VoiceView::voiceId).toList());
        assertEquals("default", his.myProfile(team).scope());
        mine.setTeamProfile(team, new ProfileRequest(FakeElevenLabs.OTHER_VOICE, 1.05, null, null, null));
        assertEquals(FakeElevenLabs.OTHER_VOICE, his.myProfile(team).voiceId());
        ProfileView own = his.setMyProfile(team, new ProfileRequest(FakeElevenLabs.VOICE, 0.9, 0.6, 0.7, 0.1));
        assertEquals(new ProfileView("driver", FakeElevenLabs.VOICE, 0.9, 0.6, 0.7, 0.1), his.myProfile(team));
        assertEquals(own, his.myProfile(team));
        long driverId = owner.members(team).stream().filter(m -> m.role().equals(Roles.DRIVER)).findFirst()
                .orElseThrow().userId();
        try (InputStream pcm = mine.speech(team, "Copy.", driverId)) {
            pcm.readAllBytes();
        }
        assertTrue(fake.speechRequests().getLast().path().contains(FakeElevenLabs.VOICE), "the driver's voice");
        CloudException refused = assertThrows(CloudException.class, () -> his.setTeamProfile(team,
                new ProfileRequest(null, 1.0, null, null, null)));
        assertEquals(403, refused.status());
        mine.setBudget(team, new BudgetRequest(60, 0L));
        assertEquals(0, mine.budget(team).charactersPerDay());
        CloudException over = assertThrows(CloudException.class, () -> his.speech(team, "No characters left.", null));
        assertEquals(VoiceApi.TTS_OVER_BUDGET, over.code());
        assertEquals(429, over.status());
    }

    @Test
    void elevenLabsFailuresArriveAsTheServersCodes() throws Exception {
        CloudClient owner = signedIn();
        long team = owner.createTeam("Failures").id();
        SpeechClient speech = new SpeechClient(owner);
        fake.enqueue(FakeElevenLabs.Error.quotaLegacy());
        CloudException quota = assertThrows(CloudException.class, () -> speech.speech(team, "Out of credits.", null));
        assertEquals(VoiceApi.TTS_QUOTA, quota.code());
        assertTrue(quota.getMessage().contains("local voice"), quota.getMessage());
        fake.enqueue(FakeElevenLabs.Error.invalidKey());
        assertEquals(VoiceApi.TTS_UNAVAILABLE, assertThrows(CloudException.class, () -> speech.speech(team,
                "Wrong key.", null)).code());
        assertEquals(VoiceApi.TTS_TOO_LONG, assertThrows(CloudException.class, () -> speech.speech(team,
                "x".repeat(2000), null)).code());
        CloudException outsider = assertThrows(CloudException.class, () -> new SpeechClient(signedIn())
                .speech(team, "Not my team.", null));
        assertEquals(404, outsider.status());
        assertEquals("team_not_found", outsider.code());
    }
}
