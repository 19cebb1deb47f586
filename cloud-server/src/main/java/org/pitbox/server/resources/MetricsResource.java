package org.pitbox.server.resources;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.pitbox.protocol.ApiPaths;
import org.pitbox.server.http.OperatorToken;
import org.pitbox.server.metrics.Metrics;

/**
 * Prometheus scrape endpoint, for a scraper holding the configured metrics token as its bearer token; without
 * a configured token there are no metrics to scrape (404).
 */
@Path(ApiPaths.METRICS)
@PermitAll
@Tag(name = "ops")
public final class MetricsResource {
    private final Metrics metrics;
    private final OperatorToken token;

    public MetricsResource(Metrics metrics, String token) {
        this.metrics = metrics;
        this.token = new OperatorToken(token, "metrics", "metrics-token");
    }

    @GET
    @Produces("text/plain; version=0.0.4; charset=utf-8")
    @Operation(summary = "Prometheus text format 0.0.4, for a scraper sending the configured metrics token as its "
            + "bearer token")
    @ApiResponse(responseCode = "200", description = "metrics",
            content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "401", description = "Missing or wrong metrics token (`invalid_metrics_token`)")
    @ApiResponse(responseCode = "404",
            description = "The server has no metrics-token: metrics are off (`metrics_disabled`)")
    public String scrape(@Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        token.check(authorization, "metrics are off", "metrics need the configured metrics token");
        return metrics.text();
    }
}
