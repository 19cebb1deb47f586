package org.pitbox.server.backup;

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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.sql.SQLException;
import org.pitbox.protocol.ApiPaths;
import org.pitbox.server.http.OperatorToken;

/** The backup download, for an operator holding the configured admin token; without one it is off (404). */
@Path(ApiPaths.API_ROOT + "/admin/backup")
@PermitAll
@Tag(name = "ops")
public final class BackupResource {
    private final Backup backup;
    private final OperatorToken token;

    public BackupResource(Backup backup, String adminToken) {
        this.backup = backup;
        this.token = new OperatorToken(adminToken, "admin", "admin-token");
    }

    @GET
    @Produces({"application/zip", "application/json"})
    @Operation(summary = "A consistent backup of the database and the stored sessions as one zip (what `pitbox server"
            + " backup --to DIR` fetches), for an operator sending the configured admin token as the bearer token")
    @ApiResponse(responseCode = "200", description = "the backup zip",
            content = @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "401", description = "Missing or wrong admin token (`invalid_admin_token`)")
    @ApiResponse(responseCode = "404",
            description = "The server has no admin-token: backups over HTTP are off (`admin_disabled`)")
    public Response download(@Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        token.check(authorization, "backups over HTTP are off", "a backup needs the configured admin token");
        StreamingOutput body = out -> {
            try {
                backup.write(out);
            } catch (SQLException e) {
                throw new IOException("the backup stopped: " + e.getMessage(), e);
            }
        };
        return Response.ok(body, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"pitbox-backup.zip\"").build();
    }
}
