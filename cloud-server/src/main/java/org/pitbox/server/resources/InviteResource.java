package org.pitbox.server.resources;

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
public final class InviteResource {
    private final TeamService teams;

    public InviteResource(TeamService teams) {
        this.teams = teams;
    }

    @POST
    @Path("{code}/accept")
    public TeamView accept(@Context SecurityContext sc, @PathParam("code") String code) {
        return teams.accept(AuthFilter.user(sc), code);
    }
}
