package org.pitbox.server.resources;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.pitbox.protocol.ApiPaths;
import org.pitbox.protocol.api.TeamView;
import org.pitbox.server.auth.AuthFilter;
import org.pitbox.server.teams.TeamService;

/** Accepting an invite code: the caller joins its team. */
@Path(ApiPaths.INVITES)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "teams")
public final class InviteResource {
    private final TeamService teams;

    public InviteResource(TeamService teams) {
        this.teams = teams;
    }

    @POST
    @Path("{code}/accept")
    @Operation(summary = "Join the invite's team with its role")
    @ApiResponse(responseCode = "200", description = "The joined team",
            content = @Content(schema = @Schema(implementation = TeamView.class)))
    @ApiResponse(responseCode = "404", description = "Unknown code (`invite_not_found`)")
    @ApiResponse(responseCode = "409", description = "Already a member (`already_member`)")
    @ApiResponse(responseCode = "410",
            description = "The code was used (`invite_used`) or has expired (`invite_expired`)")
    public TeamView accept(@Context SecurityContext sc, @PathParam("code") String code) {
        return teams.accept(AuthFilter.user(sc), code);
    }
}
