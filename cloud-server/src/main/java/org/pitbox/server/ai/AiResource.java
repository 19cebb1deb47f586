package org.pitbox.server.ai;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.pitbox.protocol.ApiPaths;
import org.pitbox.protocol.api.AiApi;
import org.pitbox.protocol.api.AiApi.BudgetRequest;
import org.pitbox.protocol.api.AiApi.BudgetView;
import org.pitbox.protocol.api.AiApi.CardStateRequest;
import org.pitbox.protocol.api.AiApi.ChatRequest;
import org.pitbox.protocol.api.AiApi.ConversationEntry;
import org.pitbox.protocol.api.AiApi.InsightView;
import org.pitbox.protocol.api.AiApi.RatingRequest;
import org.pitbox.protocol.api.AiApi.RatingView;
import org.pitbox.protocol.api.AiApi.Report;
import org.pitbox.protocol.api.AiApi.StrategyCard;
import org.pitbox.server.auth.AuthFilter;

/**
 * A team's AI routes: the chat about a session (answers as server-sent events {@code piece}, {@code restart},
 * {@code card} and {@code done}), its conversation and insights, ratings, decisions on strategy cards, the report,
 * the JSONL export and the budget.
 */
@Path(ApiPaths.TEAMS + "/{teamId}/ai")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public final class AiResource {
    public static final String NDJSON = "application/x-ndjson";

    private final Assistant assistant;
    private final InsightService insights;
    private final ObjectMapper json;

    public AiResource(Assistant assistant, InsightService insights, ObjectMapper json) {
        this.assistant = assistant;
        this.insights = insights;
        this.json = json;
    }

    @POST
    @Path("sessions/{session}/chat")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void chat(@Context SecurityContext sc, @PathParam("teamId") long teamId,
            @PathParam("session") String session, ChatRequest body, @Context SseEventSink sink, @Context Sse sse)
            throws IOException {
        Assistant.Question question = assistant.prepare(AuthFilter.user(sc), teamId, session, body);
        try (sink) {
            InsightView answer = assistant.answer(question, new Assistant.Listener() {
                @Override
                public void piece(String text) {
                    send(sink, sse, AiApi.PIECE, Map.of("text", text));
                }

                @Override
                public void restart(String reason, List<String> unmatched) {
                    send(sink, sse, AiApi.RESTART, Map.of("reason", reason, "unmatched", unmatched));
                }

                @Override
                public void card(StrategyCard card) {
                    send(sink, sse, AiApi.CARD, card);
                }
            });
            send(sink, sse, AiApi.DONE, answer);
        }
    }

    /** Sends while the client listens; one that left still gets its answer stored. */
    private static void send(SseEventSink sink, Sse sse, String name, Object data) {
        if (!sink.isClosed()) {
            sink.send(sse.newEventBuilder().name(name).mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(data.getClass(), data).build());
        }
    }

    @GET
    @Path("sessions/{session}/conversation")
    public List<ConversationEntry> conversation(@Context SecurityContext sc, @PathParam("teamId") long teamId,
            @PathParam("session") String session) {
        return insights.conversation(AuthFilter.user(sc), teamId, session);
    }

    @GET
    @Path("sessions/{session}/insights")
    public List<InsightView> insights(@Context SecurityContext sc, @PathParam("teamId") long teamId,
            @PathParam("session") String session) {
        return insights.ofSession(AuthFilter.user(sc), teamId, session);
    }

    @POST
    @Path("insights/{insightId}/ratings")
    public RatingView rate(@Context SecurityContext sc, @PathParam("teamId") long teamId,
            @PathParam("insightId") long insightId, RatingRequest body) {
        return insights.rate(AuthFilter.user(sc), teamId, insightId, body);
    }

    /** Accepts or dismisses a strategy card of an answer; answers the insight with its {@code cardStates}. */
    @PUT
    @Path("insights/{insightId}/cards/{cardId}")
    public InsightView decide(@Context SecurityContext sc, @PathParam("teamId") long teamId,
            @PathParam("insightId") long insightId, @PathParam("cardId") String cardId, CardStateRequest body) {
        return insights.decide(AuthFilter.user(sc), teamId, insightId, cardId, body);
    }

    @GET
    @Path("report")
    public Report report(@Context SecurityContext sc, @PathParam("teamId") long teamId) {
        return insights.report(AuthFilter.user(sc), teamId);
    }

    /** One JSON line per insight: the insight, its question, the facts it was given and its ratings. */
    @GET
    @Path("export")
    @Produces(NDJSON)
    public Response export(@Context SecurityContext sc, @PathParam("teamId") long teamId) {
        List<InsightDao.Exported> rows = insights.export(AuthFilter.user(sc), teamId);
        StreamingOutput out = stream -> {
            for (InsightDao.Exported row : rows) {
                stream.write((json.writeValueAsString(row) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        };
        return Response.ok(out, NDJSON).header("Content-Disposition", "attachment; filename=\"ai-insights-team-"
                + teamId + ".jsonl\"").build();
    }

    @GET
    @Path("budget")
    public BudgetView budget(@Context SecurityContext sc, @PathParam("teamId") long teamId) {
        return insights.budget(AuthFilter.user(sc), teamId);
    }

    @PUT
    @Path("budget")
    public BudgetView setBudget(@Context SecurityContext sc, @PathParam("teamId") long teamId, BudgetRequest body) {
        return insights.setBudget(AuthFilter.user(sc), teamId, body);
    }
}
