package org.pitbox.ui.app;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.pitbox.ui.services.Status;

/** The bottom line: the last message, the running telemetry source and the team server state. */
public class StatusLine {
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

    @Inject
    @Optional
    void onFeed(@UIEventTopic(Status.TOPIC_FEED) String sourceName) {
        set(feed, sourceName.isEmpty() ? "Telemetry: stopped" : "Telemetry: " + sourceName);
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
