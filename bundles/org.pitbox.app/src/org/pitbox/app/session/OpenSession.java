package org.pitbox.app.session;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Component;
import org.pitbox.iracing.IbtSummary;

/** The session the Race Engineer perspective is looking at; the Session part sets it, other parts follow. */
@Component(service = OpenSession.class)
public class OpenSession {
    /** Hears a session being opened, on the thread that opened it. */
    @FunctionalInterface
    public interface Listener {
        void opened(Path file, IbtSummary summary);
    }

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private Path file;
    private IbtSummary summary;

    public void set(Path file, IbtSummary summary) {
        synchronized (this) {
            this.file = file;
            this.summary = summary;
        }
        listeners.forEach(l -> l.opened(file, summary));
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    /** The open .ibt file, or null. */
    public synchronized Path file() {
        return file;
    }

    public synchronized IbtSummary summary() {
        return summary;
    }
}
