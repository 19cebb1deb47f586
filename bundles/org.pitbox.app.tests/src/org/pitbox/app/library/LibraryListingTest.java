package org.pitbox.app.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pitbox.client.CloudClient.SessionQuery;
import org.pitbox.client.CloudClient;
import org.pitbox.client.CloudException;
import org.pitbox.client.SessionCache;
import org.pitbox.protocol.api.SessionView;
import org.pitbox.protocol.api.TeamView;

/** What the Session Library lists when it cannot ask the server: the cache's sessions, and why. */
class LibraryListingTest {
    private static final URI SERVER = URI.create("https://pitbox.example.com");
    private static final TeamView APEX = new TeamView(4, "Apex", "engineer");

    @TempDir
    Path dir;

    @Test
    void signedOutListsTheCacheNewestFirst() throws IOException {
        SessionCache cache = new SessionCache(dir.resolve("cache"));
        assertEquals(LibraryListing.SIGN_IN + "; no sessions are cached on this computer yet.",
                LibraryListing.of(cache, null, null, SessionQuery.FIRST).sentence());
        cache(cache, 11, "Lime Rock Park", "2025-03-01T10:00:00Z");
        cache(cache, 12, "Okayama", "2025-03-02T10:00:00Z");

        LibraryListing listing = LibraryListing.of(cache, null, null, SessionQuery.FIRST);
        assertEquals(LibraryListing.SIGN_IN + "; cached sessions are listed below (2).", listing.sentence());
        assertEquals("hint", listing.style());
        assertEquals(-1, listing.total(), "the rows are the cache's");
        assertEquals(List.of(12L, 11L), ids(listing));
        assertTrue(listing.rows().stream().allMatch(r -> r.cached() != null && r.complete()));

        SessionQuery nowhere = new SessionQuery("Nowhere Raceway", null, null, null, null, 0, 20);
        assertTrue(LibraryListing.filtered(nowhere));
        assertEquals(LibraryListing.SIGN_IN + "; no cached session matches these filters.",
                LibraryListing.of(cache, null, null, nowhere).sentence());
    }

    @Test
    void aFailingServerListsThatTeamsCachedSessions() throws IOException {
        SessionCache cache = new SessionCache(dir.resolve("cache"));
        cache(cache, 11, "Lime Rock Park", "2025-03-01T10:00:00Z");
        CloudClient notSignedIn = new CloudClient(SERVER);

        LibraryListing failed = LibraryListing.of(cache, notSignedIn, APEX, SessionQuery.FIRST);
        assertEquals("Cannot list Apex's sessions: not signed in to " + SERVER + ". Cached sessions are listed"
                + " below (1).", failed.sentence());
        assertEquals("status-bad", failed.style());
        assertEquals(List.of(11L), ids(failed));
        assertEquals(List.of(), LibraryListing.of(cache, notSignedIn, new TeamView(5, "Other", "driver"),
                SessionQuery.FIRST).rows(), "another team's are not listed");
        assertEquals("You are in no team yet: ask a team owner for an invite; cached sessions are listed below (1).",
                LibraryListing.of(cache, notSignedIn, null, SessionQuery.FIRST).sentence());
    }

    @Test
    void failuresAreToldInTheServersWordsElseTheRootCause() {
        assertEquals("quota reached", LibraryListing.message(new IOException("wrapped",
                new CloudException(429, "quota", "quota reached"))));
        assertEquals("connection refused", LibraryListing.message(new RuntimeException("outer",
                new IOException("connection refused"))));
    }

    private static void cache(SessionCache cache, long id, String track, String startedAt) throws IOException {
        Path file = Files.createTempFile("session", ".ibt");
        byte[] bytes = ("not really an ibt " + id).getBytes();
        Files.write(file, bytes);
        cache.put(SERVER, new SessionView(id, APEX.id(), 1, track, "Mazda MX-5", "Ada", startedAt, bytes.length,
                null, SessionView.COMPLETE, startedAt, null, null, null, null, null), file);
        Files.delete(file);
    }

    private static List<Long> ids(LibraryListing listing) {
        return listing.rows().stream().map(r -> r.session().id()).toList();
    }
}
