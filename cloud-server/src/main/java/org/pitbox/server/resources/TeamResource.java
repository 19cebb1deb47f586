package org.pitbox.server.resources;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.pitbox.protocol.ApiPaths;
import org.pitbox.protocol.api.CreateInviteRequest;
import org.pitbox.protocol.api.CreateTeamRequest;
import org.pitbox.protocol.api.MemberView;
import org.pitbox.protocol.api.TeamView;
import org.pitbox.server.auth.AuthFilter;
import org.pitbox.server.http.Require;
import org.pitbox.server.teams.Role;
import org.pitbox.server.teams.TeamService;

/** Teams, members and invites. */
@Path(ApiPaths.TEAMS)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public final class TeamResource {
    private final TeamService teams;

    public TeamResource(TeamService teams) {
        this.teams = teams;
    }

    @POST
    public Response create(@Context SecurityContext sc, CreateTeamRequest body) {
        String name = Require.text("name", Require.body(body).name(), 100);
        return Response.status(201).entity(teams.create(AuthFilter.user(sc), name)).build();
    }

    @GET
    public List<TeamView> mine(@Context SecurityContext sc) {
        return teams.mine(AuthFilter.user(sc));
    }

    @GET
    @Path("{teamId}/members")
    public List<MemberView> members(@Context SecurityContext sc, @PathParam("teamId") long teamId) {
        return teams.members(AuthFilter.user(sc), teamId);
    }

    @POST
    @Path("{teamId}/invites")
    public Response invite(@Context SecurityContext sc, @PathParam("teamId") long teamId, CreateInviteRequest body) {
        Role role = Role.parse(Require.text("role", Require.body(body).role(), 16));
        return Response.status(201).entity(teams.invite(AuthFilter.user(sc), teamId, role)).build();
    }

    @DELETE
    @Path("{teamId}/invites/{code}")
    public Response revokeInvite(@Context SecurityContext sc, @PathParam("teamId") long teamId,
            @PathParam("code") String code) {
        teams.revokeInvite(AuthFilter.user(sc), teamId, Require.text("code", code, 100));
        return Response.noContent().build();
    }

    @DELETE
    @Path("{teamId}/members/me")
    public Response leave(@Context SecurityContext sc, @PathParam("teamId") long teamId) {
        teams.remove(AuthFilter.user(sc), teamId, AuthFilter.user(sc).id());
        return Response.noContent().build();
    }

    @DELETE
    @Path("{teamId}/members/{userId}")
    public Response remove(@Context SecurityContext sc, @PathParam("teamId") long teamId,
            @PathParam("userId") long userId) {
        teams.remove(AuthFilter.user(sc), teamId, userId);
        return Response.noContent().build();
    }
}
