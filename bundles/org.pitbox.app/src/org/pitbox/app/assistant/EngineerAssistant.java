package org.pitbox.app.assistant;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.pitbox.app.live.EngineerLive;
import org.pitbox.app.team.TeamSession;
import org.pitbox.client.AiClient;
import org.pitbox.client.CloudClient;
import org.pitbox.client.CloudException;
import org.pitbox.client.SessionCache;
import org.pitbox.protocol.api.AiApi.ConversationEntry;
import org.pitbox.protocol.api.AiApi.InsightView;
import org.pitbox.protocol.api.AiApi.StrategyCard;
import org.pitbox.protocol.api.SessionView;
import org.pitbox.protocol.api.TeamView;
import org.pitbox.protocol.live.LiveControl;

/**
 * The race engineer's AI assistant: the conversation about one session (the watched live session, {@code live:KEY}
 * on the server, or a chosen stored one), questions whose answers stream in piece by piece, the strategy cards given
 * with them (accepting a pit card of the watched live session sends its driver a {@code pit-plan}; what was
 * accepted or dismissed is stored on the server, where every member reads it with the conversation), ratings, and
 * every coach hint of the session. Listeners hear of every change on the thread that made it.
 */
@Component(service = EngineerAssistant.class)
public class EngineerAssistant {
    /** An answer's source as the engineer reads it. */
    public static final String AGENT_LABEL = "AI agent";
    public static final String RULES_LABEL = "Rule-based engineer \u2014 no AI agent configured or available";
    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    /** What changed. */
    public enum Change { SUBJECT, CONVERSATION, ASKED, ANSWERED, CARDS, RATED, HINTS }

    /** What became of a strategy card. */
    public enum CardState { OPEN, ACCEPTED, DISMISSED }

    /** Hears the assistant. */
    @FunctionalInterface
    public interface Listener {
        void changed(Change change);

        /** More text of the answer being given. */
        default void piece(String text) {
        }

        /** The answer being given starts again ({@code reason}; {@code unmatched}: numbers no fact matched). */
        default void restart(String reason, List<String> unmatched) {
        }

        /** Something failed, in a sentence for the engineer (signed out, over the budget, a card not sent). */
        default void failed(String sentence) {
        }
    }

    /** One question and its answer: {@code answer} null while it streams ({@code text} so far). */
    public record Turn(String question, String text, InsightView answer, List<StrategyCard> cards,
            Map<String, CardState> cardStates, String rating) {
    }

    /** A coach hint of the session. */
    public record Hint(Integer lap, String where, String source, String text, long insightId) {
    }

    /** A fact an answer cites: id, value and unit as the fact sheet has them. */
    public record Fact(String id, String value, String unit) {
    }

    private static final class Entry {
        final String question;
        final StringBuilder text = new StringBuilder();
        InsightView answer;
        final List<StrategyCard> cards = new ArrayList<>();
        final Map<String, CardState> states = new LinkedHashMap<>();
        String rating;

        Entry(String question) {
            this.question = question;
        }

        Turn turn() {
            return new Turn(question, text.toString(), answer, List.copyOf(cards), Map.copyOf(states), rating);
        }
    }

    private final TeamSession team;
    private final EngineerLive live;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final EngineerLive.Listener liveListener = new EngineerLive.Listener() {
        @Override
        public void changed(EngineerLive.Change change) {
            if ((change == EngineerLive.Change.WATCH || change == EngineerLive.Change.STOPPED) && followingLive) {
                followLive();
            }
        }

        @Override
        public void coach(LiveControl hint) {
            hinted(hint);
        }
    };
    private final List<Entry> entries = new ArrayList<>();
    /** Cards accepted or dismissed here (ids are the server's, one set per question), until the server has them. */
    private final Map<String, CardState> decided = new HashMap<>();
    private final List<Hint> hints = new ArrayList<>();
    private volatile boolean followingLive = true;
    private String subject;
    private String title;
    private AiClient.Chat chat;
    private int generation;

