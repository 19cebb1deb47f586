package org.pitbox.server.voice;

import org.pitbox.server.metrics.Metrics;

/** What speech meters, by team: requests, characters sent, time to the first audio, errors, cache hits, refusals. */
final class TtsMetrics {
    private final Metrics.Counter requests;
    private final Metrics.Counter characters;
    private final Metrics.Counter errors;
    private final Metrics.Counter cacheHits;
    private final Metrics.Counter refused;
    private final Metrics.Timer firstByte;

    TtsMetrics(Metrics metrics) {
        requests = metrics.counter("pitbox_tts_requests_total", "Speech requests answered with audio, by team and"
                + " source (elevenlabs, cache or parts)", "team", "source");
        characters = metrics.counter("pitbox_tts_characters_total", "Characters sent to ElevenLabs, by team", "team");
        errors = metrics.counter("pitbox_tts_errors_total", "Speech requests that got no audio from ElevenLabs, by"
                + " team and kind", "team", "kind");
        cacheHits = metrics.counter("pitbox_tts_cache_hits_total", "Speech answered from the phrase cache, by team",
                "team");
        refused = metrics.counter("pitbox_tts_refused_total", "Speech refused over the team's budget, by team and"
                + " reason", "team", "reason");
        firstByte = metrics.timer("pitbox_tts_first_byte_seconds", "Time from the speech request to its first audio"
                + " byte from ElevenLabs, by team", "team");
    }

    void spoken(long team, String source) {
        requests.inc(Long.toString(team), source);
    }

    void sent(long team, int chars) {
        characters.add(chars, Long.toString(team));
    }

    void firstByte(long team, long startNanos) {
        firstByte.since(startNanos, Long.toString(team));
    }

    void error(long team, String kind) {
        errors.inc(Long.toString(team), kind);
    }

    void cacheHit(long team) {
        cacheHits.inc(Long.toString(team));
    }

    void refused(long team, String reason) {
        refused.inc(Long.toString(team), reason);
    }
}
