package org.pitbox.server.live;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Live relay settings.
 *
 * @param dataDir         spool and finished recordings go under {@code dataDir/live}
 * @param natsUrl         NATS server that links the nodes; null relays in-process (single node)
 * @param subscriberQueue frames in flight per subscriber before it drops
 * @param resumeGrace     how long a session waits for its publisher to reconnect before it ends
 * @param limits          what one client may make the relay hold, and a session's recording
 * @param orphanAfter     with JetStream: a recording no node claims, with no frame for this long (its node
 *                        crashed), is stored by another node
 */
public record LiveConfig(Path dataDir, String natsUrl, int subscriberQueue, Duration resumeGrace, LiveLimits limits,
        Duration orphanAfter) {
    /** How long a recording of a crashed node waits, after its last frame, before another node stores it. */
    public static final Duration ORPHAN_AFTER = Duration.ofMinutes(2);

    public LiveConfig {
        if (subscriberQueue < 1) {
            throw new IllegalArgumentException("subscriber queue must be at least 1");
        }
    }

    public static LiveConfig defaults(Path dataDir) {
        return new LiveConfig(dataDir, null, 256, Duration.ofSeconds(60), LiveLimits.DEFAULTS, ORPHAN_AFTER);
    }

    public LiveConfig withNats(String url) {
        return new LiveConfig(dataDir, url, subscriberQueue, resumeGrace, limits, orphanAfter);
    }

    public LiveConfig withSubscriberQueue(int frames) {
        return new LiveConfig(dataDir, natsUrl, frames, resumeGrace, limits, orphanAfter);
    }

    public LiveConfig withResumeGrace(Duration grace) {
        return new LiveConfig(dataDir, natsUrl, subscriberQueue, grace, limits, orphanAfter);
    }

    public LiveConfig withLimits(LiveLimits newLimits) {
        return new LiveConfig(dataDir, natsUrl, subscriberQueue, resumeGrace, newLimits, orphanAfter);
    }

    public LiveConfig withOrphanAfter(Duration after) {
        return new LiveConfig(dataDir, natsUrl, subscriberQueue, resumeGrace, limits, after);
    }
}
