package org.pitbox.server.ai;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.pitbox.protocol.api.AiApi;
import org.pitbox.protocol.api.AiApi.BudgetRequest;
import org.pitbox.protocol.api.AiApi.BudgetView;
import org.pitbox.protocol.api.AiApi.CardStateRequest;
import org.pitbox.protocol.api.AiApi.ConversationEntry;
import org.pitbox.protocol.api.AiApi.InsightView;
import org.pitbox.protocol.api.AiApi.RatingRequest;
import org.pitbox.protocol.api.AiApi.RatingView;
import org.pitbox.protocol.api.AiApi.Report;
import org.pitbox.protocol.api.AiApi.ReportRow;
import org.pitbox.server.auth.AuthUser;
import org.pitbox.server.http.ApiException;
import org.pitbox.server.http.Require;
import org.pitbox.server.sessions.SessionDao;
import org.pitbox.server.teams.Role;
import org.pitbox.server.teams.TeamAccess;

/**
 * A team's insights and budget: listing, rating, the report, the data-set export and the budget, each behind
 * {@link TeamAccess}.
 */
public final class InsightService {
    public static final Set<String> RATINGS = Set.of("useful", "wrong", "late", "irrelevant");
    public static final int MAX_COMMENT_CHARS = 500;
    /** Insights and conversation entries one list answers with: the session's newest. */
    public static final int LIST_LIMIT = 500;
    /** Insights the report and the export read: the team's newest. */
    public static final int SCAN_LIMIT = 10_000;

    private final InsightDao dao;
    private final SessionDao sessions;
    private final TeamAccess access;
    private final Budgets budgets;
    private final Clock clock;

    public InsightService(InsightDao dao, SessionDao sessions, TeamAccess access, Budgets budgets, Clock clock) {
        this.dao = dao;
        this.budgets = budgets;
        this.sessions = sessions;
        this.access = access;
        this.clock = clock;
    }

    public List<InsightView> ofSession(AuthUser user, long teamId, String session) {
        return dao.ofSession(teamId, readable(user, teamId, session), LIST_LIMIT);
    }

    public List<ConversationEntry> conversation(AuthUser user, long teamId, String session) {
        return dao.conversation(teamId, readable(user, teamId, session), LIST_LIMIT);
    }

    /** Drivers, engineers and owners rate; a user's new rating replaces their earlier one. */
    public RatingView rate(AuthUser user, long teamId, long insightId, RatingRequest body) {
        access.require(user, teamId, Role.DRIVER);
        dao.find(teamId, insightId).orElseThrow(() -> ApiException.notFound("insight_not_found", "no such insight"));
        String rating = Require.text("rating", Require.body(body).rating(), 16);
        if (!RATINGS.contains(rating)) {
            throw ApiException.badRequest("invalid_rating", "rating must be one of " + String.join(", ",
                    new java.util.TreeSet<>(RATINGS)));
        }
        String comment = body.comment() == null || body.comment().isBlank() ? null
                : Require.text("comment", body.comment(), MAX_COMMENT_CHARS);
        dao.rate(insightId, user.id(), rating, comment, clock.instant());
        return new RatingView(insightId, rating, comment);
    }

    /**
     * Drivers, engineers and owners accept or dismiss a strategy card of an answer; the last decision counts and
     * every member sees it with the answer. 404 for a card the answer does not have.
     */
    public InsightView decide(AuthUser user, long teamId, long insightId, String cardId, CardStateRequest body) {
        access.require(user, teamId, Role.DRIVER);
        InsightView insight = dao.find(teamId, insightId).orElseThrow(() -> ApiException.notFound(
                "insight_not_found", "no such insight"));
        if (insight.cards() == null || insight.cards().stream().noneMatch(c -> c.id().equals(cardId))) {
            throw ApiException.notFound("card_not_found", "the answer has no such card");
        }
        String state = Require.text("state", Require.body(body).state(), 16);
        if (!state.equals(AiApi.ACCEPTED) && !state.equals(AiApi.DISMISSED)) {
            throw ApiException.badRequest("invalid_state", "state must be " + AiApi.ACCEPTED + " or "
                    + AiApi.DISMISSED);
        }
        dao.decide(insightId, cardId, state);
        return dao.find(teamId, insightId).orElseThrow();
    }

    /** Per kind and prompt version: the share of ratings useful and wrong, verified share, latency p50 and p95. */
    public Report report(AuthUser user, long teamId) {
        access.require(user, teamId, Role.VIEWER);
        Map<String, List<InsightDao.Scored>> groups = new TreeMap<>();
        for (InsightDao.Scored s : dao.scored(teamId, SCAN_LIMIT)) {
            groups.computeIfAbsent(s.kind() + "\n" + s.promptVersion(), k -> new ArrayList<>()).add(s);
        }
        List<ReportRow> rows = new ArrayList<>();
        groups.forEach((key, list) -> {
            int rated = list.stream().mapToInt(InsightDao.Scored::rated).sum();
            int useful = list.stream().mapToInt(InsightDao.Scored::useful).sum();
            int wrong = list.stream().mapToInt(InsightDao.Scored::wrong).sum();
            long[] latency = list.stream().mapToLong(InsightDao.Scored::latencyMs).sorted().toArray();
            rows.add(new ReportRow(list.getFirst().kind(), list.getFirst().promptVersion(), list.size(), rated,
                    share(useful, rated), share(wrong, rated),
                    list.stream().mapToDouble(InsightDao.Scored::verifiedShare).average().orElse(0),
                    percentile(latency, 50), percentile(latency, 95)));
        });
        return new Report(rows);
    }

    /** Engineers and owners take the data set. */
    public List<InsightDao.Exported> export(AuthUser user, long teamId) {
        access.require(user, teamId, Role.ENGINEER);
        return dao.export(teamId, SCAN_LIMIT);
    }

    public BudgetView budget(AuthUser user, long teamId) {
        access.require(user, teamId, Role.VIEWER);
        return budgets.of(teamId);
    }

    /** Only the team's owner sets its budget. */
    public BudgetView setBudget(AuthUser user, long teamId, BudgetRequest body) {
        access.require(user, teamId, Role.OWNER);
        return budgets.set(teamId, Require.body(body).requestsPerMinute(), body.tokensPerDay());
    }

    /** The session, checked: 404 outside the team and for a stored session the team does not have. */
    private SessionRef readable(AuthUser user, long teamId, String session) {
        access.require(user, teamId, Role.VIEWER);
        SessionRef ref = SessionRef.parse(session);
        if (!ref.live() && sessions.find(ref.storedId()).filter(s -> s.teamId() == teamId).isEmpty()) {
            throw SessionRef.notFound();
        }
        return ref;
    }

    private static double share(int part, int whole) {
        return whole == 0 ? 0 : part / (double) whole;
    }

    /** Nearest rank of sorted values. */
    static long percentile(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
