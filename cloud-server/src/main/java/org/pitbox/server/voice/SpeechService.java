package org.pitbox.server.voice;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pitbox.protocol.api.VoiceApi;
import org.pitbox.protocol.api.VoiceApi.BudgetRequest;
import org.pitbox.protocol.api.VoiceApi.BudgetView;
import org.pitbox.protocol.api.VoiceApi.ProfileRequest;
import org.pitbox.protocol.api.VoiceApi.ProfileView;
import org.pitbox.protocol.api.VoiceApi.SpeechRequest;
import org.pitbox.protocol.api.VoiceApi.VoiceView;
import org.pitbox.protocol.api.VoiceApi.Voices;
import org.pitbox.server.auth.AuthUser;
import org.pitbox.server.http.ApiException;
import org.pitbox.server.http.Require;
import org.pitbox.server.teams.Role;
import org.pitbox.server.teams.TeamAccess;
import org.pitbox.server.voice.ElevenLabsClient.Audio;
import org.pitbox.server.voice.ElevenLabsClient.Tuning;
import org.pitbox.server.voice.SpokenParts.Part;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Speech for a team's members from the server's ElevenLabs key, and the voice routes' other work, each behind
 * {@link TeamAccess}. {@link #prepare} does every check and waits for ElevenLabs' first audio, so any failure is
 * still a JSON error the desktop acts on ({@link VoiceApi}'s codes: it then speaks with its local voice);
 * {@link #write} hands the audio on as it arrives and keeps a whole short clip in the cache.
 */
public final class SpeechService {
    /** Characters one request may speak (a radio call, not a book); the model's own limit may be lower. */
    public static final int MAX_TEXT_CHARS = 1000;
    private static final String LOCAL = "; the local voice speaks instead";
    private static final int CHUNK = 4096;
    private static final Logger LOG = LoggerFactory.getLogger(SpeechService.class);

    /** Audio ready to send: {@code first} bytes in hand, then the rest of {@code audio} (null for a cached clip). */
    public record Clip(long teamId, byte[] first, Audio audio, String cacheKey) {
    }

    private final ElevenLabsClient client;
    private final VoiceCatalog catalog;
    private final Profiles profiles;
    private final SpeechBudgets budgets;
    private final SpeechCache cache;
    private final TtsMetrics metrics;
    private final TeamAccess access;
    private final String model;

    /** @param client null when no key is configured */
    SpeechService(ElevenLabsClient client, VoiceCatalog catalog, Profiles profiles, SpeechBudgets budgets,
            SpeechCache cache, TtsMetrics metrics, TeamAccess access, String model) {
        this.client = client;
        this.catalog = catalog;
        this.profiles = profiles;
        this.budgets = budgets;
        this.cache = cache;
        this.metrics = metrics;
        this.access = access;
        this.model = model;
    }

    /** Checks access, text and budgets, then starts the speech (or finds it cached). */
    public Clip prepare(AuthUser user, long teamId, SpeechRequest body) {
        long start = System.nanoTime();
        access.require(user, teamId, Role.VIEWER);
        String text = Require.text("text", Require.body(body).text(), Integer.MAX_VALUE);
        if (text.length() > MAX_TEXT_CHARS) {
            throw tooLong(MAX_TEXT_CHARS);
        }
        long driver = body.driverUserId() == null ? user.id() : body.driverUserId();
        if (!access.isMember(driver, teamId)) {
            throw ApiException.notFound("member_not_found", "no such member of the team");
        }
        ProfileView p = body.trial() != null ? profiles.trial(body.trial()) : profiles.effective(teamId, driver);
        BudgetView budget = budgets.of(teamId);
        try {
            budgets.takeRequest(teamId, budget);
        } catch (ApiException e) {
            metrics.refused(teamId, "requests");
            throw e;
        }
        if (client == null) {
            metrics.error(teamId, "no_key");
            throw new ApiException(503, VoiceApi.TTS_UNAVAILABLE, "the server has no ElevenLabs key" + LOCAL);
        }
        String voice = String.join("\n", Long.toString(teamId), model, p.voiceId(), String.format(Locale.ROOT,
                "%.3f/%.3f/%.3f/%.3f", p.speed(), p.stability(), p.similarity(), p.style()));
        String key = voice + "\n" + text;
        byte[] cached = cache.get(key);
        if (cached != null) {
            metrics.cacheHit(teamId);
            metrics.spoken(teamId, "cache");
            return new Clip(teamId, cached, null, null);
        }
        int limit = catalog.maxCharacters().orElse(MAX_TEXT_CHARS);
        if (text.length() > limit) {
            throw tooLong(limit);
        }
        List<Part> parts = SpokenParts.of(text);
        String shape = voice + "\n\u0001shape\n" + SpokenParts.shape(text);
        if (!parts.isEmpty() && cache.knowsShape(shape)) {
            return fromParts(teamId, shape, p, parts, budget, start);
        }
        checkCharacters(teamId, budget, text.length());
        Audio audio = null;
        try {
            audio = client.speech(p.voiceId(), text, tuning(p), ElevenLabsClient.PCM_16000);
            budgets.countCharacters(teamId, text.length()); // ElevenLabs accepted them: they are paid for
            metrics.sent(teamId, text.length());
            byte[] first = firstBytes(audio.body());
            metrics.firstByte(teamId, start);
            if (!parts.isEmpty()) {
                cache.rememberShape(shape);
            }
            return new Clip(teamId, first, audio, key);
        } catch (TtsException e) {
            close(audio);
            throw failed(teamId, e);
        } catch (IOException e) {
            close(audio);
            throw failed(teamId, new TtsException(TtsException.Kind.DISCONNECTED, "ElevenLabs' audio broke off"
                    + " before its first byte (" + e.getClass().getSimpleName() + ")"));
        }
    }

    /**
     * A line of a shape spoken before, made from cached parts: only the parts not cached yet (usually the new
     * numbers) are spoken, each with the rest of the line as its context, and only they count against the budget.
     */
    private Clip fromParts(long teamId, String shape, ProfileView p, List<Part> parts, BudgetView budget,
            long start) {
        String[] keys = new String[parts.size()];
        byte[][] audio = new byte[parts.size()][];
        int missing = 0;
        for (int i = 0; i < keys.length; i++) {
            keys[i] = shape + "\n\u0001part " + i + "\n" + parts.get(i).text();
            audio[i] = cache.get(keys[i]);
            missing += audio[i] == null ? parts.get(i).text().length() : 0;
        }
        checkCharacters(teamId, budget, missing);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int i = 0; i < keys.length; i++) {
            if (audio[i] == null) {
                audio[i] = speakPart(teamId, p, parts.get(i));
                cache.put(keys[i], audio[i]);
            }
            line.writeBytes(audio[i]);
        }
        if (missing == 0) {
            metrics.cacheHit(teamId);
        } else {
            metrics.firstByte(teamId, start);
        }
        metrics.spoken(teamId, missing == 0 ? "cache" : "parts");
        return new Clip(teamId, line.toByteArray(), null, null);
    }

    /** One part's whole audio, its silent ends trimmed. */
    private byte[] speakPart(long teamId, ProfileView p, Part part) {
        Audio audio = null;
        try {
            audio = client.speech(p.voiceId(), part.text(), part.before(), part.after(), tuning(p),
                    ElevenLabsClient.PCM_16000);
            budgets.countCharacters(teamId, part.text().length());
            metrics.sent(teamId, part.text().length());
            byte[] pcm = audio.body().readNBytes((int) cache.maxClipBytes() + 1);
            if (pcm.length > cache.maxClipBytes()) {
                throw new TtsException(TtsException.Kind.BAD_RESPONSE, "ElevenLabs' audio for a part of a line is"
                        + " longer than the cache keeps");
            }
            return SpokenParts.trim(pcm);
        } catch (TtsException e) {
            throw failed(teamId, e);
        } catch (IOException e) {
            throw failed(teamId, new TtsException(TtsException.Kind.DISCONNECTED, "ElevenLabs' audio broke off ("
                    + e.getClass().getSimpleName() + ")"));
        } finally {
            close(audio);
        }
    }

    private void checkCharacters(long teamId, BudgetView budget, int characters) {
        try {
            budgets.checkCharacters(teamId, budget, characters);
        } catch (ApiException e) {
            metrics.refused(teamId, "characters");
            throw e;
        }
    }

    private static Tuning tuning(ProfileView p) {
        return new Tuning(p.speed(), p.stability(), p.similarity(), p.style());
    }

    /**
     * Sends the clip, flushing each piece as it arrives; a whole clip small enough is cached. When ElevenLabs' audio
     * breaks off, {@code abort} runs, so the client sees a broken answer rather than a short clip that looks whole.
     */
    public void write(Clip clip, OutputStream out, Runnable abort) throws IOException {
        if (clip.audio() == null) {
            out.write(clip.first());
            return;
        }
        try (InputStream in = clip.audio().body()) {
            ByteArrayOutputStream whole = new ByteArrayOutputStream();
            long max = cache.maxClipBytes();
            byte[] buf = clip.first();
            int n = buf.length;
            while (n >= 0) {
                if (n > 0) {
                    out.write(buf, 0, n);
                    out.flush();
                    if (whole.size() + n <= max) {
                        whole.write(buf, 0, n);
                    } else {
                        max = -1;
                    }
                }
                buf = buf.length == CHUNK ? buf : new byte[CHUNK];
                n = read(clip, in, buf, abort);
            }
            metrics.spoken(clip.teamId(), "elevenlabs");
            if (max >= 0 && whole.size() > 0) {
                cache.put(clip.cacheKey(), whole.toByteArray());
            }
        }
    }

    /** Reads upstream audio; a failure there is metered and logged, then cuts the answer short. */
    private int read(Clip clip, InputStream in, byte[] buf, Runnable abort) throws IOException {
        try {
            return in.read(buf);
        } catch (IOException e) {
            metrics.error(clip.teamId(), e instanceof InterruptedIOException ? "timeout" : "disconnected");
            LOG.warn("ElevenLabs' audio for team {} broke off: {}", clip.teamId(), e.getMessage());
            abort.run();
            throw e;
        }
    }

    public Voices voices(AuthUser user, long teamId) {
        access.require(user, teamId, Role.VIEWER);
        if (client == null) {
            throw new ApiException(503, VoiceApi.TTS_UNAVAILABLE, "the server has no ElevenLabs key, so it offers"
                    + " no voices" + LOCAL);
        }
        try {
            List<VoiceView> list = catalog.voices().stream()
                    .map(v -> new VoiceView(v.voiceId(), v.name(), v.category(), v.previewUrl())).toList();
            return new Voices(list);
        } catch (TtsException e) {
            throw failed(teamId, e);
        }
    }

    public ProfileView teamProfile(AuthUser user, long teamId) {
        access.require(user, teamId, Role.VIEWER);
        return profiles.team(teamId);
    }

    public ProfileView setTeamProfile(AuthUser user, long teamId, ProfileRequest body) {
        access.require(user, teamId, Role.OWNER);
        return profiles.setTeam(teamId, body);
    }

    /** The caller's profile in effect: his own, else the team's, else the default. */
    public ProfileView myProfile(AuthUser user, long teamId) {
        access.require(user, teamId, Role.VIEWER);
        return profiles.effective(teamId, user.id());
    }

    /** A driver's own profile; viewers do not drive. */
    public ProfileView setMyProfile(AuthUser user, long teamId, ProfileRequest body) {
        access.require(user, teamId, Role.DRIVER);
        return profiles.setDriver(teamId, user.id(), body);
    }

    public BudgetView budget(AuthUser user, long teamId) {
        access.require(user, teamId, Role.VIEWER);
        return budgets.of(teamId);
    }

    public BudgetView setBudget(AuthUser user, long teamId, BudgetRequest body) {
        access.require(user, teamId, Role.OWNER);
        Require.body(body);
        return budgets.set(teamId, body.requestsPerMinute(), body.charactersPerDay());
    }

    /** The JSON error for a failed call: logged and metered here, with a message for people. */
    private ApiException failed(long teamId, TtsException e) {
        metrics.error(teamId, e.kind().wire());
        LOG.warn("no speech from ElevenLabs for team {}: {}", teamId, e.getMessage());
        return switch (e.kind()) {
            case QUOTA -> new ApiException(503, VoiceApi.TTS_QUOTA, "the team's ElevenLabs credits are used up"
                    + LOCAL);
            case INVALID_KEY -> new ApiException(503, VoiceApi.TTS_UNAVAILABLE, "ElevenLabs refused the server's key"
                    + LOCAL);
            case BUSY -> new ApiException(503, VoiceApi.TTS_BUSY, "ElevenLabs is busy (its rate or concurrency"
                    + " limit)" + LOCAL, e.retryAfter() == null ? Map.of()
                            : Map.of("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds()))));
            case TOO_LONG -> tooLong(catalog.maxCharacters().orElse(MAX_TEXT_CHARS));
            case TIMEOUT -> new ApiException(503, VoiceApi.TTS_UNAVAILABLE, "ElevenLabs did not answer in time"
                    + LOCAL);
            default -> new ApiException(503, VoiceApi.TTS_UNAVAILABLE, "ElevenLabs failed ("
                    + e.kind().wire().replace('_', ' ') + ")" + LOCAL);
        };
    }

    private static ApiException tooLong(int limit) {
        return ApiException.badRequest(VoiceApi.TTS_TOO_LONG, "text is longer than " + limit + " characters;"
                + " split it into shorter messages");
    }

    /** The first bytes of audio, waiting for them; an empty answer is a failure. */
    private static byte[] firstBytes(InputStream in) throws IOException, TtsException {
        byte[] buf = new byte[CHUNK];
        int n = in.read(buf);
        if (n < 0) {
            throw new TtsException(TtsException.Kind.BAD_RESPONSE, "ElevenLabs answered 200 without audio");
        }
        return Arrays.copyOf(buf, n);
    }

    private static void close(Audio audio) {
        if (audio != null) {
            try {
                audio.close();
            } catch (IOException e) {
                // already failed; nothing more to say
            }
        }
    }
}
