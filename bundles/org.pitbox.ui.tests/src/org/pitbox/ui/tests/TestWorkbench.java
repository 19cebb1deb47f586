package org.pitbox.ui.tests;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.e4.ui.internal.workbench.E4Workbench;
import org.eclipse.e4.ui.internal.workbench.swt.E4Application;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.basic.MTrimmedWindow;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.pitbox.app.team.TeamSession;

/** The real e4 workbench for UI tests (no 3.x test harness): start it, drive it, find its window. */
public final class TestWorkbench {
    /** What a test does in the running workbench; it closes the workbench when done. */
    public interface Exercise {
        void run(Display display, MApplication app, E4Workbench workbench);
    }

    /** A test's steps in the running workbench; {@link #check} closes the workbench after them. */
    public interface Steps {
        void run(Display display, MApplication app, E4Workbench workbench) throws Exception;
    }

    private TestWorkbench() {
    }

    /** Starts the workbench, runs {@code exercise} once it has settled, and returns when the workbench closed. */
    public static void run(Exercise exercise) {
        Display display = Display.getCurrent() != null ? Display.getCurrent() : new Display();
        E4Workbench workbench = new E4Application().createE4Workbench(new TestApplicationContext(), display);
        MApplication app = workbench.getApplication();
        display.timerExec(1500, () -> exercise.run(display, app, workbench));
        workbench.createAndRunUI(app);
    }

    /**
     * Runs {@code steps} in a workbench as {@link #run} does and closes the workbench after them, whatever they did;
     * then fails with the first of {@code failures}: what the steps threw, and what other threads of the test added.
     */
    public static void check(String what, List<Throwable> failures, Steps steps) {
        check(what, failures, steps, false);
    }

    /**
     * As {@link #check}, and signs the team session out before the workbench closes: the remembered sign-in is on
     * disk, and later workbenches would sign in with it.
     */
    public static void checkSignedIn(String what, List<Throwable> failures, Steps steps) {
        check(what, failures, steps, true);
    }

    private static void check(String what, List<Throwable> failures, Steps steps, boolean signOut) {
        run((display, app, workbench) -> {
            try {
                steps.run(display, app, workbench);
            } catch (Throwable t) {
                failures.add(t);
            } finally {
                if (signOut) {
                    try {
                        app.getContext().get(TeamSession.class).signOut().get(30, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        failures.add(e);
                    }
                }
                workbench.close();
            }
        });
        for (Throwable t : failures) {
            throw new AssertionError(what + ": " + t, t);
        }
    }

    public static Shell shell(MApplication app) {
        return (Shell) app.getChildren().get(0).getWidget();
    }

    /** Sizes the window to 1600 x 1000 and shows the Race Engineer perspective; gives the window's parts. */
    public static EPartService engineer(MApplication app) {
        return perspective(app, "org.pitbox.ui.perspective.engineer", 1600, 1000);
    }

    /** Sizes the window and shows a perspective; gives the window's parts. */
    public static EPartService perspective(MApplication app, String id, int width, int height) {
        MTrimmedWindow window = (MTrimmedWindow) app.getChildren().get(0);
        shell(app).setBounds(0, 0, width, height);
        EModelService models = app.getContext().get(EModelService.class);
        EPartService parts = window.getContext().get(EPartService.class);
        parts.switchPerspective((MPerspective) models.find(id, app));
        return parts;
    }
}
