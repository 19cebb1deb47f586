package org.pitbox.ui.app;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.ui.menu.MToolControl;
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
import org.pitbox.ui.widgets.TextFit;

/**
 * The bottom line: the last message, the running telemetry source and the team server state. The line takes the
 * window's width; the source and the server show in full, the message gets what is left and is shortened with an
 * ellipsis when it is longer (its tooltip has it all).
 */
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

    /** The trim bar's tag for a control that takes the bar's spare width. */
    private static final String STRETCH = "stretch";

    private Composite line;
    private Label message;
    private String messageText = "Ready";
    private Label feed;
    private Label server;

    @PostConstruct
    public void create(Composite parent, MToolControl control) {
        if (!control.getTags().contains(STRETCH)) {
            control.getTags().add(STRETCH);
        }
        line = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(3, false);
        layout.marginHeight = 0;
        layout.marginBottom = 4; // the trim bar gives its stretching control 4 pixels less than it asks for
        layout.horizontalSpacing = 24;
        line.setLayout(layout);
        message = new Label(line, SWT.NONE);
        GridData grab = new GridData(SWT.FILL, SWT.CENTER, true, false);
        grab.widthHint = 1; // the width left by the other two, whatever the message says
        message.setLayoutData(grab);
        message.addListener(SWT.Resize, e -> fitMessage());
        feed = label(line, "Telemetry: stopped");
        server = label(line, "Team server: not checked");
        fitMessage();
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

    private static Label label(Composite parent, String text) {
        Label label = new Label(parent, SWT.NONE);
        label.setText(text);
        label.setToolTipText(text);
        label.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false));
        return label;
    }

    /** For tests: the three parts of the line. */
    Label message() {
        return message;
    }

    Label feed() {
        return feed;
    }

    Label server() {
        return server;
    }

    @Inject
    @Optional
    void onMessage(@UIEventTopic(Status.TOPIC_MESSAGE) String text) {
        if (message != null && !message.isDisposed()) {
            messageText = text;
            message.setToolTipText(text);
            fitMessage();
        }
    }

    private void onFeed(TelemetrySource source) {
        set(feed, source == null ? "Telemetry: stopped" : "Telemetry: " + source.name());
    }

    @Inject
    @Optional
    void onServer(@UIEventTopic(Status.TOPIC_SERVER) String text) {
        set(server, "Team server: " + text);
    }

    /** Shows a source or server text in full: the message gives up the room. */
    private void set(Label label, String text) {
        if (label != null && !label.isDisposed() && !text.equals(label.getText())) {
            label.setText(text);
            label.setToolTipText(text);
            line.getParent().layout(true, true);
        }
    }

    private void fitMessage() {
        TextFit.show(message, messageText);
    }
}
