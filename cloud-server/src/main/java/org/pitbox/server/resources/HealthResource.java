package org.pitbox.server.resources;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.pitbox.protocol.ApiPaths;
import org.pitbox.protocol.HealthReport;

/**
 * Liveness and readiness: 200 when every check answers true, 503 otherwise. The checks map is read on each
 * request, so parts started later (the NATS link) can add theirs, e.g. {@code checks.put("nats", nats::isUp)}.
 */
@Path(ApiPaths.HEALTH)
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public final class HealthResource {
    private final String version;
    private final Map<String, BooleanSupplier> checks;

    public HealthResource(String version, Map<String, BooleanSupplier> checks) {
        this.version = version;
        this.checks = checks;
    }

    @GET
    public Response health() {
        Map<String, String> results = new TreeMap<>();
        checks.forEach((name, check) -> results.put(name, up(check) ? HealthReport.UP : HealthReport.DOWN));
        HealthReport report = HealthReport.of(version, results);
        return Response.status(report.isUp() ? 200 : 503).entity(report).build();
    }

    private static boolean up(BooleanSupplier check) {
        try {
            return check.getAsBoolean();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
