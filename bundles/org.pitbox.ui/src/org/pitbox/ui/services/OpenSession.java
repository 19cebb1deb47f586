package org.pitbox.ui.services;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import org.eclipse.e4.core.di.annotations.Creatable;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.pitbox.iracing.IbtSummary;

/** The session the Race Engineer perspective is looking at; the Session part sets it, other parts follow. */
@Creatable
@Singleton
public class OpenSession {
    private final IEventBroker events;
    private Path file;
    private IbtSummary summary;

    @Inject
    public OpenSession(IEventBroker events) {
        this.events = events;
    }

    public synchronized void set(Path file, IbtSummary summary) {
        this.file = file;
        this.summary = summary;
        events.post(Status.TOPIC_SESSION, file.toString());
    }

    /** The open .ibt file, or null. */
    public synchronized Path file() {
        return file;
    }

    public synchronized IbtSummary summary() {
        return summary;
    }
}
