package org.pitbox.server.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.pitbox.protocol.api.VoiceApi;
import org.pitbox.protocol.api.VoiceApi.BudgetView;
import org.pitbox.protocol.api.VoiceApi.ProfileView;
import org.pitbox.protocol.api.VoiceApi.Voices;
import org.pitbox.server.voice.FakeElevenLabs;
import org.pitbox.server.voice.FakeElevenLabs.Audio;
import org.pitbox.server.voice.FakeElevenLabs.Error;

/**
 * The voice routes on a real server with ElevenLabs faked: streamed PCM from the right profile, team
 * isolation, budgets, the phrase cache, metering, every ElevenLabs failure as a code the desktop acts on, and the
 * key in no answer, log line or printed text. Prints the time to the first PCM byte through the server.
 */
abstract class SpeechApi extends SecretTestBase {
    /** The model's limit the fake gives: below the server's own bound, so it must come from GET /v1/models. */
    private static final int MODEL_LIMIT = 300;
    private final FakeElevenLabs fake = new FakeElevenLabs();

    @Override
    Map<String, String> settings() {
        fake.modelLimit("eleven_flash_v2_5", MODEL_LIMIT);
        Map<String, String> s = new HashMap<>(fake.serverSettings(2));
        s.put("PITBOX_TTS_CACHE_BYTES", Integer.toString(8 << 20));
        return s;
    }

    @AfterAll
    void theKeyNeverLeaked() {
        fake.close();
        String everything = everything();
        assertTrue(everything.contains("speech from ElevenLabs at"), "the server's log is captured");
        assertFalse(everything.contains(FakeElevenLabs.KEY), "the key leaked");
        assertFalse(everything.contains(FakeElevenLabs.KEY.substring(0, 14)), "part of the key leaked");
    }

    private static String voice(long team, String rest) {
        return "/api/v1/teams/" + team + "/voice/" + rest;
    }

