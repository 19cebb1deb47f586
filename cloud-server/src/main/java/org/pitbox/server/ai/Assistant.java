package org.pitbox.server.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import org.pitbox.protocol.api.AiApi.BudgetView;
import org.pitbox.protocol.api.AiApi.ChatRequest;
import org.pitbox.protocol.api.AiApi.ConversationEntry;
import org.pitbox.protocol.api.AiApi.InsightView;
import org.pitbox.protocol.api.AiApi.StrategyCard;
import org.pitbox.server.auth.AuthUser;
import org.pitbox.server.http.ApiException;
import org.pitbox.server.http.Require;
import org.pitbox.server.teams.Role;
import org.pitbox.server.teams.TeamAccess;

/**
 * Answers a member's question about a session: the versioned system prompt, the session's fact sheet and the
 * recent conversation go to GradientAI and the answer streams back. Every number in it is checked against the
 * facts; an answer with unmatched numbers is asked for once more, naming them, and numbers still unmatched are
 * stored as unverified. Without an agent, over the team's token budget or when the agent fails, the rule-based
 * answer comes instead, labelled so. The facts include core's stint plan ({@link StrategyFacts}); the model may
 * also call {@link SessionTools}, whose results join the facts the answer is checked against. Either way the
 * answer comes with the strategy cards of the facts ({@link StrategyCards}). Every answer is stored as an insight,
 * with its cards.
 */
public final class Assistant {
    public static final String AGENT = "agent";
    public static final String RULE_BASED = "rule-based";
    public static final int MAX_QUESTION_CHARS = 1000;
    public static final int MAX_LAP = 100_000;
    /** Earlier questions and answers of the session sent along with a new one. */
    public static final int HISTORY = 4;
    public static final int MAX_ANSWER_TOKENS = 300;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where an answer goes while it is made. */
    public interface Listener {
        void piece(String text);

        /** Forget the pieces sent so far: the answer starts again, for {@code reason}. */
        void restart(String reason, List<String> unmatched);

        /** A strategy card of the answer, after its text. */
        void card(StrategyCard card);
    }

    /** The names of a team's drivers, the one of user {@code driving} (null: unknown) first. */
    @FunctionalInterface
    public interface Drivers {
        List<String> of(long teamId, Long driving);
    }

    /**
     * A question that passed every check, with the session's facts and their plan; {@code facts} is the plan's
     * sheet as JSON.
     */
    public record Question(AuthUser user, long teamId, SessionRef session, String text, Integer lap,
            SessionFacts known, StrategyFacts.Plan plan, String facts, BudgetView budget) {
    }

    private final GradientClient client;
    private final Prompt prompt;
    private final FactSource factSource;
    private final Drivers drivers;
    private final AnswerChecker checker;
    private final RuleBasedAnswers rules = new RuleBasedAnswers();
    private final InsightDao dao;
    private final Budgets budgets;
    private final AiMetrics metrics;
    private final TeamAccess access;
    private final Clock clock;

    /** {@code client} null: no agent is configured and every answer is rule-based. */
    public Assistant(GradientClient client, Prompt prompt, FactSource factSource, Drivers drivers,
            AnswerChecker checker, InsightDao dao, Budgets budgets, AiMetrics metrics, TeamAccess access, Clock clock) {
        this.client = client;
        this.prompt = prompt;
        this.factSource = factSource;
        this.drivers = drivers;
        this.checker = checker;
        this.dao = dao;
        this.budgets = budgets;
        this.metrics = metrics;
        this.access = access;
        this.clock = clock;
    }

    /**
     * Checks a question before any answer starts: 404 outside the team or for a session it does not have, 403
     * for viewers, 400 for a bad question, 429 over the team's requests per minute.
     */
    public Question prepare(AuthUser user, long teamId, String session, ChatRequest body) {
        access.require(user, teamId, Role.DRIVER);
        SessionRef ref = SessionRef.parse(session);
        SessionFacts known = factSource.facts(teamId, ref).orElseThrow(SessionRef::notFound);
        String text = Require.text("question", Require.body(body).question(), MAX_QUESTION_CHARS);
        if (body.lap() != null && (body.lap() < 0 || body.lap() > MAX_LAP)) {
            throw ApiException.badRequest("invalid_field", "lap must be 0.." + MAX_LAP);
        }
        BudgetView budget = budgets.of(teamId);
        try {
            budgets.takeRequest(teamId, budget.requestsPerMinute());
        } catch (ApiException e) {
            metrics.refused(teamId);
            throw e;
        }
        StrategyFacts.Plan plan = StrategyFacts.of(known.sheet(), drivers.of(teamId, known.driverUserId()));
        return new Question(user, teamId, ref, text, body.lap(), known, plan, plan.sheet().toJson(), budget);
    }

