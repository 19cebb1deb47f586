package org.pitbox.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pitbox.ui.tests.UiWait.settle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.ui.internal.workbench.E4Workbench;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MTrimmedWindow;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.pitbox.app.feed.ActiveFeed;
import org.pitbox.core.live.OverlayModel;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.core.sim.Tracks;
import org.pitbox.core.source.TelemetrySource;
import org.pitbox.demo.Screenshots;
import org.pitbox.iracing.ibt.SimulatedIbt;
import org.pitbox.ui.app.PluginsDialog;
import org.pitbox.ui.engineer.session.AnalysesPart;
import org.pitbox.ui.engineer.session.SessionPart;
import org.pitbox.ui.overlay.OverlayWindow;

/**
 * Opens the real PitBox workbench (Application.e4xmi, CSS theme, DS services), switches between
 * both perspectives and saves a screenshot of each under target/screenshots.
 */
class WorkbenchTest {
    private final List<Throwable> failures = new ArrayList<>();
    private final List<String> seen = new ArrayList<>();

    @Test
    void opensBothPerspectivesAndTakesScreenshots() throws Exception {
        FileTime start = FileTime.from(Instant.now().minusSeconds(1));
        TestWorkbench.check("workbench check failed", failures, this::exercise);
        assertEquals(List.of("Driver", "Race Engineer", "Driver"), seen);
        for (String name : List.of("driver.png", "engineer.png", "plugins.png", "analyses.png", "overlay.png")) {
            Path shot = TestScreenshots.file(name);
            assertTrue(Files.isRegularFile(shot) && Files.getLastModifiedTime(shot).compareTo(start) >= 0
                    && Files.size(shot) > 1000, "this run saved the screenshot " + shot);
        }
    }

    private void exercise(Display display, MApplication app, E4Workbench workbench) throws Exception {
        MTrimmedWindow window = (MTrimmedWindow) app.getChildren().get(0);
        Shell shell = (Shell) window.getWidget();
        assertTrue(shell.getText().contains("PitBox"), "window title: " + shell.getText());
        EModelService models = app.getContext().get(EModelService.class);
        EPartService parts = window.getContext().get(EPartService.class);
        MPerspective driver = (MPerspective) models.find("org.pitbox.ui.perspective.driver", app);
        MPerspective engineer = (MPerspective) models.find("org.pitbox.ui.perspective.engineer", app);
        startSimulator(app);
        settle(display, 2500);
        show(display, parts, driver, "driver.png");
        parts.switchPerspective(engineer);
        MPart sessionPart = (MPart) models.find(SessionPart.ID, app);
        ((SessionPart) sessionPart.getObject()).open(simulatedSession());
        show(display, parts, engineer, "engineer.png");
        runAnalyses(display, parts);
        for (String id : List.of("org.pitbox.ui.part.session", "org.pitbox.ui.part.server")) {
            MPart part = (MPart) models.find(id, app);
            assertNotNull(part.getObject(), id + " was not created");
        }
        show(display, parts, driver, null);
        MPart source = (MPart) models.find("org.pitbox.ui.part.source", app);
        assertNotNull(source.getObject(), "the telemetry source part was not created");
        assertTrue(app.getAddons().stream().anyMatch(a -> "org.pitbox.demo.addon".equals(a.getElementId())
                && a.getObject() != null), "the demo fragment added its add-on to the model");
        showPlugins(display, shell);
        showOverlay(display, app, window);
    }

    /** The Analyses part runs every built-in analysis on the opened session without a failure. */
    private static void runAnalyses(Display display, EPartService parts) throws Exception {
        MPart part = parts.showPart(AnalysesPart.ID, EPartService.PartState.ACTIVATE);
        AnalysesPart analyses = (AnalysesPart) part.getObject();
        analyses.runAll();
        String state = "";
        for (long end = System.currentTimeMillis() + 30_000; System.currentTimeMillis() < end && !state.contains("ran");) {
            settle(display, 200);
            state = analyses.stateText();
        }
        assertTrue(state.contains("analyses ran."), "every analysis ran without a failure: " + state);
        settle(display, 500);
        save(display, TestScreenshots.file("analyses.png"));
    }

