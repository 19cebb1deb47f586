package org.pitbox.server.resources;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.pitbox.protocol.ApiPaths;
import org.pitbox.protocol.api.CreateSessionRequest;
import org.pitbox.protocol.api.SessionCreated;
import org.pitbox.protocol.api.SessionPage;
import org.pitbox.server.auth.AuthFilter;
import org.pitbox.server.http.Require;
import org.pitbox.server.sessions.SessionService;

/** A team's sessions: the paged list and starting an upload. */
@Path(ApiPaths.TEAMS + "/{teamId}/sessions")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "sessions")
public final class TeamSessionsResource {
    private final SessionService sessions;

    public TeamSessionsResource(SessionService sessions) {
        this.sessions = sessions;
    }

    @GET
    @Operation(summary = "A team's sessions, newest first (any member)")
    @ApiResponse(responseCode = "200", description = "One page",
            content = @Content(schema = @Schema(implementation = SessionPage.class)))
    @ApiResponse(responseCode = "400", description = "Bad paging or filter (`invalid_param`)")
    @ApiResponse(responseCode = "404", description = OpenApiConventions.TEAM_NOT_FOUND)
    public SessionPage list(@Context SecurityContext sc, @PathParam("teamId") long teamId,
            @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("track") String track,
            @QueryParam("car") String car, @QueryParam("driver") String driver, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return sessions.list(AuthFilter.user(sc), teamId, SessionService.filter(track, car, driver, from, to),
                SessionService.pageNumber(page), SessionService.pageSize(size));
    }

    @POST
    @Operation(summary = "Announce an .ibt upload (driver role or higher)")
    @ApiResponse(responseCode = "201", description = "The session id and chunk size",
            content = @Content(schema = @Schema(implementation = SessionCreated.class)))
    @ApiResponse(responseCode = "403", description = OpenApiConventions.FORBIDDEN)
    @ApiResponse(responseCode = "404", description = OpenApiConventions.TEAM_NOT_FOUND)
    @ApiResponse(responseCode = "413",
            description = "The body is over the configured limit (`body_too_large`), the declared size over "
            + "max-session-bytes (`session_too_large`), or the team's sessions would exceed team-quota-bytes "
            + "(`team_quota_exceeded`)")
    @ApiResponse(responseCode = "429",
            description = "The caller has open-uploads-per-user unfinished uploads already (`too_many_uploads`)")
    public Response create(@Context SecurityContext sc, @PathParam("teamId") long teamId, CreateSessionRequest body) {
        return Response.status(201).entity(sessions.create(AuthFilter.user(sc), teamId, Require.body(body))).build();
    }
}
