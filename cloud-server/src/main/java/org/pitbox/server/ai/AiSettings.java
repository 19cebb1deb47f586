package org.pitbox.server.ai;

import java.net.URI;
import java.time.Duration;

/**
 * How the server reaches GradientAI and what each team may use of it by default. The endpoint is the agent's
 * ({@code POST {baseUrl}/api/v1/chat/completions?agent=true}) unless {@code model} is set: then it is serverless
 * inference ({@code POST {baseUrl}/v1/chat/completions} with that model). The key is a secret: only
 * {@link #toString()}'s {@code ***} ever shows it.
 *
 * @param baseUrl           the agent's URL or the inference URL; null when no agent is configured
 * @param apiKey            the agent's endpoint access key or the model access key
 * @param model             the serverless model, null for the agent endpoint
 * @param timeout           for the answer's headers and then for each silence in its stream
 * @param requestsPerMinute a team's default request budget
 * @param tokensPerDay      a team's default token budget (UTC days)
 * @param tools             whether requests offer the model the server's functions over the session's telemetry
 *                          ({@code tools}; setting gradient-tools, on by default: both endpoints take them)
 */
public record AiSettings(String baseUrl, String apiKey, String model, Duration timeout, int requestsPerMinute,
        long tokensPerDay, boolean tools) {
    public static final String INFERENCE_URL = "https://inference.do-ai.run";

    public AiSettings {
        if (baseUrl != null) {
            baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
            URI uri = URI.create(baseUrl);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("gradient-base-url must be an http(s) URL");
            }
        }
    }

    /**
     * The settings from the {@code gradient-*} keys: an agent id alone gives the agent's usual URL, a model alone
     * the serverless inference URL.
     */
    public static AiSettings of(String baseUrl, String apiKey, String agentId, String model, Duration timeout,
            int requestsPerMinute, long tokensPerDay, boolean tools) {
        String url = baseUrl != null ? baseUrl
                : model != null ? INFERENCE_URL
                : agentId != null ? "https://" + agentId + ".agents.do-ai.run" : null;
        return new AiSettings(url, apiKey, model, timeout, requestsPerMinute, tokensPerDay, tools);
    }

    /** True when an endpoint and its key are both set. */
    public boolean configured() {
        return baseUrl != null && apiKey != null;
    }

    @Override
    public String toString() {
        return "[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "unset" : "***") + ", model=" + model
                + ", timeout=" + timeout + ", requestsPerMinute=" + requestsPerMinute + ", tokensPerDay="
                + tokensPerDay + ", tools=" + tools + "]";
    }
}