    /** Window > Plugins with the examples' p2 repository loaded when it has been built (no p2 profile in tests). */
    private static void showPlugins(Display display, Shell shell) {
        PluginsDialog dialog = new PluginsDialog(shell, () -> { });
        dialog.setBlockOnOpen(false);
        dialog.open();
        Path examples = Path.of("..", "..", "examples", "org.pitbox.examples.repository", "target", "repository");
        if (Files.isDirectory(examples)) {
            dialog.load(examples.toAbsolutePath().normalize().toString());
        }
        settle(display, 2500);
        save(dialog.getShell(), TestScreenshots.file("plugins.png"));
        dialog.close();
    }

    /**
     * Ctrl+Shift+O's command opens the overlay over a replay of a real .ibt (the simulator when the recordings
     * are absent); its figures come from the feed (OverlayWindowTest times its paints).
     */
    private static void showOverlay(Display display, MApplication app, MTrimmedWindow window) throws Exception {
        Path ibt = Path.of("..", "..", "..", "shared", "data", "iracing", "ibt",
                "robroberts_skmodified_langley_2015-05-28_14-50-46.ibt").toAbsolutePath().normalize();
        if (Files.isRegularFile(ibt)) {
            app.getContext().get(ActiveFeed.class).start(source("*IbtReplay*"), ibt);
        } else {
            System.out.println("overlay: " + ibt + " is absent, showing the simulator");
        }
        ECommandService commands = app.getContext().get(ECommandService.class);
        window.getContext().get(EHandlerService.class)
                .executeHandler(commands.createCommand("org.pitbox.ui.command.overlay", null));
        OverlayWindow overlay = app.getContext().get(OverlayWindow.class);
        assertTrue(overlay.isVisible(), "the overlay command shows the overlay");
        assertTrue(overlay.shell().getText().startsWith("PitBox"), overlay.shell().getText());
        overlay.showMessage("Box this lap");
        OverlayModel model = overlay.model();
        for (long end = System.currentTimeMillis() + 45_000; System.currentTimeMillis() < end
                && (Double.isNaN(model.delta()) || !(model.speed() > 1) || !(model.lapTime() > 0)); ) {
            settle(display, 200);
        }
        assertTrue(model.speed() > 1 && model.rpm() > 0, "speed " + model.speed() + ", rpm " + model.rpm());
        // the delta starts with a new lap, whose first frame may show 0.0 s: the loop waits past it
        assertTrue(model.lapTime() > 0 && model.fuel() > 0, "lap time " + model.lapTime() + ", fuel " + model.fuel());
        System.out.println("overlay: speed " + model.speedText() + ", gear " + model.gearText() + ", rpm "
                + model.rpmText() + ", lap " + model.lapTimeText() + ", best " + model.bestLapText() + ", delta "
                + model.deltaText() + ", fuel " + model.fuelText() + ", frames " + model.frames());
        save(overlay.shell(), TestScreenshots.file("overlay.png"));
        overlay.toggle();
        assertTrue(!overlay.isVisible(), "the overlay hides again");
    }

    private static TelemetrySource source(String componentName) throws Exception {
        BundleContext context = FrameworkUtil.getBundle(WorkbenchTest.class).getBundleContext();
        return context.getServiceReferences(TelemetrySource.class, "(component.name=" + componentName + ")")
                .stream().map(context::getService).findFirst().orElseThrow();
    }

    /** Starts the simulator the way the Start button does, through the workbench's one ActiveFeed. */
    private static void startSimulator(MApplication app) throws Exception {
        app.getContext().get(ActiveFeed.class).start(source("*Simulator*"), null);
    }

    /** A short simulated session written as an .ibt, as {@code pitbox simulate} does. */
    private static Path simulatedSession() throws Exception {
        Path file = Path.of("target", "simulated.ibt").toAbsolutePath();
        SimulatedIbt.write(SimOptions.defaults().withTrack(Tracks.RED_BULL_RING).withLaps(4).withSeed(7), file,
                1_764_000_000L);
        return file;
    }

    private void show(Display display, EPartService parts, MPerspective perspective, String screenshot)
            throws Exception {
        parts.switchPerspective(perspective);
        display.setCursorLocation(1590, 990); // no tooltip in the screenshots
        settle(display, 1200);
        assertEquals(perspective, perspective.getParent().getSelectedElement());
        seen.add(perspective.getLabel());
        if (screenshot != null) {
            save(display, TestScreenshots.file(screenshot));
        }
    }

    private static void save(Display display, Path file) {
        save(display.getActiveShell() != null ? display.getActiveShell() : display.getShells()[0], file);
    }

    private static void save(Shell shell, Path file) {
        Screenshots.save(shell, file);
    }
}
