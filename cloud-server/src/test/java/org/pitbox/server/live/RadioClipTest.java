package org.pitbox.server.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pitbox.protocol.live.LiveControl;

/**
 * The driver's {@code radio-clip} over real WebSockets: the same samples reach the session's subscribers of the
 * driver's team only, stamped with the sender; clips that are too long, not PCM, too frequent or from the wrong
 * socket are refused.
 */
class RadioClipTest extends RelayTest {
    @BeforeEach
    void start() throws Exception {
        node = new TestNode(dir);
        client.setMaxTextMessageSize(1 << 20); // a clip is bigger than the client's 64 KiB default
    }

    private static short[] tone(int samples) {
        short[] s = new short[samples];
        for (int i = 0; i < samples; i++) {
            s[i] = (short) (8000 * Math.sin(i * 0.07) + (i % 7) * 100);
        }
        return s;
    }

    @Test
    void theClipReachesTheDriversTeamOnlyWithTheSameSamples() throws Exception {
        TestPublisher driver = driver();
        TestSocket engineer = socket(subscribe(), "engineer-token");
        engineer.await(LiveControl.SESSION);
        rivalDriver();
        TestSocket rival = rival();
        rival.await(LiveControl.SESSION);

        short[] samples = tone(LiveControl.CLIP_RATE * 3);
        driver.socket.send(LiveControl.radioClip(samples, null, 99L, "Someone Else"));
        LiveControl got = engineer.await(LiveControl.RADIO_CLIP);
        assertArrayEquals(samples, got.clipSamples());
        assertEquals(1L, got.userId(), "the server names the sender, not the message");
        assertEquals("Dana Driver", got.name());

        noneBeforeMarker(rival, LiveControl.RADIO_CLIP, "another team's session with the same key hears nothing");
    }

    @Test
    void clipsTooLongMalformedTooFrequentOrFromTheWrongSocketAreRefused() throws Exception {
        TestPublisher driver = driver();
        TestSocket engineer = socket(subscribe(), "engineer-token");
        engineer.await(LiveControl.SESSION);

        engineer.send(LiveControl.radioClip(tone(100), null, null, null));
        assertEquals("radio-clip is for the driver of an open session", engineer.await(LiveControl.ERROR).text());
        driver.socket.sendText("{\"type\":\"radio-clip\",\"audio\":\"AA==\"}");
        assertEquals("radio-clip needs base64 16-bit PCM audio", driver.socket.await(LiveControl.ERROR).text());
        short[] tooLong = tone(LiveControl.MAX_CLIP_SAMPLES + 1);
        LiveControl cut = LiveControl.radioClip(tooLong, null, null, null);
        assertEquals(LiveControl.MAX_CLIP_SAMPLES, cut.clipSamples().length, "the client cuts a clip to 10 s");
        driver.socket.sendText("{\"type\":\"radio-clip\",\"audio\":\""
                + Base64.getEncoder().encodeToString(new byte[2 * tooLong.length]) + "\"}");
        assertEquals("a radio clip is at most 10 seconds", driver.socket.await(LiveControl.ERROR).text());

        driver.socket.send(LiveControl.radioClip(tone(1600), "box", null, null));
        assertEquals("box", engineer.await(LiveControl.RADIO_CLIP).text());
        driver.socket.send(LiveControl.radioClip(tone(1600), "again", null, null));
        assertTrue(driver.socket.await(LiveControl.ERROR).text().startsWith("one radio clip every"),
                "a second clip at once is refused");
    }
}
