package org.pitbox.app.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.pitbox.protocol.ApiPaths;
import org.pitbox.protocol.HealthReport;
import org.pitbox.protocol.ProtocolJson;

/** Asks a team server for its health, off the UI thread. */
public final class HealthProbe {
    /** The outcome: the report (null when unreachable), the round trip and a sentence for people. */
    public record Result(HealthReport report, long millis, String summary) {
        public boolean reachable() {
            return report != null;
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public CompletableFuture<Result> check(String serverUrl) {
        URI uri;
        try {
            uri = URI.create(serverUrl.replaceAll("/+$", "") + ApiPaths.HEALTH);
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("no host");
            }
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(
                    new Result(null, 0, "not a server address: " + serverUrl));
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
        long start = System.nanoTime();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, error) -> {
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                return new Result(null, millis, "unreachable (" + cause.getClass().getSimpleName()
                        + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + ")");
            }
            try {
                HealthReport report = ProtocolJson.mapper().readValue(response.body(), HealthReport.class);
                String state = report.isUp() ? "connected" : "degraded";
                return new Result(report, millis, state + ", version " + report.version() + ", " + millis + " ms");
            } catch (Exception e) {
                return new Result(null, millis, "answered HTTP " + response.statusCode()
                        + " but is not a PitBox server");
            }
        });
    }
}
