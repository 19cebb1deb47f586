package org.pitbox.server.backup;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.SQLException;
import org.pitbox.protocol.ApiPaths;
import org.pitbox.server.http.ApiException;

/** The backup download, for an operator holding the configured admin token; without one it is off (404). */
@Path(ApiPaths.API_ROOT + "/admin/backup")
@PermitAll
public final class BackupResource {
    private final Backup backup;
    private final byte[] expected;

    public BackupResource(Backup backup, String adminToken) {
        this.backup = backup;
        this.expected = adminToken == null ? null : ("Bearer " + adminToken).getBytes(StandardCharsets.UTF_8);
    }

    @GET
    @Produces({"application/zip", "application/json"})
    public Response download(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        if (expected == null) {
            throw ApiException.notFound("admin_disabled", "backups over HTTP are off: the server has no admin-token");
        }
        if (authorization == null || !MessageDigest.isEqual(expected,
                authorization.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiException(401, "invalid_admin_token", "a backup needs the configured admin token");
        }
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