    private Resp speak(User u, long team, String text, Long driver) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("text", text);
        if (driver != null) {
            body.put("driverUserId", driver);
        }
        return send("POST", voice(team, "speech"), u.token(), body);
    }

    private static byte[] bytes(Resp r) {
        return r.body().getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void speechStreamsPcmInTheVoiceOfTheDriversProfile() throws Exception {
        User owner = newUser();
        long team = newTeam(owner);
        User driver = member(team, owner, "driver");
        User engineer = member(team, owner, "engineer");
        send("PUT", voice(team, "profile"), owner.token(), Map.of("voiceId", FakeElevenLabs.OTHER_VOICE, "speed",
                1.1)).is(200);
        ProfileView own = send("PUT", voice(team, "profiles/me"), driver.token(), Map.of("voiceId",
                FakeElevenLabs.VOICE, "stability", 0.3)).is(200).as(ProfileView.class);
        assertEquals(new ProfileView("driver", FakeElevenLabs.VOICE, 1.0, 0.3, 0.75, 0.0), own);

        Resp r = speak(driver, team, "Fuel for eleven laps.", null).is(200);
        String type = r.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith("audio/L16;") && type.contains("rate=16000") && type.contains("channels=1"), type);
        assertEquals("chunked", r.headers().firstValue("Transfer-Encoding").orElse(""), "streamed, no length");
        assertArrayEquals(FakeElevenLabs.pcm("Fuel for eleven laps."), bytes(r));
        FakeElevenLabs.Received sent = last();
        assertTrue(sent.path().contains(FakeElevenLabs.VOICE), sent.path());
        assertEquals(0.3, sent.body().at("/voice_settings/stability").asDouble());
        assertEquals("output_format=pcm_16000", sent.query());

        speak(engineer, team, "Box, box, box.", driver.id()).is(200);
        assertTrue(last().path().contains(FakeElevenLabs.VOICE), "the driver's voice speaks the engineer's radio");
        speak(engineer, team, "Copy that.", null).is(200);
        assertTrue(last().path().contains(FakeElevenLabs.OTHER_VOICE), "the engineer has the team's voice");
        assertEquals(1.1, last().body().at("/voice_settings/speed").asDouble());
        assertEquals("team", send("GET", voice(team, "profiles/me"), engineer.token(), null).is(200)
                .as(ProfileView.class).scope());
        Voices voices = send("GET", voice(team, "voices"), driver.token(), null).is(200).as(Voices.class);
        assertEquals(List.of("George", "Sarah"), voices.voices().stream().map(VoiceApi.VoiceView::name).toList());
    }

    @Test
    void aTrialProfileIsHeardButNotSaved() throws Exception {
        User owner = newUser();
        long team = newTeam(owner);
        send("PUT", voice(team, "profiles/me"), owner.token(), Map.of("voiceId", FakeElevenLabs.VOICE, "stability",
                0.3)).is(200);
        Map<String, Object> body = Map.of("text", "Box this lap.", "trial", Map.of("voiceId",
                FakeElevenLabs.OTHER_VOICE, "speed", 0.9, "stability", 0.6));
        assertArrayEquals(FakeElevenLabs.pcm("Box this lap."), bytes(send("POST", voice(team, "speech"),
                owner.token(), body).is(200)));
        assertTrue(last().path().contains(FakeElevenLabs.OTHER_VOICE), last().path());
        assertEquals(0.6, last().body().at("/voice_settings/stability").asDouble());
        assertEquals(0.9, last().body().at("/voice_settings/speed").asDouble());
        ProfileView kept = send("GET", voice(team, "profiles/me"), owner.token(), null).is(200).as(ProfileView.class);
        assertEquals(new ProfileView("driver", FakeElevenLabs.VOICE, 1.0, 0.3, 0.75, 0.0), kept);

        send("POST", voice(team, "speech"), owner.token(), Map.of("text", "Box.", "trial", Map.of("speed", 2.0)))
                .fails(400, "invalid_field");
        send("POST", voice(team, "speech"), owner.token(), Map.of("text", "Box.", "trial", Map.of("voiceId",
                "nobody"))).fails(400, "unknown_voice");
    }

    @Test
    void anotherTeamsMembersSeeNothingAndRolesHold() throws Exception {
        User owner = newUser();
        long team = newTeam(owner);
        User driver = member(team, owner, "driver");
        User viewer = member(team, owner, "viewer");
        User stranger = newUser();
        long theirs = newTeam(stranger);
        for (String[] route : new String[][] {{"POST", "speech"}, {"GET", "voices"}, {"GET", "profile"},
                {"PUT", "profile"}, {"GET", "profiles/me"}, {"PUT", "profiles/me"}, {"GET", "budget"},
                {"PUT", "budget"}}) {
            Object body = route[0].equals("GET") ? null : route[1].equals("speech") ? Map.of("text", "Hello")
                    : route[1].equals("budget") ? Map.of("requestsPerMinute", 5, "charactersPerDay", 5)
                    : Map.of("speed", 1.0);
            send(route[0], voice(team, route[1]), stranger.token(), body).fails(404, "team_not_found");
        }
        speak(stranger, theirs, "Our own team.", driver.id()).fails(404, "member_not_found");
        speak(owner, team, "Whose voice?", stranger.id()).fails(404, "member_not_found");
        send("PUT", voice(team, "profile"), driver.token(), Map.of("speed", 1.0)).fails(403, "forbidden");
        send("PUT", voice(team, "budget"), driver.token(), Map.of("requestsPerMinute", 1, "charactersPerDay", 1))
                .fails(403, "forbidden");
        send("PUT", voice(team, "profiles/me"), viewer.token(), Map.of("speed", 1.0)).fails(403, "forbidden");
        speak(viewer, team, "Viewers may listen.", null).is(200);
        send("POST", voice(team, "speech"), null, Map.of("text", "x")).fails(401, "missing_token");
    }

    @Test
    void badTextAndProfilesAreRefusedClearly() throws Exception {
        User owner = newUser();
        long team = newTeam(owner);
        int before = fake.speechRequests().size();
        speak(owner, team, "  ", null).fails(400, "missing_field");
        send("POST", voice(team, "speech"), owner.token(), null).fails(400, "missing_body");
        Resp serverBound = speak(owner, team, "a".repeat(1001), null).fails(400, VoiceApi.TTS_TOO_LONG);
        assertTrue(serverBound.error().message().contains("1000"), serverBound.body());
        Resp modelBound = speak(owner, team, "a".repeat(MODEL_LIMIT + 1), null).fails(400, VoiceApi.TTS_TOO_LONG);
        assertTrue(modelBound.error().message().contains(Integer.toString(MODEL_LIMIT)), modelBound.body());
        assertEquals(before, fake.speechRequests().size(), "nothing too long reached ElevenLabs");
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("speed", 1.5), Map.of("speed", 0.5),
                Map.of("stability", -0.1), Map.of("similarity", 1.01), Map.of("style", 2), Map.of("voiceId",
                        "bad voice!"))) {
            send("PUT", voice(team, "profile"), owner.token(), bad).fails(400, "invalid_field");
        }
        send("PUT", voice(team, "profile"), owner.token(), Map.of("voiceId", "NotOfThisKey123"))
                .fails(400, "unknown_voice");
        assertEquals("default", send("GET", voice(team, "profile"), owner.token(), null).is(200)
                .as(ProfileView.class).scope(), "nothing was stored");
        send("PUT", voice(team, "budget"), owner.token(), Map.of("requestsPerMinute", 0, "charactersPerDay", 5))
                .fails(400, "invalid_field");
    }

    @Test
    void budgetsRefuseWithA429AndCachedPhrasesAreFree() throws Exception {
        User owner = newUser();
        long team = newTeam(owner);
        send("PUT", voice(team, "budget"), owner.token(), Map.of("requestsPerMinute", 100, "charactersPerDay", 30))
                .is(200);
        speak(owner, team, "Twenty characters...", null).is(200);
        Resp over = speak(owner, team, "Another twenty chars", null).fails(429, VoiceApi.TTS_OVER_BUDGET);
        assertTrue(over.error().message().contains("local voice"), over.body());
        assertTrue(over.headers().firstValue("Retry-After").isPresent());
        int before = fake.speechRequests().size();
        speak(owner, team, "Twenty characters...", null).is(200);
        assertEquals(before, fake.speechRequests().size(), "a repeated phrase comes from the cache");
        assertEquals(20, send("GET", voice(team, "budget"), owner.token(), null).is(200).as(BudgetView.class)
                .charactersUsedToday());

        send("PUT", voice(team, "budget"), owner.token(), Map.of("requestsPerMinute", 2, "charactersPerDay", 1000))
                .is(200);
        clock.advance(Duration.ofMinutes(1));
        speak(owner, team, "One.", null).is(200);
        speak(owner, team, "Two.", null).is(200);
        Resp rate = speak(owner, team, "Three.", null).fails(429, VoiceApi.TTS_OVER_BUDGET);
        assertTrue(rate.error().message().contains("2 requests a minute"), rate.body());
        clock.advance(Duration.ofSeconds(61));
        speak(owner, team, "Three.", null).is(200);
        String metrics = send("GET", "/metrics", METRICS_TOKEN, null).is(200).body();
        assertEquals(1.0, metric(metrics, "pitbox_tts_refused_total", "reason=\"characters\"", team(team)));
        assertEquals(1.0, metric(metrics, "pitbox_tts_refused_total", "reason=\"requests\"", team(team)));
    }

    @Test
    void repeatedPhrasesComeFromTheCacheAndEverythingIsMetered() throws Exception {
        User owner = newUser();
        long team = newTeam(owner);
        byte[] first = bytes(speak(owner, team, "Pit limiter on.", null).is(200));
        int before = fake.speechRequests().size();
        byte[] second = bytes(speak(owner, team, "Pit limiter on.", null).is(200));
        assertArrayEquals(first, second);
        assertEquals(before, fake.speechRequests().size());
        send("PUT", voice(team, "profile"), owner.token(), Map.of("speed", 1.2)).is(200);
        speak(owner, team, "Pit limiter on.", null).is(200);
        assertEquals(before + 1, fake.speechRequests().size(), "other settings, other audio");

        User rival = newUser();
        long theirs = newTeam(rival);
        speak(rival, theirs, "Pit limiter on.", null).is(200);
        assertEquals(before + 2, fake.speechRequests().size(), "teams share no cached audio");

        String metrics = send("GET", "/metrics", METRICS_TOKEN, null).is(200).body();
        assertEquals(2.0, metric(metrics, "pitbox_tts_requests_total", "source=\"elevenlabs\"", team(team)));
        assertEquals(1.0, metric(metrics, "pitbox_tts_requests_total", "source=\"cache\"", team(team)));
        assertEquals(1.0, metric(metrics, "pitbox_tts_cache_hits_total", team(team)));
        assertEquals(30.0, metric(metrics, "pitbox_tts_characters_total", team(team)));
        assertEquals(2.0, metric(metrics, "pitbox_tts_first_byte_seconds_count", team(team)));
    }

    @Test
    void aLineSaidAgainWithOtherNumbersIsMadeOfCachedParts() throws Exception {
        User owner = newUser();
        long team = newTeam(owner);
        int before = fake.speechRequests().size();
        speak(owner, team, "Fuel 12.4 litres, 5.2 laps.", null).is(200);
        assertEquals(before + 1, fake.speechRequests().size(), "a line's first time is spoken whole");

        byte[] second = bytes(speak(owner, team, "Fuel 11.9 litres, 4.9 laps.", null).is(200));
        List<FakeElevenLabs.Received> parts = fake.speechRequests().subList(before + 1, fake.speechRequests().size());
        assertEquals(List.of("Fuel", "11.9", "litres,", "4.9", "laps."), parts.stream()
                .map(r -> r.body().get("text").asText()).toList(), "then in parts, each once");
        assertEquals("Fuel", parts.get(1).body().path("previous_text").asText());
        assertEquals("litres, 4.9 laps.", parts.get(1).body().path("next_text").asText());
        assertArrayEquals(concat("Fuel", "11.9", "litres,", "4.9", "laps."), second);

        long used = send("GET", voice(team, "budget"), owner.token(), null).is(200).as(BudgetView.class)
                .charactersUsedToday();
        byte[] third = bytes(speak(owner, team, "Fuel 11.3 litres, 4.9 laps.", null).is(200));
        assertEquals("11.3", last().body().get("text").asText(), "only the new number is spoken");
        assertEquals(before + 7, fake.speechRequests().size());
        assertArrayEquals(concat("Fuel", "11.3", "litres,", "4.9", "laps."), third);
        assertEquals(used + 4, send("GET", voice(team, "budget"), owner.token(), null).is(200).as(BudgetView.class)
                .charactersUsedToday(), "and paid for");

        User rival = newUser();
        long theirs = newTeam(rival);
        speak(rival, theirs, "Fuel 10.1 litres, 4.9 laps.", null).is(200);
        assertEquals("Fuel 10.1 litres, 4.9 laps.", last().body().get("text").asText(), "teams share no parts");
        String metrics = send("GET", "/metrics", METRICS_TOKEN, null).is(200).body();
        assertEquals(2.0, metric(metrics, "pitbox_tts_requests_total", "source=\"parts\"", team(team)));
    }

    private static byte[] concat(String... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (String p : parts) {
            b.writeBytes(FakeElevenLabs.pcm(p));
        }
        return b.toByteArray();
    }

    @Test
    void everyElevenLabsFailureIsACodeForTheLocalVoice() throws Exception {
        User owner = newUser();
        long team = newTeam(owner);
        Object[][] cases = {
                {Error.quotaLegacy(), VoiceApi.TTS_QUOTA, "quota"},
                {Error.quota(), VoiceApi.TTS_QUOTA, "quota"},
                {Error.invalidKey(), VoiceApi.TTS_UNAVAILABLE, "invalid_key"},
                {Error.rateLimit("3600"), VoiceApi.TTS_BUSY, "busy"},
                {Error.server(500), VoiceApi.TTS_UNAVAILABLE, "server"},
                {Error.badGateway(), VoiceApi.TTS_UNAVAILABLE, "server"},
                {Audio.silentHeaders(Duration.ofSeconds(4)), VoiceApi.TTS_UNAVAILABLE, "timeout"}};
        int n = 0;
        for (Object[] c : cases) {
            fake.enqueue((FakeElevenLabs.Reply) c[0]);
            Resp r = speak(owner, team, "Failure number " + n++ + ".", null).fails(503, (String) c[1]);
            assertTrue(r.error().message().contains("the local voice speaks"), r.body());
            assertFalse(r.body().contains("request_id"), "ElevenLabs' details stay in the log: " + r.body());
        }
        fake.enqueue(Error.rateLimit("1"));
        speak(owner, team, "Busy once, then fine.", null).is(200);
        String metrics = send("GET", "/metrics", METRICS_TOKEN, null).is(200).body();
        assertEquals(2.0, metric(metrics, "pitbox_tts_errors_total", "kind=\"quota\"", team(team)));
        assertEquals(2.0, metric(metrics, "pitbox_tts_errors_total", "kind=\"server\"", team(team)));
        assertEquals(1.0, metric(metrics, "pitbox_tts_errors_total", "kind=\"timeout\"", team(team)));
        assertEquals(1.0, metric(metrics, "pitbox_tts_errors_total", "kind=\"invalid_key\"", team(team)));
    }

    @Test
    void audioCutMidwayIsNoCompleteClip() throws Exception {
        User owner = newUser();
        long team = newTeam(owner);
        fake.enqueue(Audio.cutAfter(2));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + voice(team, "speech"))).header("Authorization", "Bearer " + owner.token())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"text\":\"This clip breaks off in the middle.\"}")).build();
        HttpResponse<InputStream> r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, r.statusCode());
        try (InputStream in = r.body()) {
            org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, in::readAllBytes);
        }
        int before = fake.speechRequests().size();
        speak(owner, team, "This clip breaks off in the middle.", null).is(200);
        assertEquals(before + 1, fake.speechRequests().size(), "a broken clip was not cached");
    }

    /** Time from the speech request to the first PCM byte through the server, printed; no assertion on it. */
    @Test
    void firstByteTimeThroughTheServer() throws Exception {
        User owner = newUser();
        long team = newTeam(owner);
        speak(owner, team, "Warm up.", null).is(200);
        List<Double> through = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                    + voice(team, "speech"))).header("Authorization", "Bearer " + owner.token())
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"text\":\"Fuel for " + i + " more laps, box in " + i + ".\"}")).build();
            long start = System.nanoTime();
            HttpResponse<InputStream> r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                assertEquals(200, r.statusCode());
                assertTrue(in.read() >= 0);
                through.add((System.nanoTime() - start) / 1e6);
                in.readAllBytes();
            }
        }
        Collections.sort(through);
        err().printf(Locale.ROOT, "TTS first PCM byte through the server on %s (fake ElevenLabs first byte after %d"
                + " ms): p50 %.1f ms, p95 %.1f ms, max %.1f ms over %d requests%n", postgres() ? "PostgreSQL" : "H2",
                FakeElevenLabs.MODEL_LATENCY.plus(FakeElevenLabs.NETWORK).toMillis(), through.get(through.size() / 2),
                through.get((int) Math.ceil(through.size() * 0.95) - 1), through.getLast(), through.size());
    }

    private FakeElevenLabs.Received last() {
        return fake.speechRequests().getLast();
    }

    private static String team(long team) {
        return "team=\"" + team + "\"";
    }

    /** The value of the series of {@code name} whose labels include all of {@code labels}. */
    private static double metric(String text, String name, String... labels) {
        for (String line : text.split("\n")) {
            if (line.startsWith(name + "{") && List.of(labels).stream().allMatch(line::contains)) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }
}
