package org.pitbox.server.resources;

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
import org.pitbox.protocol.api.SessionPage;
import org.pitbox.server.auth.AuthFilter;
import org.pitbox.server.http.Require;
import org.pitbox.server.sessions.SessionService;

/** A team's sessions: the paged list and starting an upload. */
@Path(ApiPaths.TEAMS + "/{teamId}/sessions")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public final class TeamSessionsResource {
    private final SessionService sessions;

    public TeamSessionsResource(SessionService sessions) {
        this.sessions = sessions;
    }

    @GET
    public SessionPage list(@Context SecurityContext sc, @PathParam("teamId") long teamId,
            @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("track") String track,
            @QueryParam("car") String car, @QueryParam("driver") String driver, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return sessions.list(AuthFilter.user(sc), teamId, SessionService.filter(track, car, driver, from, to),
                SessionService.pageNumber(page), SessionService.pageSize(size));
    }

    @POST
    public Response create(@Context SecurityContext sc, @PathParam("teamId") long teamId, CreateSessionRequest body) {
        return Response.status(201).entity(sessions.create(AuthFilter.user(sc), teamId, Require.body(body))).build();
    }
}
