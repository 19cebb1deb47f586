package org.pitbox.server.ai;

import org.pitbox.server.metrics.Metrics;

/** What the AI gateway meters, by team: requests, tokens, latency, errors, fallbacks and refusals. */
public final class AiMetrics {
    private static final double[] LATENCY_BUCKETS = {0.25, 0.5, 1, 2, 4, 8, 16, 32};

    private final Metrics.Counter requests;
    private final Metrics.Counter tokens;
    private final Metrics.Counter errors;
    private final Metrics.Counter fallbacks;
    private final Metrics.Counter refused;
    private final Metrics.Histogram latency;

    public AiMetrics(Metrics metrics) {
        requests = metrics.counter("pitbox_ai_requests_total", "AI answers given, by team and source", "team",
                "source");
        tokens = metrics.counter("pitbox_ai_tokens_total", "GradientAI tokens used, by team", "team");
        errors = metrics.counter("pitbox_ai_errors_total", "Failed GradientAI calls, by team and kind", "team",
                "kind");
        fallbacks = metrics.counter("pitbox_ai_fallbacks_total", "Answers from the rule-based fallback, by team and"
                + " reason", "team", "reason");
        refused = metrics.counter("pitbox_ai_refused_total", "Questions refused over the team's request budget",
                "team");
        latency = metrics.histogram("pitbox_ai_latency_seconds", "Time to a whole AI answer, by team and source",
                LATENCY_BUCKETS, "team", "source");
    }

    public void answered(long team, String source, int tokenCount, double seconds) {
        requests.inc(Long.toString(team), source);
        tokens.add(tokenCount, Long.toString(team));
        latency.observe(seconds, Long.toString(team), source);
    }

    public void error(long team, AiException.Kind kind) {
        errors.inc(Long.toString(team), kind.wire());
    }

    public void fallback(long team, String reason) {
        fallbacks.inc(Long.toString(team), reason);
    }

    public void refused(long team) {
        refused.inc(Long.toString(team));
    }
}
