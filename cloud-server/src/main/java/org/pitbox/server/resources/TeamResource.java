package org.pitbox.server.resources;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import org.pitbox.protocol.api.InviteView;
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
@Tag(name = "teams")
public final class TeamResource {
    private final TeamService teams;

    public TeamResource(TeamService teams) {
        this.teams = teams;
    }

    @POST
    @Operation(summary = "Create a team; the caller becomes its owner")
    @ApiResponse(responseCode = "201", description = "The team",
            content = @Content(schema = @Schema(implementation = TeamView.class)))
    public Response create(@Context SecurityContext sc, CreateTeamRequest body) {
        String name = Require.text("name", Require.body(body).name(), 100);
        return Response.status(201).entity(teams.create(AuthFilter.user(sc), name)).build();
    }

    @GET
    @Operation(summary = "The caller's teams")
    @ApiResponse(responseCode = "200", description = "Teams with the caller's role",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = TeamView.class))))
    public List<TeamView> mine(@Context SecurityContext sc) {
        return teams.mine(AuthFilter.user(sc));
    }

    @GET
    @Path("{teamId}/members")
    @Operation(summary = "Members of a team (any member)")
    @ApiResponse(responseCode = "200", description = "Members",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = MemberView.class))))
    @ApiResponse(responseCode = "404", description = OpenApiConventions.TEAM_NOT_FOUND)
    public List<MemberView> members(@Context SecurityContext sc, @PathParam("teamId") long teamId) {
        return teams.members(AuthFilter.user(sc), teamId);
    }

    @POST
    @Path("{teamId}/invites")
    @Operation(summary = "Make a single-use invite code (owner only)")
    @ApiResponse(responseCode = "201", description = "The invite",
            content = @Content(schema = @Schema(implementation = InviteView.class)))
    @ApiResponse(responseCode = "403", description = OpenApiConventions.FORBIDDEN)
    @ApiResponse(responseCode = "404", description = OpenApiConventions.TEAM_NOT_FOUND)
    public Response invite(@Context SecurityContext sc, @PathParam("teamId") long teamId, CreateInviteRequest body) {
        Role role = Role.parse(Require.text("role", Require.body(body).role(), 16));
        return Response.status(201).entity(teams.invite(AuthFilter.user(sc), teamId, role)).build();
    }

    @DELETE
    @Path("{teamId}/invites/{code}")
    @Operation(summary = "Revoke an invite (owner only): its code then answers 404")
    @ApiResponse(responseCode = "204", description = "Revoked")
    @ApiResponse(responseCode = "403", description = OpenApiConventions.FORBIDDEN)
    @ApiResponse(responseCode = "404",
            description = "No such team for the caller (`team_not_found`) or no such invite in it (`invite_not_found`)")
    public Response revokeInvite(@Context SecurityContext sc, @PathParam("teamId") long teamId,
            @PathParam("code") String code) {
        teams.revokeInvite(AuthFilter.user(sc), teamId, Require.text("code", code, 100));
        return Response.noContent().build();
    }

    @DELETE
    @Path("{teamId}/members/me")
    @Operation(summary = "Leave the team; the last owner cannot")
    @ApiResponse(responseCode = "204", description = "Left")
    @ApiResponse(responseCode = "404", description = OpenApiConventions.TEAM_NOT_FOUND)
    @ApiResponse(responseCode = "409", description = "The caller is the last owner (`last_owner`)")
    public Response leave(@Context SecurityContext sc, @PathParam("teamId") long teamId) {
        teams.remove(AuthFilter.user(sc), teamId, AuthFilter.user(sc).id());
        return Response.noContent().build();
    }

    @DELETE
    @Path("{teamId}/members/{userId}")
    @Operation(summary = "Remove a member (owner only; removing oneself is leaving; an owner is removed only by "
            + "leaving)")
    @ApiResponse(responseCode = "204", description = "Removed")
    @ApiResponse(responseCode = "403",
            description = "The caller's team role is too low, or the member is an owner (`forbidden`)")
    @ApiResponse(responseCode = "404",
            description = "No such team for the caller (`team_not_found`) or no such member (`member_not_found`)")
    @ApiResponse(responseCode = "409", description = "That would remove the last owner (`last_owner`)")
    public Response remove(@Context SecurityContext sc, @PathParam("teamId") long teamId,
            @PathParam("userId") long userId) {
        teams.remove(AuthFilter.user(sc), teamId, userId);
        return Response.noContent().build();
    }
}
