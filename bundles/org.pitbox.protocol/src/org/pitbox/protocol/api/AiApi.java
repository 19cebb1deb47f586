package org.pitbox.protocol.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** The JSON bodies of the AI routes. */
public final class AiApi {
    /** The events of a chat answer's stream, in order: pieces (a restart clears them), cards, then done. */
    public static final String PIECE = "piece", RESTART = "restart", CARD = "card", DONE = "done";
    /** What became of a strategy card. */
    public static final String ACCEPTED = "accepted", DISMISSED = "dismissed";

    private AiApi() {
    }

    /** A question about a session; {@code lap} optional. */
    public record ChatRequest(String question, Integer lap) {
    }

    /** {@code useful}, {@code wrong}, {@code late} or {@code irrelevant}, with an optional comment. */
    public record RatingRequest(String rating, String comment) {
    }

    public record RatingView(long insightId, String rating, String comment) {
    }

    public record BudgetRequest(Integer requestsPerMinute, Long tokensPerDay) {
    }

    /** A team's budget and the agent tokens it used today (UTC). */
    public record BudgetView(int requestsPerMinute, long tokensPerDay, long tokensUsedToday) {
    }

    /**
     * A stored hint or answer. {@code source} is {@code agent} or {@code rule-based}; {@code unverified} lists
     * the numbers of {@code text} that no fact matched, to be marked wherever the text is shown or spoken;
     * {@code cards} the strategy suggestions given with an answer (null when none), {@code cardStates} what the
     * team decided on them by card id ({@value #ACCEPTED} or {@value #DISMISSED}; null when nothing yet).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record InsightView(long id, String session, Integer lap, String kind, String text, JsonNode citedFacts,
            List<String> unverified, double verifiedShare, String source, String promptVersion, int latencyMs,
            int tokens, String createdAt, Long questionId, List<StrategyCard> cards, Map<String, String> cardStates) {
    }

    /** A member's decision on a strategy card: {@value #ACCEPTED} or {@value #DISMISSED}. */
    public record CardStateRequest(String state) {
    }

    /** One question of a session's conversation and its answer (null while it is being given). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConversationEntry(long questionId, Long askedBy, String question, String askedAt,
            InsightView answer) {
    }

    /** Ratings, verified share and latency of one kind of insight made with one prompt version. */
    public record ReportRow(String kind, String promptVersion, int insights, int rated, double usefulShare,
            double wrongShare, double verifiedShare, long latencyP50Ms, long latencyP95Ms) {
    }

    public record Report(List<ReportRow> rows) {
    }

    /**
     * A strategy suggestion the engineer accepts or dismisses, sent as a {@code card} event before {@code done}.
     * {@code kind}: pit-this-lap, fuel, tyres or driver-swap. Accepting a card with a pit stop sends its
     * {@code fuelLiters} (null: no change), {@code tyres} (lf, rf, lr, rr) and {@code fastRepair} to the driver
     * as a {@code pit-plan}. {@code factIds} cite the fact sheet.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StrategyCard(String id, String kind, String title, String reason, Integer lap, Double fuelLiters,
            List<String> tyres, boolean fastRepair, List<String> factIds) {
    }
}
