package org.pitbox.server.resources;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import org.glassfish.jersey.server.CloseableService;
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
@Tag(name = "sessions")
public final class SessionResource {
    private final SessionService sessions;

    public SessionResource(SessionService sessions) {
        this.sessions = sessions;
    }

    @GET
    @Operation(summary = "A session's metadata and laps")
    @ApiResponse(responseCode = "200", description = "The session",
            content = @Content(schema = @Schema(implementation = SessionView.class)))
    @ApiResponse(responseCode = "404", description = OpenApiConventions.SESSION_NOT_FOUND)
    public SessionView get(@Context SecurityContext sc, @PathParam("id") long id) {
        return sessions.get(AuthFilter.user(sc), id);
    }

    @DELETE
    @Operation(summary = "Delete a session (a team owner or the uploader)")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "403", description = OpenApiConventions.FORBIDDEN)
    @ApiResponse(responseCode = "404", description = OpenApiConventions.SESSION_NOT_FOUND)
    public Response delete(@Context SecurityContext sc, @PathParam("id") long id) {
        sessions.delete(AuthFilter.user(sc), id);
        return Response.noContent().build();
    }

    /** 201 for a new chunk, 200 when the same bytes were there already, 409 for different bytes. */
    @PUT
    @jakarta.ws.rs.Path("chunks/{n}")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(summary = "Upload chunk n (the uploader only). Idempotent: the same bytes again answer 200")
    @ApiResponse(responseCode = "201", description = "New chunk stored; the chunks received so far",
            content = @Content(schema = @Schema(implementation = ChunkList.class)))
    @ApiResponse(responseCode = "200", description = "The same chunk was there already",
            content = @Content(schema = @Schema(implementation = ChunkList.class)))
    @ApiResponse(responseCode = "400", description = "Chunk number or length wrong (`invalid_chunk`)")
    @ApiResponse(responseCode = "403", description = OpenApiConventions.FORBIDDEN)
    @ApiResponse(responseCode = "404", description = OpenApiConventions.SESSION_NOT_FOUND)
    @ApiResponse(responseCode = "409",
            description = "Different bytes for a stored chunk (`chunk_conflict`) or upload complete "
            + "(`upload_complete`)")
    @ApiResponse(responseCode = "413",
            description = "The request body is larger than the configured limit (`body_too_large`)")
    @ApiResponse(responseCode = "415", description = "Not application/octet-stream (`unsupported_media_type`)")
    @ApiResponse(responseCode = "503", description = OpenApiConventions.STORAGE_BUSY)
    public Response putChunk(@Context SecurityContext sc, @PathParam("id") long id, @PathParam("n") int n,
            InputStream body) {
        AuthUser user = AuthFilter.user(sc);
        boolean stored = sessions.putChunk(user, id, n, body);
        return Response.status(stored ? 201 : 200).entity(sessions.chunks(user, id)).build();
    }

    @GET
    @jakarta.ws.rs.Path("chunks")
    @Operation(summary = "The chunks received, to resume an upload")
    @ApiResponse(responseCode = "200", description = "Chunks",
            content = @Content(schema = @Schema(implementation = ChunkList.class)))
    @ApiResponse(responseCode = "404", description = OpenApiConventions.SESSION_NOT_FOUND)
    public ChunkList chunks(@Context SecurityContext sc, @PathParam("id") long id) {
        return sessions.chunks(AuthFilter.user(sc), id);
    }

    @POST
    @jakarta.ws.rs.Path("complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Join the chunks, check the SHA-256, parse the .ibt and store its laps (the uploader only)")
    @ApiResponse(responseCode = "200", description = "The stored session with laps",
            content = @Content(schema = @Schema(implementation = SessionView.class)))
    @ApiResponse(responseCode = "403", description = OpenApiConventions.FORBIDDEN)
    @ApiResponse(responseCode = "404", description = OpenApiConventions.SESSION_NOT_FOUND)
    @ApiResponse(responseCode = "409",
            description = "Chunks missing (`chunks_missing`) or already complete (`upload_complete`)")
    @ApiResponse(responseCode = "422",
            description = "Checksum differs (`checksum_mismatch`), the file is not a valid .ibt (`invalid_ibt`, "
            + "with the format error), or it has too many sectors (`too_many_sectors`) or laps (`too_many_laps`); "
            + "the chunks are dropped")
    @ApiResponse(responseCode = "500",
            description = "The database refused the session (`session_not_stored`); the chunks are kept, so "
            + "complete can be called again")
    @ApiResponse(responseCode = "503", description = OpenApiConventions.STORAGE_BUSY)
    public SessionView complete(@Context SecurityContext sc, @PathParam("id") long id, CompleteUploadRequest body) {
        return sessions.complete(AuthFilter.user(sc), id, Require.body(body).sha256());
    }

    @GET
    @jakarta.ws.rs.Path("ibt")
    @Produces({MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON})
    @Operation(summary = "Download the stored .ibt")
    @ApiResponse(responseCode = "200", description = "The file",
            content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM,
                    schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", description = OpenApiConventions.SESSION_NOT_FOUND)
    @ApiResponse(responseCode = "409", description = "The upload is not complete (`upload_incomplete`)")
    @ApiResponse(responseCode = "503", description = "As many downloads as the server allows are streaming"
            + " (`downloads_busy`); Retry-After says when to try again")
    public Response download(@Context SecurityContext sc, @Context CloseableService closing,
            @PathParam("id") long id) {
        SessionService.Download file = sessions.download(AuthFilter.user(sc), id);
        closing.add(file.place()); // however the request ends
        StreamingOutput body = out -> file.body().writeTo(out);
        return Response.ok(body, MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .header("Content-Disposition", "attachment; filename=\"session-" + id + ".ibt\"")
                .header("Content-Length", file.sizeBytes()).build();
    }

    @GET
    @jakarta.ws.rs.Path("video")
    @Produces({"video/mp4", MediaType.APPLICATION_JSON})
    @Operation(summary = "Download the session's video (MP4, on the session's clock), from a byte on with"
            + " `Range: bytes=N-` or `bytes=N-M` for seeking")
    @ApiResponse(responseCode = "200", description = "The whole file")
    @ApiResponse(responseCode = "206", description = "The range asked for, with Content-Range")
    @ApiResponse(responseCode = "404", description = "No such session, or it has no video (`no_video`)")
    @ApiResponse(responseCode = "416", description = "The range starts past the end (`range_not_satisfiable`)")
    public Response video(@Context SecurityContext sc, @PathParam("id") long id,
            @jakarta.ws.rs.HeaderParam("Range") String range) {
        long[] asked = ByteRange.parse(range);
        SessionService.Video video = sessions.video(AuthFilter.user(sc), id, asked == null ? 0 : asked[0]);
        long last = asked == null || asked[1] < 0 ? video.sizeBytes() - 1 : Math.min(asked[1], video.sizeBytes() - 1);
        long length = last - video.from() + 1;
        StreamingOutput body = out -> {
            try (InputStream in = video.body()) {
                byte[] buffer = new byte[1 << 16];
                for (long left = length; left > 0;) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                    if (n < 0) {
                        throw new java.io.EOFException("the stored video is shorter than its size");
                    }
                    out.write(buffer, 0, n);
                    left -= n;
                }
            }
        };
        Response.ResponseBuilder r = Response.status(asked == null ? 200 : 206).entity(body).type("video/mp4")
                .header("Accept-Ranges", "bytes").header("Content-Length", length);
        if (asked != null) {
            r.header("Content-Range", "bytes " + video.from() + "-" + last + "/" + video.sizeBytes());
        }
        return r.build();
    }
}
