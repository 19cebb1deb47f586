package org.pitbox.server.voice;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.pitbox.protocol.api.VoiceApi;
import org.pitbox.protocol.api.VoiceApi.ProfileRequest;
import org.pitbox.protocol.api.VoiceApi.ProfileView;
import org.pitbox.server.http.ApiException;
import org.pitbox.server.http.Require;
import org.pitbox.server.voice.ElevenLabsClient.Voice;

/**
 * Voice profiles: the team's default (set by its owner) and each driver's own (set by the driver). Speech uses the
 * driver's, else the team's, else the server's default. Values are checked against ElevenLabs' documented ranges,
 * and the voice against the key's voices when they can be had.
 */
final class Profiles {
    static final String VOICE_ID = "[A-Za-z0-9_-]{1,64}";
    /** ElevenLabs' own defaults for the settings a profile leaves out. */
    static final double SPEED = 1.0, STABILITY = 0.5, SIMILARITY = 0.75, STYLE = 0.0;

    private final VoiceDao dao;
    private final String defaultVoice;
    private final VoiceCatalog catalog;
    private final Clock clock;

    /** @param catalog null when no key is configured (voices are then checked by form only) */
    Profiles(VoiceDao dao, String defaultVoice, VoiceCatalog catalog, Clock clock) {
        this.dao = dao;
        this.defaultVoice = defaultVoice;
        this.catalog = catalog;
        this.clock = clock;
    }

    ProfileView serverDefault() {
        return new ProfileView("default", defaultVoice, SPEED, STABILITY, SIMILARITY, STYLE);
    }

    /** The team's default profile, or the server's. */
    ProfileView team(long teamId) {
        return dao.teamProfile(teamId).orElseGet(this::serverDefault);
    }

    /** The profile a driver's speech uses. */
    ProfileView effective(long teamId, long userId) {
        return dao.driverProfile(teamId, userId).orElseGet(() -> team(teamId));
    }

    ProfileView setTeam(long teamId, ProfileRequest body) {
        ProfileView p = checked("team", body);
        dao.setTeamProfile(teamId, p, clock.instant());
        return p;
    }

    ProfileView setDriver(long teamId, long userId, ProfileRequest body) {
        ProfileView p = checked("driver", body);
        dao.setDriverProfile(teamId, userId, p, clock.instant());
        return p;
    }

    /** A profile to hear before it is saved: checked as a stored one would be, stored nowhere. */
    ProfileView trial(ProfileRequest body) {
        return checked("trial", body);
    }

    /** The request with defaults filled in; 400 for a value out of range or a voice the key does not offer. */
    private ProfileView checked(String scope, ProfileRequest body) {
        Require.body(body);
        String voice = body.voiceId() == null ? defaultVoice : body.voiceId().strip();
        if (!voice.matches(VOICE_ID)) {
            throw ApiException.badRequest("invalid_field", "voiceId must be 1..64 letters, digits, '-' or '_'");
        }
        Optional<List<Voice>> known = catalog == null ? Optional.empty() : catalog.voicesIfKnown();
        if (known.isPresent() && known.get().stream().noneMatch(v -> v.voiceId().equals(voice))) {
            throw ApiException.badRequest("unknown_voice", "the team's ElevenLabs key offers no voice " + voice
                    + " (GET .../voice/voices lists them)");
        }
        return new ProfileView(scope, voice, range("speed", body.speed(), SPEED, VoiceApi.MIN_SPEED,
                VoiceApi.MAX_SPEED), range("stability", body.stability(), STABILITY, 0, 1),
                range("similarity", body.similarity(), SIMILARITY, 0, 1), range("style", body.style(), STYLE, 0, 1));
    }

    private static double range(String field, Double value, double fallback, double min, double max) {
        double v = value == null ? fallback : value;
        if (!(v >= min && v <= max)) {
            throw ApiException.badRequest("invalid_field", field + " must be " + min + ".." + max);
        }
        return v;
    }
}
