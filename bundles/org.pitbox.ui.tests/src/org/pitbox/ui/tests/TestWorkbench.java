package org.pitbox.ui.tests;

import org.eclipse.e4.ui.internal.workbench.E4Workbench;
import org.eclipse.e4.ui.internal.workbench.swt.E4Application;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.basic.MTrimmedWindow;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/** The real e4 workbench for UI tests (no 3.x test harness): start it, drive it, find its window. */
public final class TestWorkbench {
    /** What a test does in the running workbench; it closes the workbench when done. */
    public interface Exercise {
        void run(Display display, MApplication app, E4Workbench workbench);
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
