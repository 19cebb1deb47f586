package org.pitbox.server.resources;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.pitbox.protocol.ApiPaths;
import org.pitbox.protocol.HealthReport;

/** Liveness and readiness: 200 when every dependency answers, 503 otherwise. */
@Path(ApiPaths.HEALTH)
@Produces(MediaType.APPLICATION_JSON)
public final class HealthResource {
    private final String version;
    private final BooleanSupplier databaseReady;

    public HealthResource(String version, BooleanSupplier databaseReady) {
        this.version = version;
        this.databaseReady = databaseReady;
    }

    @GET
    public Response health() {
        String db = databaseReady.getAsBoolean() ? HealthReport.UP : HealthReport.DOWN;
        HealthReport report = HealthReport.of(version, Map.of("database", db, "relay", HealthReport.UP));
        return Response.status(report.isUp() ? 200 : 503).entity(report).build();
    }
}
