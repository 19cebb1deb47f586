package org.pitbox.ui.engineer.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pitbox.ui.tests.UiWait.await;
import static org.pitbox.ui.tests.UiWait.settle;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.e4.ui.internal.workbench.E4Workbench;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pitbox.app.assistant.EngineerAssistant;
import org.pitbox.app.live.EngineerLive;
import org.pitbox.app.team.TeamSession;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.core.sim.SimulatedRecording;
import org.pitbox.core.sim.Tracks;
import org.pitbox.demo.Screenshots;
import org.pitbox.ui.tests.TestDemoServer;
import org.pitbox.ui.tests.TestDriver;
import org.pitbox.ui.tests.TestScreenshots;
import org.pitbox.ui.tests.TestWorkbench;

/**
 * The AI Engineer part against the demo server (its jar as a process; no AI agent, so the rule-based engineer
 * answers): a simulated driver streams Martinsville, the engineer watches it and asks "how much fuel do we need to
 * finish?"; an answer with numbers streams into the transcript with its source and facts, is rated from the part,
 * and the coach's hints are listed. Screenshots of the part (1280 x 720) and of the AI report.
 */
class AssistantPartTest {
    private static final String PASSWORD = TestDemoServer.PASSWORD;
    private static final String FUEL = "how much fuel do we need to finish?";
    private static final int LAPS = 12;
    private static final int FAST_LAPS = 4;

    @TempDir
    Path dir;

    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private TestDemoServer server;
    private URI base;

    @Test
    void aStreamedAnswerWithNumbersAboutTheWatchedLiveSession() throws Exception {
        server = TestDemoServer.start(dir);
        base = server.base();
        try {
            TestWorkbench.checkSignedIn("assistant check failed", failures, this::exercise);
        } finally {
            server.stop();
        }
    }

    private void exercise(Display display, MApplication app, E4Workbench workbench) throws Exception {
        Shell shell = TestWorkbench.shell(app);
        EPartService parts = TestWorkbench.engineer(app);
        shell.setBounds(0, 0, 1280, 720);
        AssistantPart part = (AssistantPart) parts.showPart(AssistantPart.ID, EPartService.PartState.ACTIVATE)
                .getObject();
        await(display, () -> part.problem.getText().startsWith("Signed out"), 10, "signed out is said");
        assertTrue(!part.ask.isEnabled(), "Ask is off while signed out");

        TeamSession team = app.getContext().get(TeamSession.class);
        team.signIn(base.toString(), "engineer@demo.pitbox", PASSWORD).get(30, TimeUnit.SECONDS);
        // 20 L for a 12-lap race at 2.5 L a lap: the coach says the fuel is short after the first lap
        SimulatedRecording race = SimulatedRecording.run(SimOptions.defaults().withTrack(Tracks.MARTINSVILLE)
                .withLaps(LAPS).withSeed(5).withFuel(20, 100, 2.5));
        String key = "live-ai-" + System.currentTimeMillis();
        TestDriver driver = server.driver(key, race, LAPS, FAST_LAPS, failures);
        await(display, () -> driver.publisher() != null, 30, "the driver streams");
        EngineerLive live = app.getContext().get(EngineerLive.class);
        live.watch(team.client(), team.team(), key);
        EngineerAssistant assistant = app.getContext().get(EngineerAssistant.class);
        await(display, () -> ("live:" + key).equals(assistant.subject()), 10, "the part follows the session");
        await(display, () -> part.about.getText().contains(key), 10, "the part says which session");

        String answer = "";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!answer.matches("(?s).*fuel.*\\d.*")) {
            assertTrue(System.nanoTime() < deadline, "an answer with numbers within 2 minutes: " + answer);
            settle(display, answer.isEmpty() ? 0 : 8000);
            await(display, () -> part.ask.isEnabled(), 30, "Ask is on");
            part.question.setText(FUEL);
            part.ask.notifyListeners(SWT.Selection, null);
            await(display, () -> !assistant.busy() && part.ask.isEnabled(), 60, "the answer is done");
            List<EngineerAssistant.Turn> turns = assistant.turns();
            answer = turns.isEmpty() || turns.get(turns.size() - 1).answer() == null ? "no answer: "
                    + part.problem.getText() : turns.get(turns.size() - 1).answer().text();
        }
        // the transcript is rewritten on the UI thread after the answer ends (a card can turn Ask on first)
        await(display, () -> part.transcript().control().getText().endsWith(Transcript.meta(
                assistant.turns().get(assistant.turns().size() - 1).answer(), null)), 10,
                "the transcript ends with the answer's source and facts");
        String shown = part.transcript().control().getText();
        assertTrue(shown.contains(answer), "the answer is in the transcript");
        assertTrue(shown.contains(EngineerAssistant.RULES_LABEL), "its source is shown");
        assertTrue(shown.contains("Facts used: fuel."), "the facts it used are shown");
        assertTrue(shown.contains("100 % of numbers verified"), shown);

        part.rate[0].notifyListeners(SWT.Selection, null);
        await(display, () -> "useful".equals(assistant.turns().get(assistant.turns().size() - 1).rating()), 30,
                "the answer is rated useful");
        await(display, () -> part.transcript().control().getText().contains("Rated useful"), 10,
                "the rating is shown");

        display.setCursorLocation(1900, 1060);
        settle(display, 800);
        Screenshots.save(shell, TestScreenshots.file("ai-engineer.png"));

        AiReportPart report = (AiReportPart) parts.showPart(AiReportPart.ID, EPartService.PartState.ACTIVATE)
                .getObject();
        report.load();
        await(display, () -> report.table.getItemCount() > 0, 30, "the report has rows");
        Path jsonl = dir.resolve("export.jsonl");
        long bytes = report.exportTo(jsonl).get(30, TimeUnit.SECONDS);
        assertEquals(Files.size(jsonl), bytes);
        settle(display, 500);
        Screenshots.save(shell, TestScreenshots.check("ai-report.png"));

        parts.showPart(AssistantPart.ID, EPartService.PartState.ACTIVATE);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!part.hints.getText().startsWith("Lap ") && System.nanoTime() < until) {
            assistant.reload(); // hints sent before the engineer watched come from the server's insights
            settle(display, 5000);
        }
        assertTrue(part.hints.getText().startsWith("Lap "), "the coach's hints are listed: " + part.hints.getText());
        settle(display, 800);
        Screenshots.save(shell, TestScreenshots.check("ai-engineer-hints.png"));
    }
}
