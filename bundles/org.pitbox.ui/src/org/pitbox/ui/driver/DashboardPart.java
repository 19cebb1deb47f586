package org.pitbox.ui.driver;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import org.eclipse.swt.widgets.Composite;
import org.pitbox.app.feed.ActiveFeed;

/** The Driver perspective's readouts of the running source. */
public class DashboardPart {
    @Inject
    private ActiveFeed activeFeed;
    private ReadoutsView view;

    @PostConstruct
    public void create(Composite parent) {
        view = new ReadoutsView(parent, activeFeed::feed,
                "No telemetry yet. Pick a source in Telemetry Source and press Start.");
    }

    @PreDestroy
    void dispose() {
        view.dispose();
    }
}
