package org.pitbox.ui.app;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.EventTopic;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.event.Event;
import org.pitbox.app.feed.ActiveFeed;
import org.pitbox.app.live.EngineerLive;
import org.pitbox.app.live.LiveBoard;
import org.pitbox.app.session.OpenSession;
import org.pitbox.app.team.TeamSession;
import org.pitbox.ui.overlay.OverlayWindow;

/**
 * The application layer's services (DS components of {@code org.pitbox.app}) in the workbench's context, for the
 * workbench's life: taken when it starts, released when it shuts down, which ends them (DS deactivates a
 * component nobody uses), so each workbench starts with fresh ones. Parts get them with {@code @Inject}. The
 * overlay, which reads the active feed, lives as long.
 */
public class AppServices {
    private static final List<Class<?>> SERVICES = List.of(ActiveFeed.class, OpenSession.class, LiveBoard.class,
            EngineerLive.class, TeamSession.class);

    private final BundleContext bundle = FrameworkUtil.getBundle(AppServices.class).getBundleContext();
    private final List<ServiceReference<?>> taken = new ArrayList<>();
    private OverlayWindow overlay;

    @PostConstruct
    void start(IEclipseContext context) {
        for (Class<?> type : SERVICES) {
            take(context, type);
        }
        overlay = ContextInjectionFactory.make(OverlayWindow.class, context);
        context.set(OverlayWindow.class, overlay);
    }

    private <T> void take(IEclipseContext context, Class<T> type) {
        ServiceReference<T> ref = bundle.getServiceReference(type);
        T service = ref == null ? null : bundle.getService(ref);
        if (service == null) {
            throw new IllegalStateException(type.getName() + " is not available: org.pitbox.app's components need "
                    + "Declarative Services (org.apache.felix.scr) running");
        }
        taken.add(ref);
        context.set(type, service);
    }

    /** The workbench shuts down (before its windows close): hide the overlay, release the services. */
    @Inject
    @Optional
    void stop(@EventTopic(UIEvents.UILifeCycle.APP_SHUTDOWN_STARTED) Event event) {
        Shell shell = overlay == null ? null : overlay.shell();
        if (shell != null && !shell.isDisposed()) {
            shell.dispose();
        }
        for (int i = taken.size() - 1; i >= 0; i--) {
            bundle.ungetService(taken.get(i));
        }
        taken.clear();
    }
}
