package org.pitbox.app.feed;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.pitbox.core.source.LiveFeed;
import org.pitbox.core.source.TelemetrySource;

/** The one telemetry feed the workbench is showing; parts poll it at display rate. */
@Component(service = ActiveFeed.class)
public class ActiveFeed {
    /** Hears the feed start and stop, on the thread that started or stopped it. */
    @FunctionalInterface
    public interface Listener {
        /** {@code source} now runs; null when the feed stopped. */
        void feedChanged(TelemetrySource source);
    }

    private TelemetrySource source;
    private LiveFeed feed;
    private final List<Runnable> stopping = new CopyOnWriteArrayList<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    /** Stops any running feed and opens {@code next}; {@code file} only for sources that need one. */
    public synchronized void start(TelemetrySource next, Path file) throws IOException {
        stop();
        feed = next.open(file);
        source = next;
        listeners.forEach(l -> l.feedChanged(next));
    }

    /** Runs {@code hook} on the caller's thread just before the running feed closes; keep it short. */
    public void whenStopping(Runnable hook) {
        stopping.add(hook);
    }

    /** Forgets a hook given to {@link #whenStopping}. */
    public void notWhenStopping(Runnable hook) {
        stopping.remove(hook);
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    @Deactivate
    public synchronized void stop() {
        if (feed != null) {
            stopping.forEach(Runnable::run);
            feed.close();
            feed = null;
            source = null;
            listeners.forEach(l -> l.feedChanged(null));
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
