package org.pitbox.demo;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.osgi.service.event.Event;
import org.pitbox.app.feed.ActiveFeed;
import org.pitbox.app.live.EngineerLive;
import org.pitbox.app.team.TeamSession;
import org.pitbox.app.voice.DriverListening;
import org.pitbox.client.live.Bandwidth;
import org.pitbox.core.source.TelemetrySource;
import org.pitbox.ui.overlay.OverlayWindow;
import org.pitbox.ui.services.Status;

/**
 * {@code ./pitbox demo}: with {@code -Dpitbox.demo=URL} the workbench signs in to the demo server as its
 * driver, runs the simulator, streams it live to the demo team, shows the overlay and opens the Race Engineer
 * perspective watching that session through the server.
 */
public class DemoAddon {
    public static final String PROPERTY = "pitbox.demo";
    /** A folder: 75 s into the demo the workbench, then the overlay are saved there as PNG (for the docs). */
    public static final String SCREENSHOTS = "pitbox.demo.screenshots";
    /** A WAV recording of a question the demo asks by push-to-talk instead of a microphone. */
    public static final String ASK = "pitbox.demo.ask";
    /** A lap at the demo's Martinsville takes about 20 s; the fuel figures come with the first one. */
    private static final int ASK_AFTER_MILLIS = 25_000;
    private static final int SCREENSHOT_DELAY_MILLIS = 75_000;
    private static final int OVERLAY_SCREENSHOT_MILLIS = 3_000;
    private static final int TOOLTIP_GONE_MILLIS = 1_000;
    private static final String TEAM_LIVE_PART = "org.pitbox.ui.part.engineerlive";
    static final String DRIVER = "driver@demo.pitbox";
    static final String PASSWORD = "pitbox-demo";

    @Inject
    private TeamSession team;
    @Inject
    private ActiveFeed activeFeed;
    @Inject
    private DriverListening listening;
    @Inject
    private EngineerLive engineer;
    @Inject
    private OverlayWindow overlay;
    @Inject
    private UISynchronize ui;
    @Inject
    private IEventBroker events;
    @Inject
    private MApplication app;
    @Inject
    private EModelService models;
    @Inject
    private EPartService parts;
    @Inject
    @Optional
    @Service
    private List<TelemetrySource> sources;

    @Inject
    @Optional
    void started(@UIEventTopic(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE) Event event) {
        String url = System.getProperty(PROPERTY);
        if (url == null || url.isBlank()) {
            return;
        }
        events.post(Status.TOPIC_MESSAGE, "Demo: signing in to " + url + " as " + DRIVER);
        team.signIn(url, DRIVER, PASSWORD).whenComplete((ok, error) -> ui.asyncExec(() -> {
            if (error != null) {
                events.post(Status.TOPIC_MESSAGE, "Demo: sign-in failed: " + error.getMessage());
                return;
            }
            try {
                run();
            } catch (Exception e) {
                events.post(Status.TOPIC_MESSAGE, "Demo failed: " + e.getMessage());
            }
        }));
    }

    private void run() throws Exception {
        TelemetrySource simulator = sources == null ? null
                : sources.stream().filter(s -> s.id().equals("simulator")).findFirst().orElse(null);
        if (simulator == null) {
            throw new IllegalStateException("the simulator source is not installed");
        }
        activeFeed.start(simulator, null);
        team.startStreaming(activeFeed.feed(), Bandwidth.FULL);
        if (models.find("org.pitbox.ui.perspective.engineer", app) instanceof MPerspective engineerView) {
            parts.switchPerspective(engineerView);
            parts.showPart(TEAM_LIVE_PART, EPartService.PartState.ACTIVATE);
        }
        engineer.watch(team.client(), team.team(), team.sessionKey());
        events.post(Status.TOPIC_MESSAGE, "Demo: streaming a simulated car to " + team.team().name()
                + "; the Race Engineer perspective watches it through the server");
        String question = System.getProperty(ASK);
        if (question != null && !question.isBlank()) {
            ask(Path.of(question));
        }
        String folder = System.getProperty(SCREENSHOTS);
        if (folder == null) {
            overlay.show();
        } else {
            // the overlay stays on top of everything, even of a screen copy: it shows once the workbench is saved,
            // and follows the car from the start meanwhile
            overlay.follow();
            Display.getCurrent().timerExec(SCREENSHOT_DELAY_MILLIS, () -> screenshots(Path.of(folder)));
        }
    }

    /**
     * Push-to-talk without a microphone: once the simulated car has done a lap (for the fuel figures), the
     * recording is heard as if the driver held the button while it played; the answer is spoken and shown on the
     * overlay.
     */
    private void ask(Path wav) {
        events.post(Status.TOPIC_MESSAGE, "Demo: asking PitBox from " + wav.getFileName() + " after the first lap");
        Thread t = new Thread(() -> {
            try {
                listening.startWithoutMicrophone();
                Thread.sleep(ASK_AFTER_MILLIS);
                listening.hear(wav);
            } catch (Exception e) {
                events.post(Status.TOPIC_MESSAGE, "Demo: could not ask from " + wav + ": " + e.getMessage());
            } catch (Error e) {
                events.post(Status.TOPIC_MESSAGE, "Demo: could not ask from " + wav + ": " + e);
            }
        }, "pitbox-demo-ask");
        t.setDaemon(true);
        t.start();
    }

    /** The workbench (once the pointer is out of the way), then the overlay a few seconds after it shows. */
    private void screenshots(Path folder) {
        Display display = Display.getCurrent();
        display.setCursorLocation(display.getBounds().width - 1, display.getBounds().height - 1); // no tooltip
        display.timerExec(TOOLTIP_GONE_MILLIS, () -> {
            if (app.getChildren().get(0).getWidget() instanceof Shell workbench) {
                Screenshots.save(workbench, folder.resolve("demo-workbench.png"));
            }
            overlay.show();
            display.timerExec(OVERLAY_SCREENSHOT_MILLIS, () -> Screenshots.save(overlay.shell(),
                    folder.resolve("demo-overlay.png")));
        });
    }
}
