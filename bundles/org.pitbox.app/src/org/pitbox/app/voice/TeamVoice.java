package org.pitbox.app.voice;

import java.io.IOException;
import java.io.InputStream;
import org.pitbox.app.team.TeamSession;
import org.pitbox.client.SpeechClient;
import org.pitbox.protocol.api.VoiceApi.ProfileRequest;
import org.pitbox.protocol.api.TeamView;
import org.pitbox.voice.speak.PcmOutput;
import org.pitbox.voice.speak.Voice;
import org.pitbox.voice.speak.VoiceException;

/**
 * The team's voice: ElevenLabs through the team server, which holds the key and the team's voice profiles. When
 * the server cannot speak (not signed in, no key there, over the team's budget, offline) the local voice says
 * the message instead and {@link #problem()} tells why, so the driver always hears it.
 */
public final class TeamVoice implements Voice {
    /** 20 ms of 16 kHz mono 16-bit PCM: what is handed on at a time. */
    private static final int PIECE = PcmOutput.BYTES_PER_SECOND / 50;

    private final TeamSession team;
    private final Voice local;
    private final ProfileRequest trial;
    private volatile String problem;

    public TeamVoice(TeamSession team, Voice local) {
        this(team, local, null);
    }

    /** A team voice that speaks in the {@code trial} profile (not saved), or the stored one when it is null. */
    public TeamVoice(TeamSession team, Voice local, ProfileRequest trial) {
        this.team = team;
        this.local = local;
        this.trial = trial;
    }

    @Override
    public String name() {
        String p = problem;
        return p == null ? "Team voice (ElevenLabs through the server)"
                : "Team voice, now the local voice: " + p;
    }

    /** Why the last message was not in the team's voice, or null. */
    public String problem() {
        return problem;
    }

    @Override
    public void speak(String text, PcmOutput out) throws VoiceException {
        TeamView t = team.team();
        if (!team.signedIn() || t == null) {
            problem = "not signed in to a team";
            local.speak(text, out);
            return;
        }
        boolean started = false;
        try (InputStream pcm = new SpeechClient(team.client()).speech(t.id(), text, null, trial)) {
            byte[] piece = new byte[PIECE];
            int n;
            while ((n = pcm.readNBytes(piece, 0, PIECE)) > 0) {
                started = true;
                if (!out.write(piece, 0, n & ~1)) {
                    return;
                }
            }
            problem = null;
        } catch (IOException e) {
            problem = e.getMessage();
            if (started) {
                throw new VoiceException("The team voice broke off: " + e.getMessage(), e);
            }
            local.speak(text, out);
        }
    }
}
