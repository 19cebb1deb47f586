package org.pitbox.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pitbox.protocol.api.VoiceApi;
import org.pitbox.protocol.api.VoiceApi.ProfileView;

/** A server without an ElevenLabs key: speech and voices answer {@code tts_unavailable}; profiles still work. */
class VoiceWithoutKeyTest extends ApiTestBase {
    @Test
    void theDesktopIsToldToUseItsLocalVoice() throws Exception {
        User owner = newUser();
        long team = newTeam(owner);
        String voice = "/api/v1/teams/" + team + "/voice/";
        Resp r = send("POST", voice + "speech", owner.token(), Map.of("text", "Box this lap.")).fails(503,
                VoiceApi.TTS_UNAVAILABLE);
        assertTrue(r.error().message().contains("no ElevenLabs key") && r.error().message().contains("local voice"),
                r.body());
        send("GET", voice + "voices", owner.token(), null).fails(503, VoiceApi.TTS_UNAVAILABLE);
        ProfileView p = send("PUT", voice + "profiles/me", owner.token(), Map.of("voiceId", "AnyVoice42", "style",
                0.4)).is(200).as(ProfileView.class);
        assertEquals(new ProfileView("driver", "AnyVoice42", 1.0, 0.5, 0.75, 0.4), p);
        String metrics = send("GET", "/metrics", METRICS_TOKEN, null).is(200).body();
        assertTrue(metrics.contains("pitbox_tts_errors_total{kind=\"no_key\",team=\"" + team + "\"} 1.0"), metrics);
    }
}
