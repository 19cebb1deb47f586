package org.pitbox.server.voice;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.pitbox.server.db.Jdbc;
import org.pitbox.server.metrics.Metrics;
import org.pitbox.server.teams.TeamAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the voice routes on the configured ElevenLabs key, or, without one, routes that send the local voice. */
public final class VoiceWiring {
    private static final Logger LOG = LoggerFactory.getLogger(VoiceWiring.class);

    private VoiceWiring() {
    }

    public static VoiceResource create(VoiceSettings settings, Jdbc jdbc, TeamAccess access, Metrics metrics,
            Clock clock) {
        ElevenLabsClient client = null;
        VoiceCatalog catalog = null;
        if (settings.configured()) {
            client = new ElevenLabsClient(settings, clock, d -> Thread.sleep(d));
            VoiceCatalog models = new VoiceCatalog(client, settings.model(), clock);
            CompletableFuture.runAsync(models::maxCharacters); // the first speech need not wait for the model list
            catalog = models;
            LOG.info("speech from ElevenLabs at {} ({})", settings.baseUrl(), settings.model());
        } else {
            LOG.info("no ElevenLabs key configured: the desktop speaks with its local voice");
        }
        VoiceDao dao = new VoiceDao(jdbc);
        return new VoiceResource(new SpeechService(client, catalog, new Profiles(dao, settings.voiceId(), catalog,
                clock), new SpeechBudgets(settings, dao, clock), new SpeechCache(settings.cacheBytes()),
                new TtsMetrics(metrics), access, settings.model()));
    }
}
