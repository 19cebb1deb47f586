package org.pitbox.app.voice;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.pitbox.app.live.ClipPlayer;
import org.pitbox.app.team.TeamSession;
import org.pitbox.client.SpeechClient;
import org.pitbox.protocol.api.Roles;
import org.pitbox.protocol.api.TeamView;
import org.pitbox.protocol.api.VoiceApi.ProfileRequest;
import org.pitbox.protocol.api.VoiceApi.ProfileView;
import org.pitbox.protocol.api.VoiceApi.VoiceView;
import org.pitbox.voice.speak.AudioSink;
import org.pitbox.voice.speak.Voice;
import org.pitbox.voice.speak.VoiceException;

/**
 * The team voice's profile the signed-in member edits on the server: their own (drivers and engineers), or for
 * the owner also the team's, in which every member without a profile of their own speaks; the voices the team's
 * key offers; and a test that speaks a sample in the team voice, or in the local voice saying why. Calls run in
 * the background; the futures fail with the server's message.
 */
public final class VoiceProfiles {
    public static final String SAMPLE = "Box this lap. Fuel is good to the end.";

    /**
     * What is edited: the team's profile or the member's own, its values, and the voices to pick from (empty, with
     * the server's reason in {@code voicesProblem}, when the server offers none).
     */
    public record Editing(boolean teamProfile, ProfileView profile, List<VoiceView> voices, String voicesProblem) {
        public String title() {
            return teamProfile ? "The team's voice: for every member without their own" : "Your own voice";
        }
    }

    private final TeamSession team;
    private final Voice local;
    private final ClipPlayer player;

    public VoiceProfiles(TeamSession team, Voice local, AudioSink sink) {
        this.team = team;
        this.local = local;
        this.player = new ClipPlayer(sink);
    }

    /** The team's profile (owners only) or the member's own, with the voices offered. */
    public CompletableFuture<Editing> load(boolean teamProfile) {
        return CompletableFuture.supplyAsync(() -> {
            TeamView t = signedInTeam(teamProfile);
            SpeechClient speech = new SpeechClient(team.client());
            try {
                ProfileView p = teamProfile ? speech.teamProfile(t.id()) : speech.myProfile(t.id());
                try {
                    return new Editing(teamProfile, p, speech.voices(t.id()).voices(), null);
                } catch (IOException e) {
                    return new Editing(teamProfile, p, List.of(), e.getMessage());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Stores the profile being edited; the server checks the values (speed 0.7 to 1.2, the others 0 to 1). */
    public CompletableFuture<ProfileView> save(boolean teamProfile, ProfileRequest profile) {
        return CompletableFuture.supplyAsync(() -> {
            TeamView t = signedInTeam(teamProfile);
            SpeechClient speech = new SpeechClient(team.client());
            try {
                return teamProfile ? speech.setTeamProfile(t.id(), profile) : speech.setMyProfile(t.id(), profile);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Speaks {@link #SAMPLE} in the team voice, in the {@code trial} profile as edited (null: the saved one), or in
     * the local voice when the team voice cannot; the sentence says which.
     */
    public CompletableFuture<String> test(ProfileRequest trial) {
        return CompletableFuture.supplyAsync(() -> {
            TeamVoice voice = new TeamVoice(team, local, trial);
            ByteArrayOutputStream pcm = new ByteArrayOutputStream();
            try {
                voice.speak(SAMPLE, (bytes, offset, length) -> {
                    pcm.write(bytes, offset, length);
                    return true;
                });
            } catch (VoiceException e) {
                throw new IllegalStateException("No voice could speak: " + e.getMessage(), e);
            }
            String said = voice.problem() == null ? trial == null ? "Spoken in the team voice"
                    : "Spoken in the team voice as set here (Save keeps it)"
                    : "Spoken in the local voice: the team voice could not speak (" + voice.problem() + ")";
            return new Sample(said, pcm.toByteArray());
        }).thenCompose(s -> player.play(s.pcm).handle((done, e) -> e == null ? s.said + "."
                : s.said + ". " + (e.getCause() == null ? e : e.getCause()).getMessage() + "."));
    }

    private record Sample(String said, byte[] pcm) {
    }

    private TeamView signedInTeam(boolean teamProfile) {
        TeamView t = team.team();
        if (!team.signedIn() || t == null) {
            throw new IllegalStateException("Sign in to a team under Team first");
        }
        if (teamProfile && !Roles.OWNER.equals(t.role())) {
            throw new IllegalStateException("Only the team's owner sets the team's voice: edit your own");
        }
        if (!teamProfile && Roles.VIEWER.equals(t.role())) {
            throw new IllegalStateException("Viewers have no voice profile: ask the team's owner for the driver role");
        }
        return t;
    }
}
