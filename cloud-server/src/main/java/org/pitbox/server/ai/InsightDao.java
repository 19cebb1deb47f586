package org.pitbox.server.ai;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.pitbox.protocol.api.AiApi.ConversationEntry;
import org.pitbox.protocol.ProtocolJson;
import org.pitbox.protocol.api.AiApi.InsightView;
import org.pitbox.protocol.api.AiApi.StrategyCard;
import org.pitbox.server.db.Jdbc;

/** Questions, insights, ratings and budgets in the database (tables of migration V3, cards of V4 and V6). */
public final class InsightDao {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper CARDS = ProtocolJson.mapper();
    private static final String INSIGHT_COLUMNS = "i.id, i.session_ref, i.lap, i.kind, i.text, i.cited_facts,"
            + " i.unverified, i.verified_share, i.source, i.prompt_version, i.latency_ms, i.tokens, i.created_at,"
            + " i.question_id, i.cards, i.card_states";

    /** An insight to store; {@code citedFacts} and {@code facts} are JSON; {@code cards} null or empty: none. */
    public record NewInsight(long teamId, SessionRef session, Integer lap, String kind, Long questionId, String text,
            String citedFacts, List<String> unverified, double verifiedShare, String source, String promptVersion,
            int latencyMs, int tokens, String facts, List<StrategyCard> cards, Instant createdAt) {
    }

    /** What the report needs of one insight. */
    public record Scored(String kind, String promptVersion, double verifiedShare, int latencyMs, int rated,
            int useful, int wrong) {
    }

    /** One line of the export: the insight, its question, the facts it was given and its ratings. */
    public record Exported(InsightView insight, String question, JsonNode facts, List<Map<String, String>> ratings) {
    }

    private final Jdbc jdbc;

