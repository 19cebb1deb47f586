package org.pitbox.server.resources;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.pitbox.protocol.ApiPaths;
import org.pitbox.server.metrics.Metrics;

/** Prometheus scrape endpoint. */
@Path(ApiPaths.METRICS)
@PermitAll
public final class MetricsResource {
    private final Metrics metrics;

    public MetricsResource(Metrics metrics) {
        this.metrics = metrics;
    }

    @GET
    @Produces("text/plain; version=0.0.4; charset=utf-8")
    public String scrape() {
        return metrics.text();
    }
}
