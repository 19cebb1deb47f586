package org.pitbox.ui.app;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.pitbox.app.feed.ActiveFeed;
import org.pitbox.app.live.EngineerLive;
import org.pitbox.app.team.TeamSession;
import org.pitbox.core.source.TelemetrySource;
import org.pitbox.ui.services.Listening;
import org.pitbox.ui.services.Status;

/** The bottom line: the last message, the running telemetry source and the team server state. */
public class StatusLine {
    @Inject
    private ActiveFeed activeFeed;
    @Inject
    private TeamSession team;
    @Inject
    private EngineerLive engineer;
    @Inject
    private UISynchronize ui;

    private Listening listening;
    private Label message;
    private Label feed;
    private Label server;

    @PostConstruct
    public void create(Composite parent) {
        Composite line = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(3, false);
        layout.marginHeight = 2;
        line.setLayout(layout);
        message = label(line, "Ready", 420);
        feed = label(line, "Telemetry: stopped", 260);
        server = label(line, "Team server: not checked", 320);
        listening = new Listening(ui);
        listening.feed(activeFeed, this::onFeed);
        listening.team(team, new TeamSession.Listener() {
            @Override
            public void changed(String sentence) {
                // the Team part shows these
            }

            @Override
            public void spoolFull(long dropped) {
                onMessage("The streaming spool is full: the oldest " + dropped
                        + " samples were dropped, the newest are kept");
            }
        });
        listening.engineer(engineer, new EngineerLive.Listener() {
            @Override
            public void changed(EngineerLive.Change change) {
                // the Team Live part shows these
            }

            @Override
            public void error(String text) {
                onMessage("Team live: " + text);
            }
        });
    }

    @PreDestroy
    void dispose() {
        listening.close();
    }

    private static Label label(Composite parent, String text, int width) {
        Label label = new Label(parent, SWT.NONE);
        label.setText(text);
        GridData data = new GridData(SWT.FILL, SWT.CENTER, false, false);
        data.widthHint = width;
        label.setLayoutData(data);
        return label;
    }

    @Inject
    @Optional
    void onMessage(@UIEventTopic(Status.TOPIC_MESSAGE) String text) {
        set(message, text);
    }

    private void onFeed(TelemetrySource source) {
        set(feed, source == null ? "Telemetry: stopped" : "Telemetry: " + source.name());
    }

    @Inject
    @Optional
    void onServer(@UIEventTopic(Status.TOPIC_SERVER) String text) {
        set(server, "Team server: " + text);
    }

    private static void set(Label label, String text) {
        if (label != null && !label.isDisposed()) {
            label.setText(text);
            label.setToolTipText(text);
        }
    }
}
