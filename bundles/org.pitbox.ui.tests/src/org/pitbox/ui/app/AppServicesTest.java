package org.pitbox.ui.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.junit.jupiter.api.Test;
import org.pitbox.app.feed.ActiveFeed;
import org.pitbox.app.live.EngineerLive;
import org.pitbox.app.live.LiveBoard;
import org.pitbox.app.session.OpenSession;
import org.pitbox.app.team.TeamSession;
import org.pitbox.core.sim.SimulatorSource;
import org.pitbox.ui.overlay.OverlayWindow;
import org.pitbox.ui.tests.TestWorkbench;

/**
 * Each workbench has its own application-layer services: the DS components are taken when it starts and end
 * when it shuts down (the running feed stops), so the next workbench starts with fresh ones.
 */
class AppServicesTest {
    private final List<Throwable> failures = new ArrayList<>();
    private final List<Object> first = new ArrayList<>();

    @Test
    void eachWorkbenchHasFreshServicesThatEndWithIt() {
        TestWorkbench.check("the first workbench", failures, (display, app, workbench) -> {
            IEclipseContext c = app.getContext();
            for (Class<?> type : List.of(ActiveFeed.class, OpenSession.class, LiveBoard.class, EngineerLive.class,
                    TeamSession.class, OverlayWindow.class)) {
                assertNotNull(c.get(type), type.getSimpleName() + " is in the workbench's context");
                first.add(c.get(type));
            }
            ActiveFeed feed = c.get(ActiveFeed.class);
            feed.start(new SimulatorSource(), null);
            assertNotNull(feed.feed());
            c.get(OverlayWindow.class).follow();
            assertSame(feed, app.getChildren().get(0).getContext().get(ActiveFeed.class),
                    "the window's parts see the same feed");
        });
        ActiveFeed oldFeed = (ActiveFeed) first.get(0);
        OverlayWindow oldOverlay = (OverlayWindow) first.get(5);
        assertNull(oldFeed.feed(), "the feed stopped when its workbench shut down");
        assertTrue(oldOverlay.shell() == null || oldOverlay.shell().isDisposed(), "the overlay went with it");

        TestWorkbench.check("the second workbench", failures, (display, app, workbench) -> {
            IEclipseContext c = app.getContext();
            for (int i = 0; i < first.size(); i++) {
                Object now = c.get(first.get(i).getClass());
                assertNotSame(first.get(i), now, now.getClass().getSimpleName() + " is new");
            }
            assertNull(c.get(ActiveFeed.class).feed(), "nothing runs in a new workbench");
            assertFalse(c.get(LiveBoard.class).active());
            assertFalse(c.get(TeamSession.class).streaming());
        });
    }
}
