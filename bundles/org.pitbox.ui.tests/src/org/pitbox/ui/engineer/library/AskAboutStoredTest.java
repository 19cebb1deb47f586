package org.pitbox.ui.engineer.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pitbox.ui.tests.UiWait.await;
import static org.pitbox.ui.tests.UiWait.settle;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.e4.ui.internal.workbench.E4Workbench;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pitbox.app.assistant.EngineerAssistant;
import org.pitbox.app.library.LibraryListing;
import org.pitbox.app.team.TeamSession;
import org.pitbox.client.CloudClient;
import org.pitbox.client.TransferProgress;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.core.sim.Tracks;
import org.pitbox.iracing.ibt.SimulatedIbt;
import org.pitbox.demo.Screenshots;
import org.pitbox.protocol.api.SessionView;
import org.pitbox.ui.engineer.assistant.AssistantPart;
import org.pitbox.ui.tests.TestDemoServer;
import org.pitbox.ui.tests.TestScreenshots;
import org.pitbox.ui.tests.TestWorkbench;

/**
 * A stored session from the Session Library to the AI Engineer, against the demo server: the driver uploads six
 * simulated laps of Martinsville, the engineer selects it in the library and presses "Ask the AI Engineer" (also on the
 * table's menu); the AI Engineer part names the session and answers a question about it.
 */
class AskAboutStoredTest {
    private static final Instant STARTED = Instant.parse("2026-12-05T18:30:00Z");
    private static final String BEST = "what was the best lap?";

    @TempDir
    Path dir;

    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private SessionView stored;

    @Test
    void theLibrarysActionOpensTheAiEngineerOnTheStoredSession() throws Exception {
        Path ibt = dir.resolve("martinsville.ibt");
        SimulatedIbt.write(SimOptions.defaults().withTrack(Tracks.MARTINSVILLE).withLaps(6).withSeed(4), ibt,
                STARTED.getEpochSecond());
        TestDemoServer server = TestDemoServer.start(dir);
        try {
            CloudClient driver = new CloudClient(server.base());
            driver.login("driver@demo.pitbox", TestDemoServer.PASSWORD);
            stored = driver.upload(driver.teams().get(0).id(), ibt, new CloudClient.Upload("Martinsville", "PitBox",
                    "Demo Driver", STARTED), null, TransferProgress.NONE, () -> false);
            TestWorkbench.checkSignedIn("ask about a stored session failed", failures,
                    (display, app, workbench) -> exercise(display, app, workbench, server));
        } finally {
            server.stop();
        }
    }

    private void exercise(Display display, MApplication app, E4Workbench workbench, TestDemoServer server)
            throws Exception {
        Shell shell = TestWorkbench.shell(app);
        shell.setBounds(0, 0, 1280, 720);
        EPartService parts = TestWorkbench.engineer(app);
        TeamSession team = app.getContext().get(TeamSession.class);
        team.signIn(server.base().toString(), "engineer@demo.pitbox", TestDemoServer.PASSWORD)
                .get(30, TimeUnit.SECONDS);
        SessionLibraryPart library = (SessionLibraryPart) parts.showPart(SessionLibraryPart.ID,
                EPartService.PartState.ACTIVATE).getObject();
        library.reload();
        await(display, () -> !library.loading() && library.table().rows().stream()
                .anyMatch(r -> r.session().id() == stored.id()), 30, "the library lists the stored session");
        assertFalse(library.askButton().isEnabled(), "nothing selected yet");
        List<LibraryListing.Row> rows = library.table().rows();
        int at = rows.indexOf(rows.stream().filter(r -> r.session().id() == stored.id()).findFirst()
                .orElseThrow());
        library.table().control().setSelection(at);
        library.table().control().notifyListeners(SWT.Selection, new Event());
        assertTrue(library.askButton().isEnabled(), library.askButton().getToolTipText());
        library.table().control().getMenu().notifyListeners(SWT.Show, new Event());
        assertTrue(library.askItem().getEnabled(), "the menu offers it too");

        library.askButton().notifyListeners(SWT.Selection, new Event());
        EngineerAssistant assistant = app.getContext().get(EngineerAssistant.class);
        assertEquals(Long.toString(stored.id()), assistant.subject());
        assertTrue(parts.isPartVisible(parts.findPart(AssistantPart.ID)), "the AI Engineer part is shown");
        Label about = find(shell, Label.class, l -> l.getText().startsWith("About: ")).orElseThrow();
        Composite part = about.getParent().getParent();
        await(display, () -> about.getText().equals("About: " + assistant.title()), 10, "the part names it");
        assertEquals("About: " + EngineerAssistant.storedName(stored, ZoneId.systemDefault()), about.getText());
        assertTrue(about.getText().startsWith("About: Stored session: " + stored.track() + ", "), "its name, not"
                + " its id: " + about.getText());

        Text question = find(part, Text.class, t -> (t.getStyle() & SWT.SINGLE) != 0
                && t.getMessage().startsWith("Ask the engineer")).orElseThrow();
        Button ask = find(part, Button.class, b -> b.getText().equals("Ask")).orElseThrow();
        await(display, ask::isEnabled, 30, "Ask is on");
        question.setText(BEST);
        ask.notifyListeners(SWT.Selection, new Event());
        await(display, () -> !assistant.busy() && !assistant.turns().isEmpty()
                && assistant.turns().getLast().answer() != null, 60, "the answer about the stored session");
        String answer = assistant.turns().getLast().answer().text();
        assertTrue(answer.matches("(?s).*\\d.*"), "an answer with the session's figures: " + answer);
        assertEquals(1.0, assistant.turns().getLast().answer().verifiedShare(), answer);
        await(display, () -> find(part, StyledText.class, t -> t.getText().contains(answer)).isPresent(), 10,
                "the transcript shows it");

        display.setCursorLocation(1900, 1060);
        settle(display, 800);
        Screenshots.save(shell, TestScreenshots.check("ai-engineer-stored.png"));
    }

    /** The first control of {@code type} under {@code root} that {@code test} takes, depth first. */
    private static <T extends Control> Optional<T> find(Control root, Class<T> type, Predicate<T> test) {
        List<Control> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            Control c = todo.removeFirst();
            if (type.isInstance(c) && !c.isDisposed() && test.test(type.cast(c))) {
                return Optional.of(type.cast(c));
            }
            if (c instanceof Composite parent) {
                todo.addAll(0, List.of(parent.getChildren()));
            }
        }
        return Optional.empty();
    }
}