    @Activate
    public EngineerAssistant(@Reference(name = "team") TeamSession team, @Reference(name = "live") EngineerLive live) {
        this.team = team;
        this.live = live;
        live.addListener(liveListener);
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    /** The session on the server's terms ({@code live:KEY} or a stored id), null when there is none. */
    public synchronized String subject() {
        return subject;
    }

    /** What the conversation is about, in words. */
    public synchronized String title() {
        return title == null ? "No session: watch a live session or choose a stored one" : title;
    }

    public synchronized boolean busy() {
        return chat != null;
    }

    public synchronized List<Turn> turns() {
        return entries.stream().map(Entry::turn).toList();
    }

    public synchronized List<Hint> hints() {
        return List.copyOf(hints);
    }

    /** Talks about the watched live session from now on, following what the engineer watches. */
    public void followLive() {
        followingLive = true;
        String key = live.watchedKey();
        about(key == null ? null : AiClient.live(key), key == null ? null : "Live session " + key);
    }

    /** Talks about a stored session of the team, named as the Session Library lists it, until {@link #followLive}. */
    public void aboutStored(SessionView session, ZoneId zone) {
        aboutStored(session.id(), storedName(session, zone));
    }

    /** "Stored session: Martinsville Speedway, Skip Barber, Ada, 2026-12-06 14:05" (what is known of it). */
    public static String storedName(SessionView session, ZoneId zone) {
        Instant at = SessionCache.started(session);
        String name = Stream.of(session.track(), session.car(), session.driver(), at == null ? null
                : STARTED.format(at.atZone(zone))).filter(s -> s != null && !s.isBlank())
                .collect(Collectors.joining(", "));
        return name.isEmpty() ? "Stored session " + session.id() : "Stored session: " + name;
    }

    /** Talks about a stored session of the team, until {@link #followLive}. */
    public void aboutStored(long sessionId, String name) {
        followingLive = false;
        about(Long.toString(sessionId), name == null ? "Stored session " + sessionId : name);
    }

    private void about(String ref, String name) {
        synchronized (this) {
            if (ref != null && ref.equals(subject)) {
                return;
            }
            stopChat();
            generation++;
            subject = ref;
            title = name;
            entries.clear();
            hints.clear();
        }
        tell(Change.SUBJECT);
        if (ref != null) {
            reload();
        }
    }

    /** Loads the session's conversation and coach hints from the server, in the background. */
    public CompletableFuture<Void> reload() {
        String ref;
        int gen;
        synchronized (this) {
            ref = subject;
            gen = generation;
        }
        if (ref == null) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.runAsync(() -> {
            try {
                Target t = target();
                List<ConversationEntry> talk = t.ai.conversation(t.teamId, ref);
                List<InsightView> insights = t.ai.insights(t.teamId, ref);
                synchronized (this) {
                    if (gen != generation) {
                        return;
                    }
                    List<Entry> stored = new ArrayList<>();
                    for (ConversationEntry e : talk) {
                        Entry entry = new Entry(e.question());
                        if (e.answer() != null) {
                            answered(entry, e.answer());
                        }
                        stored.add(entry);
                    }
                    for (Entry mine : entries) { // asked here since (streaming, or not in the list read) or rated
                        Entry same = mine.answer == null ? null : stored.stream().filter(e -> e.answer != null
                                && e.answer.id() == mine.answer.id()).findFirst().orElse(null);
                        if (same == null) {
                            stored.add(mine);
                        } else {
                            same.rating = mine.rating;
                        }
                    }
                    entries.clear();
                    entries.addAll(stored);
                    hints.clear();
                    insights.stream().filter(i -> "coach".equals(i.kind())).forEach(i -> hints.add(new Hint(i.lap(),
                            null, i.source(), i.text(), i.id())));
                }
                tell(Change.CONVERSATION);
                tell(Change.HINTS);
            } catch (IOException e) {
                fail(e);
            }
        });
    }

    /**
     * Asks about the session; the answer streams to the listeners. False (and a {@code failed} sentence) when there
     * is no session, an answer is still coming, or the question is blank.
     */
    public boolean ask(String question, Integer lap) {
        String q = question == null ? "" : question.strip();
        Target t;
        Entry entry = new Entry(q);
        int gen;
        try {
            t = target();
        } catch (IOException e) {
            fail(e);
            return false;
        }
        synchronized (this) {
            if (subject == null || chat != null || q.isEmpty()) {
                String why = subject == null ? "Watch a live session or choose a stored one first"
                        : chat != null ? "Wait for the answer that is coming" : "Type a question first";
                listeners.forEach(l -> l.failed(why));
                return false;
            }
            entries.add(entry);
            gen = generation;
            tell(Change.ASKED);
            chat = t.ai.chat(t.teamId, subject, q, lap, new AiClient.ChatListener() {
                @Override
                public void piece(String text) {
                    synchronized (EngineerAssistant.this) {
                        entry.text.append(text);
                    }
                    listeners.forEach(l -> l.piece(text));
                }

                @Override
                public void restart(String reason, List<String> unmatched) {
                    synchronized (EngineerAssistant.this) {
                        entry.text.setLength(0);
                    }
                    listeners.forEach(l -> l.restart(reason, unmatched));
                }

                @Override
                public void card(StrategyCard card) {
                    synchronized (EngineerAssistant.this) {
                        entry.cards.add(card);
                        entry.states.put(card.id(), decided.getOrDefault(card.id(), CardState.OPEN));
                    }
                    tell(Change.CARDS);
                }
            });
            chat.answer().whenComplete((answer, error) -> finished(gen, entry, answer, error));
        }
        return true;
    }

    private void finished(int gen, Entry entry, InsightView answer, Throwable error) {
        synchronized (this) {
            if (gen != generation) {
                return;
            }
            chat = null;
            if (answer != null) {
                answered(entry, answer);
            } else {
                entries.remove(entry);
            }
        }
        if (answer != null) {
            tell(Change.ANSWERED);
        } else {
            tell(Change.CONVERSATION);
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause()
                    : error;
            if (!(cause instanceof CancellationException)) {
                fail(cause);
            }
        }
    }

    private void answered(Entry entry, InsightView answer) {
        entry.answer = answer;
        entry.text.setLength(0);
        entry.text.append(answer.text());
        if (answer.cards() != null) {
            for (StrategyCard c : answer.cards()) {
                if (entry.cards.stream().noneMatch(k -> k.id().equals(c.id()))) {
                    entry.cards.add(c);
                }
                String stored = answer.cardStates() == null ? null : answer.cardStates().get(c.id());
                if (stored != null) { // the team's last decision, here or by another member
                    entry.states.put(c.id(), CardState.valueOf(stored.toUpperCase(Locale.ROOT)));
                } else {
                    entry.states.putIfAbsent(c.id(), decided.getOrDefault(c.id(), CardState.OPEN));
                }
            }
        }
    }

    /** Stops the answer that is coming (the server still stores it). */
    public void cancel() {
        synchronized (this) {
            stopChat();
        }
    }

    private void stopChat() {
        if (chat != null) {
            chat.cancel();
            chat = null;
        }
    }

    /**
     * Accepts a strategy card: a pit stop (fuel, tyres or fast repair) of the watched live session goes to its driver
     * as a {@code pit-plan}; other cards are only marked accepted. Returns what happened, in a sentence.
     */
    public String accept(String cardId) {
        StrategyCard card;
        String liveKey;
        synchronized (this) {
            card = card(cardId);
            liveKey = subject != null && subject.startsWith("live:") ? subject.substring(5) : null;
        }
        if (card == null) {
            return "No such card";
        }
        String done = "Accepted: " + card.title();
        if (pitStop(card)) {
            if (liveKey == null || !liveKey.equals(live.watchedKey())) {
                String why = "Not sent: the pit plan goes to the driver of the watched live session";
                listeners.forEach(l -> l.failed(why));
                return why;
            }
            if (!live.pitPlan(new LiveControl.PitPlan(card.fuelLiters(), card.tyres() == null ? List.of()
                    : card.tyres(), card.fastRepair(), card.id()))) {
                String why = "Not sent: not connected to the live session";
                listeners.forEach(l -> l.failed(why));
                return why;
            }
            done = "Sent to the driver's pit box: " + card.title();
        }
        mark(cardId, CardState.ACCEPTED);
        return done;
    }

    public void dismiss(String cardId) {
        mark(cardId, CardState.DISMISSED);
    }

    /** Whether accepting the card sets a pit stop. */
    public static boolean pitStop(StrategyCard card) {
        return card.fuelLiters() != null || card.tyres() != null && !card.tyres().isEmpty() || card.fastRepair()
                || "pit-this-lap".equals(card.kind());
    }

    private StrategyCard card(String id) {
        for (Entry e : entries) {
            for (StrategyCard c : e.cards) {
                if (c.id().equals(id)) {
                    return c;
                }
            }
        }
        return null;
    }

    /** Marks the card here at once and stores the decision on the server, for every member, in the background. */
    private void mark(String cardId, CardState state) {
        Long insightId;
        synchronized (this) {
            decided.put(cardId, state);
            entries.stream().filter(e -> e.states.containsKey(cardId)).forEach(e -> e.states.put(cardId, state));
            insightId = entries.stream().filter(e -> e.states.containsKey(cardId) && e.answer != null)
                    .map(e -> e.answer.id()).findFirst().orElse(null);
        }
        tell(Change.CARDS);
        if (insightId != null) {
            CompletableFuture.runAsync(() -> {
                try {
                    Target t = target();
                    t.ai.decide(t.teamId, insightId, cardId, state.name().toLowerCase(Locale.ROOT));
                } catch (IOException e) {
                    fail(e);
                }
            });
        }
    }

    /** Rates an answer or hint ({@code useful}, {@code wrong}, {@code late} or {@code irrelevant}) in the background. */
    public CompletableFuture<Void> rate(long insightId, String rating, String comment) {
        return CompletableFuture.runAsync(() -> {
            try {
                Target t = target();
                t.ai.rate(t.teamId, insightId, rating, comment);
                synchronized (this) {
                    entries.stream().filter(e -> e.answer != null && e.answer.id() == insightId)
                            .forEach(e -> e.rating = rating);
                }
                tell(Change.RATED);
            } catch (IOException e) {
                fail(e);
                throw new UncheckedIOException(e);
            }
        });
    }

    private void hinted(LiveControl hint) {
        LiveControl.Coach c = hint.coach();
        synchronized (this) {
            if (subject == null || !subject.equals(AiClient.live(String.valueOf(live.watchedKey())))) {
                return;
            }
            if (c != null && hints.stream().anyMatch(h -> h.insightId() == c.insightId())) {
                return;
            }
            hints.add(c == null ? new Hint(null, null, "rule-based", hint.text(), -1)
                    : new Hint(c.lap(), c.where(), c.source(), hint.text(), c.insightId()));
        }
        tell(Change.HINTS);
    }

    /** "AI agent" or the rule-based engineer's label. */
    public static String sourceLabel(InsightView answer) {
        return "agent".equals(answer.source()) ? AGENT_LABEL : RULES_LABEL;
    }

    /** The facts an answer cites, as the fact sheet has them. */
    public static List<Fact> facts(InsightView answer) {
        List<Fact> facts = new ArrayList<>();
        JsonNode cited = answer.citedFacts();
        if (cited != null) {
            for (JsonNode f : cited) {
                facts.add(new Fact(f.path("id").asText(), f.path("value").asText(), f.path("unit").asText()));
            }
        }
        return facts;
    }

    private record Target(AiClient ai, long teamId) {
    }

    private Target target() throws IOException {
        CloudClient c = team.client();
        TeamView t = team.team();
        if (c == null || !c.signedIn()) {
            throw new CloudException(0, null, "Signed out: sign in to the team server to ask the assistant");
        }
        if (t == null) {
            throw new CloudException(0, null, "Choose a team first");
        }
        return new Target(new AiClient(c), t.id());
    }

    private void fail(Throwable e) {
        String sentence = e instanceof CloudException ce && ce.status() == 429
                ? "Over the team's AI budget: " + ce.getMessage()
                : e instanceof CloudException ce && ce.status() == 401 ? "Signed out: sign in again" : e.getMessage();
        listeners.forEach(l -> l.failed(sentence == null ? e.toString() : sentence));
    }

    private void tell(Change change) {
        listeners.forEach(l -> l.changed(change));
    }

    @Deactivate
    public void dispose() {
        live.removeListener(liveListener);
        cancel();
    }
}
