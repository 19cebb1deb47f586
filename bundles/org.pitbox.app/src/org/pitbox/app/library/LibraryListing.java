package org.pitbox.app.library;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.pitbox.app.team.TeamSession;
import org.pitbox.client.CloudClient.SessionQuery;
import org.pitbox.client.CloudClient;
import org.pitbox.client.CloudException;
import org.pitbox.client.SessionCache;
import org.pitbox.protocol.api.SessionPage;
import org.pitbox.protocol.api.SessionView;
import org.pitbox.protocol.api.TeamView;

/**
 * What the Session Library shows for a query: the team's page from the server with each session's cached copy,
 * or, signed out, without a team or when the server fails, the matching cached sessions. Runs off the UI thread.
 *
 * @param total    the server's count of matching sessions; -1 when the rows are the cache's
 * @param sentence what the list is, or why it is the cache's
 * @param style    the CSS class of the sentence: hint, status-ok or status-bad
 */
public record LibraryListing(List<LibraryListing.Row> rows, long total, String sentence, String style) {
    /** A listed session; {@code cached} is its .ibt on this computer, null when only the server has it. */
    public record Row(SessionView session, Path cached) {
        public boolean complete() {
            return SessionView.COMPLETE.equals(session.status());
        }

        public Row withCached(Path file) {
            return new Row(session, file);
        }
    }

    public static final String SIGN_IN = "Sign in under Driver > Team to see your team's sessions";

    /** Lists one page; {@code client} null when signed out, {@code team} null when in none. */
    public static LibraryListing of(SessionCache cache, CloudClient client, TeamView team, SessionQuery query) {
        if (client == null) {
            return cached(cache, null, null, query, SIGN_IN + "; ");
        }
        if (team == null) {
            return cached(cache, client.baseUri(), null, query,
                    "You are in no team yet: ask a team owner for an invite; ");
        }
        try {
            SessionPage answer = client.sessions(team.id(), query);
            List<Row> rows = answer.items().stream()
                    .map(v -> new Row(v, cachedFile(cache, client.baseUri(), v))).toList();
            long n = answer.total();
            String sentence = n > 0 ? team.name() + ": " + n + " session" + (n == 1 ? "" : "s")
                    + (filtered(query) ? (n == 1 ? " matches" : " match") + " the filters." : ".")
                    : filtered(query) ? "No session of " + team.name() + " matches these filters."
                    : "No sessions yet: drivers upload theirs under Driver > Team.";
            return new LibraryListing(rows, n, sentence, n > 0 ? "status-ok" : "hint");
        } catch (IOException | RuntimeException e) {
            return cached(cache, client.baseUri(), team.id(), query, "Cannot list " + team.name() + "'s sessions: "
                    + message(e) + ". ");
        }
    }

    private static Path cachedFile(SessionCache cache, URI server, SessionView v) {
        return cache.get(server, v.teamId(), v.id()).filter(e -> v.sha256() == null
                || v.sha256().equals(e.session().sha256())).map(SessionCache.Entry::file).orElse(null);
    }

    /** The cached sessions, after {@code why} the server's are not listed. */
    private static LibraryListing cached(SessionCache cache, URI server, Long teamId, SessionQuery query,
            String why) {
        boolean failed = why.startsWith("Cannot");
        try {
            List<Row> rows = cache.list(server, teamId, query).stream()
                    .map(e -> new Row(e.session(), e.file())).toList();
            String cached = rows.isEmpty() ? (filtered(query) ? "no cached session matches these filters."
                    : "no sessions are cached on this computer yet.")
                    : "cached sessions are listed below (" + rows.size() + ").";
            return new LibraryListing(rows, -1, why + (failed ? Character.toUpperCase(cached.charAt(0))
                    + cached.substring(1) : cached), failed ? "status-bad" : "hint");
        } catch (IOException | RuntimeException e) {
            return new LibraryListing(List.of(), -1, why + (failed ? "The" : "the") + " cache in " + cache.root()
                    + " cannot be read: " + message(e) + ".", "status-bad");
        }
    }

    public static boolean filtered(SessionQuery q) {
        return q.track() != null || q.car() != null || q.driver() != null || q.from() != null || q.to() != null;
    }

    /** The sentence of a failure: a {@link CloudException}'s own (it names the server), else the root cause's. */
    public static String message(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CloudException c && c.getMessage() != null) {
                return c.getMessage();
            }
        }
        return TeamSession.rootMessage(e);
    }
}
