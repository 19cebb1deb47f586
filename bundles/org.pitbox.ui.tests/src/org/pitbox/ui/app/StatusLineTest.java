package org.pitbox.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pitbox.ui.tests.UiWait.settle;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.internal.workbench.E4Workbench;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.menu.MToolControl;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.pitbox.app.feed.ActiveFeed;
import org.pitbox.core.source.TelemetrySource;
import org.pitbox.demo.Screenshots;
import org.pitbox.ui.services.Status;
import org.pitbox.ui.tests.Fits;
import org.pitbox.ui.tests.TestScreenshots;
import org.pitbox.ui.tests.TestWorkbench;
import org.pitbox.ui.widgets.TextFit;

/** The status line at the default 1280 x 720: a long message gives way, the source and the server show in full. */
class StatusLineTest {
    private static final String LONG = "Signed in as Demo Driver of PitBox Demo Racing; the Race Engineer perspective"
            + " watches this car live through the team server";
    private static final String SERVER = "connected, version 0.1.0-SNAPSHOT, 60 ms";
    private final List<Throwable> failures = new ArrayList<>();

    @Test
    void aLongMessageIsShortenedAndNeverRunsIntoTheOthers() {
        TestWorkbench.check("status line check failed", failures, this::exercise);
    }

    private void exercise(Display display, MApplication app, E4Workbench workbench) throws Exception {
        try {
            Shell shell = TestWorkbench.shell(app);
            shell.setBounds(0, 0, 1280, 720);
            MToolControl control = (MToolControl) app.getContext().get(EModelService.class)
                    .find("org.pitbox.ui.toolcontrol.status", app);
            StatusLine line = (StatusLine) control.getObject();
            IEventBroker events = app.getContext().get(IEventBroker.class);
            events.send(Status.TOPIC_MESSAGE, LONG);
            app.getContext().get(ActiveFeed.class).start(simulator(), null);
            events.send(Status.TOPIC_SERVER, SERVER);
            settle(display, 1000);
            Screenshots.save(shell, TestScreenshots.check("status-line-1280x720.png"));

            Rectangle message = Fits.onDisplay(line.message());
            Rectangle feed = Fits.onDisplay(line.feed());
            Rectangle server = Fits.onDisplay(line.server());
            assertTrue(message.x + message.width <= feed.x && feed.x + feed.width <= server.x,
                    "message, source and server side by side: " + message + " " + feed + " " + server);
            for (Label full : List.of(line.feed(), line.server())) {
                Fits.shownInFull(full, full.getText());
                assertTrue(full.getSize().x >= full.computeSize(SWT.DEFAULT, SWT.DEFAULT).x,
                        "shown in full: " + full.getText());
            }
            assertEquals("Team server: " + SERVER, line.server().getText());
            Fits.shownInFull(line.message(), "the message");
            String shown = line.message().getText();
            assertTrue(shown.endsWith(TextFit.ELLIPSIS) && LONG.startsWith(shown.substring(0, shown.length() - 1)),
                    "the long message is shortened: " + shown);
            GC gc = new GC(line.message());
            try {
                assertTrue(gc.textExtent(shown).x <= line.message().getSize().x, "the shortened message fits");
            } finally {
                gc.dispose();
            }
            assertEquals(LONG, line.message().getToolTipText(), "the tooltip has the whole message");

            events.send(Status.TOPIC_MESSAGE, "Ready");
            settle(display, 300);
            assertEquals("Ready", line.message().getText(), "a short message shows whole");
        } finally {
            app.getContext().get(ActiveFeed.class).stop();
        }
    }

    private static TelemetrySource simulator() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(StatusLineTest.class).getBundleContext();
        return context.getServiceReferences(TelemetrySource.class, "(component.name=*Simulator*)")
                .stream().map(context::getService).findFirst().orElseThrow();
    }
}
