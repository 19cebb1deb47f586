package org.pitbox.server.resources;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import org.pitbox.protocol.ApiPaths;
import org.pitbox.protocol.api.ChunkList;
import org.pitbox.protocol.api.CompleteUploadRequest;
import org.pitbox.protocol.api.SessionView;
import org.pitbox.server.auth.AuthFilter;
import org.pitbox.server.auth.AuthUser;
import org.pitbox.server.http.Require;
import org.pitbox.server.sessions.SessionService;

/** One session: metadata and laps, the chunked upload, the file download and deletion. */
@jakarta.ws.rs.Path(ApiPaths.SESSIONS + "/{id}")
@Produces(MediaType.APPLICATION_JSON)
public final class SessionResource {
    private final SessionService sessions;

    public SessionResource(SessionService sessions) {
        this.sessions = sessions;
    }

    @GET
    public SessionView get(@Context SecurityContext sc, @PathParam("id") long id) {
        return sessions.get(AuthFilter.user(sc), id);
    }

    @DELETE
    public Response delete(@Context SecurityContext sc, @PathParam("id") long id) {
        sessions.delete(AuthFilter.user(sc), id);
        return Response.noContent().build();
    }

    /** 201 for a new chunk, 200 when the same bytes were there already, 409 for different bytes. */
    @PUT
    @jakarta.ws.rs.Path("chunks/{n}")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    public Response putChunk(@Context SecurityContext sc, @PathParam("id") long id, @PathParam("n") int n,
            InputStream body) {
        AuthUser user = AuthFilter.user(sc);
        boolean stored = sessions.putChunk(user, id, n, body);
        return Response.status(stored ? 201 : 200).entity(sessions.chunks(user, id)).build();
    }

    @GET
    @jakarta.ws.rs.Path("chunks")
    public ChunkList chunks(@Context SecurityContext sc, @PathParam("id") long id) {
        return sessions.chunks(AuthFilter.user(sc), id);
    }

    @POST
    @jakarta.ws.rs.Path("complete")
    @Consumes(MediaType.APPLICATION_JSON)
    public SessionView complete(@Context SecurityContext sc, @PathParam("id") long id, CompleteUploadRequest body) {
        return sessions.complete(AuthFilter.user(sc), id, Require.body(body).sha256());
    }

    @GET
    @jakarta.ws.rs.Path("ibt")
    @Produces({MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON})
    public Response download(@Context SecurityContext sc, @PathParam("id") long id) {
        SessionService.Download file = sessions.download(AuthFilter.user(sc), id);
        StreamingOutput body = out -> file.body().writeTo(out);
        return Response.ok(body, MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .header("Content-Disposition", "attachment; filename=\"session-" + id + ".ibt\"")
                .header("Content-Length", file.sizeBytes()).build();
    }
}
