package org.pitbox.ui.engineer.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pitbox.ui.tests.UiWait.await;
import static org.pitbox.ui.tests.UiWait.folderOf;
import static org.pitbox.ui.tests.UiWait.settle;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.eclipse.e4.ui.internal.workbench.E4Workbench;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.pitbox.app.library.LibraryListing;
import org.pitbox.app.session.OpenSession;
import org.pitbox.app.team.TeamSession;
import org.pitbox.client.CloudClient;
import org.pitbox.client.SessionCache;
import org.pitbox.core.home.PitboxHome;
import org.pitbox.demo.Screenshots;
import org.pitbox.iracing.IbtSummary;
import org.pitbox.protocol.api.SessionView;
import org.pitbox.protocol.api.TeamView;
import org.pitbox.ui.engineer.session.SessionPart;
import org.pitbox.ui.tests.TestScreenshots;
import org.pitbox.ui.tests.TestWorkbench;

/**
 * The Session Library offline, in the real workbench: no server runs in these tests, so it lists real recordings
 * from a filled {@link SessionCache} (signed out), filters them, says why a filter fails, opens one in the Session
 * part, and is photographed for the docs.
 */
class SessionLibraryPartTest {
    private static final Path IBT = Path.of("..", "..", "..", "shared", "data", "iracing", "ibt").toAbsolutePath()
            .normalize();
    private static final List<Path> FILES = List.of(
            IBT.resolve("robroberts_skmodified_langley_2015-05-28_14-50-46.ibt"),
            IBT.resolve("robroberts_skmodified_langley_2015-08-24_20-48-50.ibt"),
            IBT.resolve("robroberts_skmodified_martinsville_2016-02-07_21-01-44.ibt"));
    private static final URI SERVER = URI.create("https://pitbox.example.com");

    private final List<Throwable> failures = new ArrayList<>();
    private final List<SessionView> views = new ArrayList<>();

