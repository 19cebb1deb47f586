package org.pitbox.server.voice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pitbox.server.voice.ElevenLabsClient.Audio;
import org.pitbox.server.voice.ElevenLabsClient.Model;
import org.pitbox.server.voice.ElevenLabsClient.Tuning;
import org.pitbox.server.voice.ElevenLabsClient.Voice;
import org.pitbox.server.voice.FakeElevenLabs.Error;
import org.pitbox.server.voice.TtsException.Kind;

/** The ElevenLabs client against the local fake: the request it sends, streamed audio, every error shape. */
class ElevenLabsClientTest {
    private static final Tuning TUNING = new Tuning(1.1, 0.4, 0.8, 0.2);
    private static final String TEXT = "Box this lap, box this lap.";

    private final FakeElevenLabs fake = new FakeElevenLabs();
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        fake.close();
    }

    private ElevenLabsClient client(String key, Duration timeout) {
        return new ElevenLabsClient(settings(fake.url(), key, timeout), Clock.systemUTC(), waits::add);
    }

    private ElevenLabsClient client() {
        return client(FakeElevenLabs.KEY, Duration.ofSeconds(5));
    }

    private static VoiceSettings settings(String url, String key, Duration timeout) {
        return new VoiceSettings(url, key, null, null, timeout, 30, 20_000, 1 << 20);
    }

    @Test
    void speechSendsTheDocumentedRequestAndStreamsPcm() throws Exception {
        byte[] pcm;
        try (Audio audio = client().speech(FakeElevenLabs.VOICE, TEXT, TUNING, ElevenLabsClient.PCM_16000)) {
            pcm = audio.body().readAllBytes();
            assertTrue(audio.requestId() != null && !audio.requestId().isBlank());
        }
        assertArrayEquals(FakeElevenLabs.pcm(TEXT), pcm);
        FakeElevenLabs.Received r = fake.speechRequests().getFirst();
        assertEquals("POST", r.method());
        assertEquals("/v1/text-to-speech/" + FakeElevenLabs.VOICE + "/stream", r.path());
        assertEquals("output_format=pcm_16000", r.query());
        assertEquals(FakeElevenLabs.KEY, r.key());
        assertTrue(r.contentType().startsWith("application/json"), r.contentType());
        JsonNode body = r.body();
        assertEquals(TEXT, body.get("text").asText());
        assertEquals("eleven_flash_v2_5", body.get("model_id").asText());
        JsonNode s = body.get("voice_settings");
        assertEquals(0.4, s.get("stability").asDouble());
        assertEquals(0.8, s.get("similarity_boost").asDouble());
        assertEquals(0.2, s.get("style").asDouble());
        assertEquals(1.1, s.get("speed").asDouble());
        assertTrue(s.get("use_speaker_boost").asBoolean());
    }

    @Test
    void mp3ComesAsFramesWhenAskedFor() throws Exception {
        byte[] mp3;
        try (Audio audio = client().speech(FakeElevenLabs.OTHER_VOICE, TEXT, TUNING, ElevenLabsClient.MP3)) {
            mp3 = audio.body().readAllBytes();
        }
        assertArrayEquals(FakeElevenLabs.mp3(TEXT), mp3);
        assertEquals(0xFF, mp3[0] & 0xFF);
        assertEquals(0xFB, mp3[1] & 0xFF);
        assertEquals("output_format=mp3_44100_128", fake.speechRequests().getFirst().query());
    }

    @Test
    void audioIsHandedOnBeforeTheClipIsCompleteAndASilenceEndsIt() throws Exception {
        fake.enqueue(FakeElevenLabs.Audio.stalled(1, Duration.ofSeconds(30)));
        try (Audio audio = client(FakeElevenLabs.KEY, Duration.ofSeconds(1)).speech(FakeElevenLabs.VOICE, TEXT,
                TUNING, ElevenLabsClient.PCM_16000)) {
            InputStream in = audio.body();
            byte[] first = in.readNBytes(FakeElevenLabs.PCM_CHUNK);
            assertArrayEquals(Arrays.copyOf(FakeElevenLabs.pcm(TEXT), FakeElevenLabs.PCM_CHUNK), first,
                    "the first chunk arrives while the fake still makes the rest");
            assertThrows(InterruptedIOException.class, in::readAllBytes);
        }
    }

    @Test
    void aCutStreamEndsInAnError() throws Exception {
        fake.enqueue(FakeElevenLabs.Audio.cutAfter(2));
        try (Audio audio = client().speech(FakeElevenLabs.VOICE, TEXT, TUNING, ElevenLabsClient.PCM_16000)) {
            assertThrows(IOException.class, () -> audio.body().readAllBytes());
        }
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("quota, legacy 401", Error.quotaLegacy(), Kind.QUOTA, "quota_exceeded"),
                Arguments.of("quota, current 400", Error.quota(), Kind.QUOTA, "quota_exceeded"),
                Arguments.of("invalid key, current", Error.invalidKey(), Kind.INVALID_KEY, "invalid_api_key"),
                Arguments.of("invalid key, legacy", Error.invalidKeyLegacy(), Kind.INVALID_KEY, "invalid_api_key"),
                Arguments.of("401, string detail", Error.plain(401, "Unauthorized"), Kind.INVALID_KEY, null),
                Arguments.of("rate limit, wait too long", Error.rateLimit("3600"), Kind.BUSY, "rate_limit_exceeded"),
                Arguments.of("500", Error.server(500), Kind.SERVER, "internal_server_error"),
                Arguments.of("503", Error.server(503), Kind.SERVER, "internal_server_error"),
                Arguments.of("502 from a proxy", Error.badGateway(), Kind.SERVER, null),
                Arguments.of("403 tier", Error.legacy(403, "only_for_creator+", "Upgrade to Creator.",
                        java.util.Map.of()), Kind.REJECTED, "only_for_creator+"),
                Arguments.of("string detail 400", Error.plain(400, "Something is wrong"), Kind.REJECTED, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void everyErrorShapeBecomesATypedError(String name, Error error, Kind kind, String code) {
        fake.enqueue(error);
        TtsException e = assertThrows(TtsException.class, () -> client().speech(FakeElevenLabs.VOICE, TEXT, TUNING,
                ElevenLabsClient.PCM_16000));
        assertEquals(kind, e.kind(), e.getMessage());
        assertEquals(code, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("ElevenLabs answered " + error.status()), e.getMessage());
        assertFalse(e.getMessage().contains(FakeElevenLabs.KEY), e.getMessage());
        assertTrue(waits.isEmpty(), "no retry: " + waits);
        assertEquals(1, fake.speechRequests().size());
        if (error.status() == 429) {
            assertEquals(Duration.ofHours(1), e.retryAfter());
        }
    }

    @Test
    void whatTheFakeRefusesByItselfIsTypedToo() {
        ElevenLabsClient c = client();
        TtsException range = assertThrows(TtsException.class, () -> c.speech(FakeElevenLabs.VOICE, TEXT,
                new Tuning(2.0, 0.5, 0.5, 0), ElevenLabsClient.PCM_16000));
        assertEquals(Kind.REJECTED, range.kind());
        assertEquals("validation_error", range.code());
        assertTrue(range.getMessage().contains("speed"), range.getMessage());
        TtsException voice = assertThrows(TtsException.class, () -> c.speech("nosuchvoice", TEXT, TUNING,
                ElevenLabsClient.PCM_16000));
        assertEquals("voice_not_found", voice.code());
        fake.modelLimit("eleven_flash_v2_5", 10);
        assertEquals(Kind.TOO_LONG, assertThrows(TtsException.class, () -> c.speech(FakeElevenLabs.VOICE, TEXT,
                TUNING, ElevenLabsClient.PCM_16000)).kind());
        TtsException key = assertThrows(TtsException.class, () -> client("sk_wrong", Duration.ofSeconds(5))
                .speech(FakeElevenLabs.VOICE, TEXT, TUNING, ElevenLabsClient.PCM_16000));
        assertEquals(Kind.INVALID_KEY, key.kind());
        assertTrue(key.getMessage().contains("check elevenlabs-api-key"), key.getMessage());
    }

    @Test
    void a429IsTriedOnceMoreAfterItsRetryAfter() throws Exception {
        fake.enqueue(Error.concurrentLimit("1"));
        try (Audio audio = client().speech(FakeElevenLabs.VOICE, TEXT, TUNING, ElevenLabsClient.PCM_16000)) {
            assertArrayEquals(FakeElevenLabs.pcm(TEXT), audio.body().readAllBytes());
        }
        assertEquals(List.of(Duration.ofSeconds(1)), waits);
        assertEquals(2, fake.speechRequests().size());
    }

    @Test
    void legacy429sWithoutRetryAfterWaitTheDefaultOnceThenFail() {
        fake.enqueue(Error.systemBusyLegacy(), Error.tooManyConcurrentLegacy());
        TtsException e = assertThrows(TtsException.class, () -> client().speech(FakeElevenLabs.VOICE, TEXT, TUNING,
                ElevenLabsClient.PCM_16000));
        assertEquals(Kind.BUSY, e.kind());
        assertEquals("too_many_concurrent_requests", e.code());
        assertNull(e.retryAfter());
        assertEquals(List.of(ElevenLabsClient.DEFAULT_RETRY_WAIT), waits, "one wait, one retry");
        assertEquals(2, fake.speechRequests().size());
    }

    @Test
    void noAnswerInTimeAndNoServerAreTyped() throws Exception {
        fake.enqueue(FakeElevenLabs.Audio.silentHeaders(Duration.ofSeconds(5)));
        assertEquals(Kind.TIMEOUT, assertThrows(TtsException.class, () -> client(FakeElevenLabs.KEY,
                Duration.ofSeconds(1)).speech(FakeElevenLabs.VOICE, TEXT, TUNING, ElevenLabsClient.PCM_16000)).kind());
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        ElevenLabsClient nowhere = new ElevenLabsClient(settings("http://127.0.0.1:" + closed, FakeElevenLabs.KEY,
                Duration.ofSeconds(2)), Clock.systemUTC(), waits::add);
        assertEquals(Kind.UNREACHABLE, assertThrows(TtsException.class, nowhere::voices).kind());
    }

    @Test
    void voicesAndModelsComeFromTheKey() throws Exception {
        List<Voice> voices = client().voices();
        assertEquals(List.of(FakeElevenLabs.VOICE, FakeElevenLabs.OTHER_VOICE), voices.stream().map(Voice::voiceId)
                .toList());
        assertEquals("George", voices.getFirst().name());
        fake.modelLimit("eleven_flash_v2_5", 1234);
        Model flash = client().models().stream().filter(m -> m.modelId().equals("eleven_flash_v2_5")).findFirst()
                .orElseThrow();
        assertEquals(1234, flash.maxCharacters());
        assertTrue(flash.textToSpeech());
        assertTrue(fake.received().stream().allMatch(r -> FakeElevenLabs.KEY.equals(r.key())));
        assertEquals(Kind.INVALID_KEY, assertThrows(TtsException.class, () -> client("sk_wrong",
                Duration.ofSeconds(5)).voices()).kind());
    }

    @Test
    void theSettingsNeverShowTheKey() {
        String text = settings(fake.url(), FakeElevenLabs.KEY, Duration.ofSeconds(1)).toString();
        assertFalse(text.contains(FakeElevenLabs.KEY), text);
        assertTrue(text.contains("apiKey=***"), text);
    }
}
