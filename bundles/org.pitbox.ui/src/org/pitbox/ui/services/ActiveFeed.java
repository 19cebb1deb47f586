package org.pitbox.ui.services;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.e4.core.di.annotations.Creatable;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.pitbox.core.source.LiveFeed;
import org.pitbox.core.source.TelemetrySource;

/** The one telemetry feed the workbench is showing; parts poll it at display rate. */
@Creatable
@Singleton
public class ActiveFeed {
    private final IEventBroker events;
    private TelemetrySource source;
    private LiveFeed feed;
    private final List<Runnable> stopping = new CopyOnWriteArrayList<>();

    @Inject
    public ActiveFeed(IEventBroker events) {
        this.events = events;
    }

    /** Stops any running feed and opens {@code next}; {@code file} only for sources that need one. */
    public synchronized void start(TelemetrySource next, Path file) throws IOException {
        stop();
        feed = next.open(file);
        source = next;
        events.post(Status.TOPIC_FEED, next.name());
    }

    /** Runs {@code hook} on the caller's thread just before the running feed closes; keep it short. */
    public void whenStopping(Runnable hook) {
        stopping.add(hook);
    }

    public synchronized void stop() {
        if (feed != null) {
            stopping.forEach(Runnable::run);
            feed.close();
            feed = null;
            source = null;
            events.post(Status.TOPIC_FEED, "");
        }
    }

    /** The running feed, or null. */
    public synchronized LiveFeed feed() {
        return feed;
    }

    /** The running source, or null. */
    public synchronized TelemetrySource source() {
        return source;
    }
}
