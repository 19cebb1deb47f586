package org.pitbox.server.resources;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "ops")
public final class HealthResource {
    private final String version;
    private final Map<String, BooleanSupplier> checks;

    public HealthResource(String version, Map<String, BooleanSupplier> checks) {
        this.version = version;
        this.checks = checks;
    }

    @GET
    @Operation(summary = "Liveness and readiness (database, and the checks other parts add, e.g. nats)")
    @ApiResponse(responseCode = "200", description = "All checks UP",
            content = @Content(schema = @Schema(implementation = HealthReport.class)))
    @ApiResponse(responseCode = "503", description = "Some check DOWN",
            content = @Content(schema = @Schema(implementation = HealthReport.class)))
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
