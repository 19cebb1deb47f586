package org.pitbox.server.voice;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.jetty.server.Request;
import org.pitbox.protocol.ApiPaths;
import org.pitbox.protocol.api.VoiceApi;
import org.pitbox.protocol.api.VoiceApi.BudgetRequest;
import org.pitbox.protocol.api.VoiceApi.BudgetView;
import org.pitbox.protocol.api.VoiceApi.ProfileRequest;
import org.pitbox.protocol.api.VoiceApi.ProfileView;
import org.pitbox.protocol.api.VoiceApi.SpeechRequest;
import org.pitbox.protocol.api.VoiceApi.Voices;
import org.pitbox.server.auth.AuthFilter;

/**
 * A team's voice routes: speech as 16 kHz PCM streamed as it is made, the voices of the server's key, the team's
 * default profile (its owner sets it), the caller's own profile and the team's speech budget.
 */
@Path(ApiPaths.TEAMS + "/{teamId}/voice")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public final class VoiceResource {
    private final SpeechService speech;

    public VoiceResource(SpeechService speech) {
        this.speech = speech;
    }

    @POST
    @Path("speech")
    @Produces({VoiceApi.PCM_MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public Response speech(@Context SecurityContext sc, @Context Request request, @PathParam("teamId") long teamId,
            SpeechRequest body) {
        SpeechService.Clip clip = speech.prepare(AuthFilter.user(sc), teamId, body);
        StreamingOutput out = stream -> speech.write(clip, stream, () -> abort(request));
        return Response.ok(out, VoiceApi.PCM_MEDIA_TYPE).header("Cache-Control", "no-store").build();
    }

    /** Drops the connection under an answer already under way (the chunked body then never ends). */
    private static void abort(Request request) {
        request.getConnectionMetaData().getConnection().getEndPoint().close();
    }

    @GET
    @Path("voices")
    public Voices voices(@Context SecurityContext sc, @PathParam("teamId") long teamId) {
        return speech.voices(AuthFilter.user(sc), teamId);
    }

    @GET
    @Path("profile")
    public ProfileView teamProfile(@Context SecurityContext sc, @PathParam("teamId") long teamId) {
        return speech.teamProfile(AuthFilter.user(sc), teamId);
    }

    @PUT
    @Path("profile")
    public ProfileView setTeamProfile(@Context SecurityContext sc, @PathParam("teamId") long teamId,
            ProfileRequest body) {
        return speech.setTeamProfile(AuthFilter.user(sc), teamId, body);
    }

    @GET
    @Path("profiles/me")
    public ProfileView myProfile(@Context SecurityContext sc, @PathParam("teamId") long teamId) {
        return speech.myProfile(AuthFilter.user(sc), teamId);
    }

    @PUT
    @Path("profiles/me")
    public ProfileView setMyProfile(@Context SecurityContext sc, @PathParam("teamId") long teamId,
            ProfileRequest body) {
        return speech.setMyProfile(AuthFilter.user(sc), teamId, body);
    }

    @GET
    @Path("budget")
    public BudgetView budget(@Context SecurityContext sc, @PathParam("teamId") long teamId) {
        return speech.budget(AuthFilter.user(sc), teamId);
    }

    @PUT
    @Path("budget")
    public BudgetView setBudget(@Context SecurityContext sc, @PathParam("teamId") long teamId, BudgetRequest body) {
        return speech.setBudget(AuthFilter.user(sc), teamId, body);
    }
}
