package org.pitbox.ui.app;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.EventTopic;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.event.Event;
import org.pitbox.app.assistant.EngineerAssistant;
import org.pitbox.app.feed.ActiveFeed;
import org.pitbox.app.live.EngineerLive;
import org.pitbox.app.live.LiveBoard;
import org.pitbox.app.session.OpenSession;
import org.pitbox.app.team.TeamSession;
import org.pitbox.app.voice.DriverListening;
import org.pitbox.app.voice.DriverVoice;
import org.pitbox.ui.overlay.OverlayWindow;

/**
 * The application layer's services (DS components of {@code org.pitbox.app}) in the workbench's context, for the
 * workbench's life: taken when it starts; when it shuts down they are released and their components ended (DS
 * deactivates them: the feed stops, a live session ends, subscriptions close) and enabled again, so a next
 * workbench in the same runtime starts with fresh ones. Equinox keeps delayed components nobody uses
 * ({@code ds.delayed.keepInstances}), hence the explicit end. Parts get the services with {@code @Inject}. The
 * overlay, which reads the active feed, lives as long.
 */
public class AppServices {
    private static final List<Class<?>> SERVICES = List.of(ActiveFeed.class, OpenSession.class, LiveBoard.class,
            EngineerLive.class, TeamSession.class, EngineerAssistant.class, DriverVoice.class, DriverListening.class);

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
        restartComponents();
    }

    /** Disables the app layer's components (DS deactivates them) and enables them again, not yet created. */
    private void restartComponents() {
        ServiceReference<ServiceComponentRuntime> ref = bundle.getServiceReference(ServiceComponentRuntime.class);
        ServiceComponentRuntime scr = ref == null ? null : bundle.getService(ref);
        if (scr == null) {
            return; // DS is gone: the runtime is stopping, and the components with it
        }
        try {
            Bundle app = FrameworkUtil.getBundle(ActiveFeed.class);
            List<ComponentDescriptionDTO> components = List.copyOf(scr.getComponentDescriptionDTOs(app));
            for (ComponentDescriptionDTO c : components) {
                scr.disableComponent(c).getValue();
            }
            for (ComponentDescriptionDTO c : components) {
                scr.enableComponent(c).getValue();
            }
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the app layer's components could not be restarted", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            bundle.ungetService(ref);
        }
    }
}