    @Test
    void listsFiltersAndOpensCachedSessionsOffline() throws Exception {
        Assumptions.assumeTrue(FILES.stream().allMatch(Files::isRegularFile),
                "skipped: the real recordings are absent (" + IBT + "); put ../shared beside the project to run it");
        Path dir = Files.createTempDirectory("pitbox-library");
        PitboxHome.Moved home = PitboxHome.moveTo(dir);
        try {
            fill(SessionCache.standard());
            TestWorkbench.check("session library check failed", failures,
                    (display, app, workbench) -> exercise(display, app, workbench, dir));
        } finally {
            home.close();
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Caches the recordings as team 4's sessions 11, 12, 13, described as the server would. */
    private void fill(SessionCache cache) throws Exception {
        long id = 11;
        for (Path file : FILES) {
            IbtSummary s = IbtSummary.read(file);
            String driver = s.info().player() != null ? s.info().player().userName() : "unknown driver";
            SessionView v = new SessionView(id++, 4, 1, s.trackName(), s.carName(), driver,
                    Instant.ofEpochSecond(s.header().sessionStartDate()).toString(), Files.size(file), null,
                    SessionView.COMPLETE, Instant.now().toString(), s.header().recordCount(), s.durationSeconds(),
                    s.laps().size(), null, null);
            cache.put(SERVER, v, file);
            views.add(v);
        }
    }

    private void exercise(Display display, MApplication app, E4Workbench workbench, Path dir) throws Exception {
        Shell shell = TestWorkbench.shell(app);
        EPartService parts = TestWorkbench.engineer(app);
        MPart part = parts.showPart(SessionLibraryPart.ID, EPartService.PartState.ACTIVATE);
        SessionLibraryPart library = (SessionLibraryPart) part.getObject();
        assertFalse(app.getContext().get(TeamSession.class).signedIn(),
                "signed in from an earlier test: the library would list a server's sessions");
        assertEquals(SessionCache.standard().root(), library.cache().root());

        await(display, () -> !library.loading(), "the cache listed");
        assertEquals(LibraryListing.SIGN_IN + "; cached sessions are listed below (3).", library.stateText());
        List<LibraryListing.Row> rows = library.table().rows();
        assertEquals(List.of(13L, 12L, 11L), ids(rows), "newest first");
        assertTrue(rows.stream().allMatch(r -> r.cached() != null));
        assertEquals(LibraryTable.CACHED, library.table().control().getItem(0).getText(7));
        assertEquals(views.get(2).track(), library.table().control().getItem(0).getText(1));

        String langley = views.get(0).track();
        assertEquals(langley, views.get(1).track());
        filter(display, library, langley.toUpperCase(Locale.ROOT), "", "", "", "");
        assertEquals(List.of(12L, 11L), ids(library.table().rows()), "whole track name, any case");
        LocalDate day = Instant.parse(views.get(1).startedAt()).atZone(ZoneId.systemDefault()).toLocalDate();
        filter(display, library, "", "", views.get(1).driver(), day.toString(), day.toString());
        assertEquals(List.of(12L), ids(library.table().rows()), "one day's sessions");
        filter(display, library, "Nowhere Raceway", "", "", "", "");
        assertEquals(List.of(), library.table().rows());
        assertTrue(library.stateText().endsWith("no cached session matches these filters."),
                library.stateText());
        library.filter().set("", "", "", "31/05/2015", "");
        library.reload();
        assertTrue(library.stateText().startsWith("Write days as YYYY-MM-DD"), library.stateText());
        filter(display, library, "", "", "", "", "");
        assertEquals(3, library.table().rows().size());

        LibraryListing failed = LibraryListing.of(library.cache(), new CloudClient(SERVER),
                new TeamView(4, "Apex", "engineer"), CloudClient.SessionQuery.FIRST);
        assertEquals("Cannot list Apex's sessions: not signed in to " + SERVER + ". Cached sessions are listed"
                + " below (3).", failed.sentence(), "when the server fails, the team's cached sessions");
        assertEquals("status-bad", failed.style());
        assertEquals(List.of(13L, 12L, 11L), ids(failed.rows()));
        assertEquals(List.of(), LibraryListing.of(library.cache(), new CloudClient(SERVER), new TeamView(5,
                "Other", "driver"), CloudClient.SessionQuery.FIRST).rows(), "another team's are not listed");

        List<String> told = new ArrayList<>();
        SessionView gone = new SessionView(99, 4, 1, "Okayama", "Mazda", "Ada", "2025-01-01T00:00:00Z", 10,
                null, SessionView.COMPLETE, null, null, null, null, null, null);
        library.downloadBox().start(new CloudClient(SERVER), library.cache(), gone,
                e -> told.add("downloaded"), told::add);
        assertTrue(library.downloadBox().running());
        await(display, () -> !told.isEmpty() && !library.downloadBox().running(), "the failed download told");
        assertEquals(List.of("Could not download Okayama: not signed in to " + SERVER + "."), told);
        assertTrue(library.cache().get(SERVER, 4, 99).isEmpty());
        assertEquals(3, library.cache().list(null, null, null).size(), "a failed download leaves the cache");

        library.table().control().setSelection(1);
        library.table().control().notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets
                .Event());
        assertTrue(library.openButton().isEnabled(), library.openButton().getToolTipText());
        assertNull(library.table().selected().session().sha256());
        assertTrue(library.openButton().getToolTipText().startsWith("Open it in the Session part"));
        assertFalse(library.askButton().isEnabled(), "the AI Engineer reads sessions on the server");
        assertEquals("Sign in under Driver > Team to ask the AI Engineer", library.askButton().getToolTipText());
        display.setCursorLocation(shell.getBounds().x + 1599, shell.getBounds().y + 999);
        settle(display, 300);
        Screenshots.save(folderOf(part), TestScreenshots.file("library.png"));

        Path expected = library.table().selected().cached();
        library.openSelected();
        OpenSession open = app.getContext().get(OpenSession.class);
        await(display, () -> expected.equals(open.file()), "the cached session opened");
        assertEquals(views.get(1).track(), open.summary().trackName());
        assertTrue(parts.isPartVisible(parts.findPart(SessionPart.ID)), "the Session part shows it");
    }

    private static void filter(Display display, SessionLibraryPart library, String track, String car,
            String driver, String from, String to) {
        library.filter().set(track, car, driver, from, to);
        library.reload();
        await(display, () -> !library.loading(), "the filtered list");
    }

    private static List<Long> ids(List<LibraryListing.Row> rows) {
        return rows.stream().map(r -> r.session().id()).toList();
    }
}