    /** Answers, streaming to {@code out}, and stores the question and the answer. */
    public InsightView answer(Question q, Listener out) {
        long start = System.nanoTime();
        List<ConversationEntry> history = dao.conversation(q.teamId(), q.session(), HISTORY);
        long questionId = dao.question(q.teamId(), q.session(), q.user().id(), q.text(), clock.instant());
        AtomicBoolean sent = new AtomicBoolean();
        Listener tracked = new Listener() {
            @Override
            public void piece(String text) {
                sent.set(true);
                out.piece(text);
            }

            @Override
            public void restart(String reason, List<String> unmatched) {
                sent.set(false);
                out.restart(reason, unmatched);
            }

            @Override
            public void card(StrategyCard card) {
                out.card(card);
            }
        };
        String reason = client == null ? "no_agent"
                : budgets.tokensSpent(q.teamId(), q.budget().tokensPerDay()) ? "budget" : null;
        if (reason == null) {
            try {
                return fromAgent(q, history, questionId, tracked, start);
            } catch (AiException e) {
                metrics.error(q.teamId(), e.kind());
                reason = e.kind() == AiException.Kind.CIRCUIT_OPEN ? "circuit_open" : "agent_failed";
                if (sent.get()) {
                    tracked.restart(reason, List.of());
                }
            }
        }
        metrics.fallback(q.teamId(), reason);
        String text = rules.answer(q.text(), q.facts());
        tracked.piece(text);
        return store(q, questionId, text, RULE_BASED, Prompt.RULE_BASED, 0, start, q.facts(), tracked);
    }

    private InsightView fromAgent(Question q, List<ConversationEntry> history, long questionId, Listener out,
            long start) throws AiException {
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(ChatMessage.system(prompt.text()));
        messages.add(ChatMessage.user("The fact sheet of this session (JSON):\n" + q.facts()));
        for (ConversationEntry e : history) {
            if (e.answer() != null) {
                messages.add(ChatMessage.user(e.question()));
                messages.add(ChatMessage.assistant(e.answer().text()));
            }
        }
        messages.add(ChatMessage.user(q.text()));
        SessionTools tools = client.offersTools() ? new SessionTools(q.known(), q.plan()) : null;
        GradientClient.Completion c = client.stream(messages, MAX_ANSWER_TOKENS, tools, out::piece);
        int tokens = c.tokens();
        AnswerChecker.Check check = checker.check(c.text(), tools == null ? q.facts() : tools.facts());
        if (!check.passed()) {
            out.restart("unverified", check.unmatched());
            messages.add(ChatMessage.assistant(c.text()));
            messages.add(ChatMessage.user("These numbers are not in the fact sheet: "
                    + String.join(", ", check.unmatched()) + ". Answer again using only figures from the fact"
                    + " sheet, each cited with its fact id."));
            c = client.stream(messages, MAX_ANSWER_TOKENS, tools, out::piece);
            tokens += c.tokens();
        }
        return store(q, questionId, c.text(), AGENT, prompt.version(), tokens, start,
                tools == null ? q.facts() : tools.facts(), out);
    }

    /** Stores the answer checked against {@code facts} with the facts' strategy cards, which go to {@code out}. */
    private InsightView store(Question q, long questionId, String text, String source, String version, int tokens,
            long start, String facts, Listener out) {
        AnswerChecker.Check check = checker.check(text, facts);
        List<StrategyCard> cards = StrategyCards.of(q.plan(), questionId);
        double seconds = (System.nanoTime() - start) / 1e9;
        long id = dao.insert(new InsightDao.NewInsight(q.teamId(), q.session(), q.lap(), "answer", questionId, text,
                cited(text, facts), check.unmatched(), check.verifiedShare(), source, version,
                (int) Math.round(seconds * 1000), tokens, facts, cards, clock.instant()));
        metrics.answered(q.teamId(), source, tokens, seconds);
        cards.forEach(out::card);
        return dao.find(q.teamId(), id).orElseThrow();
    }

    /** The facts the answer cites as {@code [id]}, as the sheet has them (a JSON array). */
    static String cited(String text, String facts) {
        Set<String> ids = new LinkedHashSet<>();
        Matcher m = FactChecker.CITATION.matcher(text);
        while (m.find()) {
            ids.add(m.group().substring(1, m.group().length() - 1));
        }
        ArrayNode cited = JSON.createArrayNode();
        try {
            for (JsonNode f : JSON.readTree(facts).path("facts")) {
                if (ids.contains(f.path("id").asText())) {
                    cited.add(f);
                }
            }
        } catch (IOException e) {
            // unreadable facts: nothing cited
        }
        return cited.toString();
    }
}