    public InsightDao(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public long question(long teamId, SessionRef session, long userId, String text, Instant now) {
        return jdbc.insert("insert into ai_questions (team_id, session_ref, session_id, user_id, text, created_at)"
                + " values (?, ?, ?, ?, ?, ?)", teamId, session.toString(), session.storedId(), userId, text, now);
    }

    public long insert(NewInsight n) {
        return jdbc.insert("insert into ai_insights (team_id, session_ref, session_id, lap, kind, question_id, text,"
                + " cited_facts, unverified, verified_share, source, prompt_version, latency_ms, tokens, facts,"
                + " cards, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", n.teamId(),
                n.session().toString(), n.session().storedId(), n.lap(), n.kind(), n.questionId(), n.text(),
                n.citedFacts(), write(n.unverified()), n.verifiedShare(), n.source(), n.promptVersion(),
                n.latencyMs(), n.tokens(), n.facts(), n.cards() == null || n.cards().isEmpty() ? null
                        : write(n.cards()), n.createdAt());
    }

    /**
     * The questions and insights of live session {@code liveKey} go with the session its recording was stored as,
     * so that session's conversation and insights hold the hints and the chat.
     */
    public void moveLive(long teamId, String liveKey, long sessionId) {
        String live = new SessionRef(null, liveKey).toString();
        String stored = Long.toString(sessionId);
        jdbc.inTransaction(c -> {
            Jdbc.update(c, "update ai_questions set session_ref = ?, session_id = ? where team_id = ? and"
                    + " session_ref = ?", stored, sessionId, teamId, live);
            return Jdbc.update(c, "update ai_insights set session_ref = ?, session_id = ? where team_id = ? and"
                    + " session_ref = ?", stored, sessionId, teamId, live);
        });
    }

    public Optional<InsightView> find(long teamId, long id) {
        return jdbc.queryOne("select " + INSIGHT_COLUMNS + " from ai_insights i where i.id = ? and i.team_id = ?",
                InsightDao::insight, id, teamId);
    }

    /** The session's newest {@code limit} insights, oldest first. */
    public List<InsightView> ofSession(long teamId, SessionRef session, int limit) {
        List<InsightView> newest = jdbc.query("select " + INSIGHT_COLUMNS + " from ai_insights i where i.team_id = ?"
                + " and i.session_ref = ? order by i.id desc limit ?", InsightDao::insight, teamId,
                session.toString(), limit);
        return newest.reversed();
    }

    /** The session's newest {@code limit} questions with their answers, oldest first. */
    public List<ConversationEntry> conversation(long teamId, SessionRef session, int limit) {
        List<ConversationEntry> newest = jdbc.query("select q.id as qid, q.user_id, q.text as question,"
                + " q.created_at as asked_at, " + INSIGHT_COLUMNS + " from ai_questions q left join ai_insights i"
                + " on i.question_id = q.id where q.team_id = ? and q.session_ref = ? order by q.id desc limit ?",
                rs -> new ConversationEntry(rs.getLong("qid"), rs.getObject("user_id", Long.class),
                        rs.getString("question"), Jdbc.instant(rs, "asked_at").toString(),
                        rs.getObject("id") == null ? null : insight(rs)),
                teamId, session.toString(), limit);
        return newest.reversed();
    }

    /** Sets what the team decided on card {@code cardId} of insight {@code insightId}; the last decision counts. */
    public void decide(long insightId, String cardId, String state) {
        jdbc.inTransaction(c -> {
            String json = Jdbc.query(c, "select card_states from ai_insights where id = ? for update",
                    rs -> rs.getString(1), insightId).getFirst();
            Map<String, String> states = new TreeMap<>(json == null ? Map.of() : states(json));
            states.put(cardId, state);
            try {
                return Jdbc.update(c, "update ai_insights set card_states = ? where id = ?",
                        JSON.writeValueAsString(states), insightId);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** One rating per user and insight: a new one replaces the user's earlier one. */
    public void rate(long insightId, long userId, String rating, String comment, Instant now) {
        jdbc.inTransaction(c -> {
            Jdbc.update(c, "delete from ai_ratings where insight_id = ? and user_id = ?", insightId, userId);
            return Jdbc.update(c, "insert into ai_ratings (insight_id, user_id, rating, comment, created_at)"
                    + " values (?, ?, ?, ?, ?)", insightId, userId, rating, comment, now);
        });
    }

    /** The team's newest {@code limit} insights with their rating counts. */
    public List<Scored> scored(long teamId, int limit) {
        return jdbc.query("select i.kind, i.prompt_version, i.verified_share, i.latency_ms,"
                + " (select count(*) from ai_ratings r where r.insight_id = i.id) as rated,"
                + " (select count(*) from ai_ratings r where r.insight_id = i.id and r.rating = 'useful') as useful,"
                + " (select count(*) from ai_ratings r where r.insight_id = i.id and r.rating = 'wrong') as wrong"
                + " from ai_insights i where i.team_id = ? order by i.id desc limit ?",
                rs -> new Scored(rs.getString("kind"), rs.getString("prompt_version"), rs.getDouble("verified_share"),
                        rs.getInt("latency_ms"), rs.getInt("rated"), rs.getInt("useful"), rs.getInt("wrong")),
                teamId, limit);
    }

    /** The team's newest {@code limit} insights for the data set, oldest first, without who rated them. */
    public List<Exported> export(long teamId, int limit) {
        Map<Long, List<Map<String, String>>> ratings = new HashMap<>();
        jdbc.query("select r.insight_id, r.rating, r.comment from ai_ratings r join ai_insights i on i.id ="
                + " r.insight_id where i.team_id = ? order by r.created_at", rs -> {
                    Map<String, String> r = new HashMap<>();
                    r.put("rating", rs.getString("rating"));
                    if (rs.getString("comment") != null) {
                        r.put("comment", rs.getString("comment"));
                    }
                    return ratings.computeIfAbsent(rs.getLong("insight_id"), k -> new ArrayList<>()).add(r);
                }, teamId);
        List<Exported> newest = jdbc.query("select " + INSIGHT_COLUMNS + ", i.facts, q.text as question from"
                + " ai_insights i left join ai_questions q on q.id = i.question_id where i.team_id = ?"
                + " order by i.id desc limit ?", rs -> new Exported(insight(rs), rs.getString("question"),
                        read(rs.getString("facts")), ratings.getOrDefault(rs.getLong("id"), List.of())),
                teamId, limit);
        return newest.reversed();
    }

    /** The team's own budget, if its owner set one: requests per minute and tokens per day. */
    public Optional<long[]> budget(long teamId) {
        return jdbc.queryOne("select requests_per_minute, tokens_per_day from ai_budgets where team_id = ?",
                rs -> new long[] {rs.getInt(1), rs.getLong(2)}, teamId);
    }

    public void setBudget(long teamId, int requestsPerMinute, long tokensPerDay, Instant now) {
        jdbc.inTransaction(c -> {
            Jdbc.update(c, "delete from ai_budgets where team_id = ?", teamId);
            return Jdbc.update(c, "insert into ai_budgets (team_id, requests_per_minute, tokens_per_day, updated_at)"
                    + " values (?, ?, ?, ?)", teamId, requestsPerMinute, tokensPerDay, now);
        });
    }

    /** Tokens the team's agent answers used since {@code from}. */
    public long agentTokensSince(long teamId, Instant from) {
        return jdbc.queryOne("select coalesce(sum(tokens), 0) from ai_insights where team_id = ? and source = ?"
                + " and created_at >= ?", rs -> rs.getLong(1), teamId, Assistant.AGENT, from).orElse(0L);
    }

    private static InsightView insight(ResultSet rs) throws SQLException {
        return new InsightView(rs.getLong("id"), rs.getString("session_ref"), rs.getObject("lap",
                Integer.class), rs.getString("kind"), rs.getString("text"), read(rs.getString("cited_facts")),
                readList(rs.getString("unverified")), rs.getDouble("verified_share"), rs.getString("source"),
                rs.getString("prompt_version"), rs.getInt("latency_ms"), rs.getInt("tokens"),
                Jdbc.instant(rs, "created_at").toString(), rs.getObject("question_id", Long.class),
                cards(rs.getString("cards")), states(rs.getString("card_states")));
    }

    private static Map<String, String> states(String json) {
        try {
            return json == null ? null : JSON.readValue(json, new TypeReference<Map<String, String>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<StrategyCard> cards(String json) {
        try {
            return json == null ? null : CARDS.readValue(json, new TypeReference<List<StrategyCard>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> readList(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(List<?> list) {
        try {
            return JSON.writeValueAsString(list);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
