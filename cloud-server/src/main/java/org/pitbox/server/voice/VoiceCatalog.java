package org.pitbox.server.voice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.pitbox.server.voice.ElevenLabsClient.Model;
import org.pitbox.server.voice.ElevenLabsClient.Voice;

/**
 * What the key offers, asked of ElevenLabs at most every {@link #TTL}: its voices, and the configured model's
 * characters per request. A failed refresh keeps the last answer.
 */
final class VoiceCatalog {
    static final Duration TTL = Duration.ofMinutes(10);

    private final ElevenLabsClient client;
    private final String model;
    private final Clock clock;
    private List<Voice> voices;
    private Instant voicesAt = Instant.MIN;
    private Integer maxCharacters;
    private Instant modelsAt = Instant.MIN;

    VoiceCatalog(ElevenLabsClient client, String model, Clock clock) {
        this.client = client;
        this.model = model;
        this.clock = clock;
    }

    /** The key's voices. */
    synchronized List<Voice> voices() throws TtsException {
        if (voices == null || expired(voicesAt)) {
            try {
                voices = client.voices();
                voicesAt = clock.instant();
            } catch (TtsException e) {
                if (voices == null) {
                    throw e;
                }
            }
        }
        return voices;
    }

    /** The voices when they can be had, else empty (a check against them is then skipped). */
    Optional<List<Voice>> voicesIfKnown() {
        try {
            return Optional.of(voices());
        } catch (TtsException e) {
            return Optional.empty();
        }
    }

    /** The model's characters per request; empty while unknown (ElevenLabs unreachable, or it gives none). */
    synchronized Optional<Integer> maxCharacters() {
        if (expired(modelsAt)) {
            modelsAt = clock.instant(); // a failure is not retried before the TTL either
            try {
                maxCharacters = client.models().stream().filter(m -> m.modelId().equals(model))
                        .map(Model::maxCharacters).filter(n -> n > 0).findFirst().orElse(null);
            } catch (TtsException e) {
                // unknown for now: the server's own bound still holds
            }
        }
        return Optional.ofNullable(maxCharacters);
    }

    private boolean expired(Instant at) {
        return at.plus(TTL).isBefore(clock.instant());
    }
}
