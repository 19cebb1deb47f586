package org.pitbox.ui.driver;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.pitbox.app.feed.ActiveFeed;
import org.pitbox.core.source.TelemetrySource;
import org.pitbox.ui.overlay.OverlayWindow;
import org.pitbox.ui.services.Listening;
import org.pitbox.ui.services.Status;
import org.pitbox.ui.services.UiPreferences;

/** The driver picks where telemetry comes from; the choice is remembered. */
public class SourcePart {
    @Inject
    private ActiveFeed activeFeed;
    @Inject
    private IEventBroker events;
    @Inject
    private UISynchronize ui;
    @Inject
    private OverlayWindow overlay;

    private final UiPreferences prefs = new UiPreferences();
    private final List<TelemetrySource> sources = new ArrayList<>();
    private Composite choices;
    private Text replayFile;
    private ReplayBar replayBar;
    private Button start;
    private Button stop;
    private Label state;
    private Listening listening;

    @PostConstruct
    public void create(Composite parent) {
        listening = new Listening(ui);
        parent.setLayout(new GridLayout(1, false));
        Label title = new Label(parent, SWT.NONE);
        title.setText("Where does telemetry come from?");
        choices = new Composite(parent, SWT.NONE);
        choices.setLayout(new GridLayout(1, false));
        choices.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));

        Composite fileRow = new Composite(parent, SWT.NONE);
        fileRow.setLayout(new GridLayout(2, false));
        fileRow.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        replayFile = new Text(fileRow, SWT.BORDER);
        replayFile.setMessage(".ibt file to replay");
        replayFile.setText(prefs.replayFile());
        replayFile.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Button browse = new Button(fileRow, SWT.PUSH);
        browse.setText("Browse...");
        browse.setToolTipText("Choose an iRacing .ibt file to replay");
        browse.addListener(SWT.Selection, e -> browse());
        replayBar = new ReplayBar(parent, activeFeed::feed);

        Composite buttons = new Composite(parent, SWT.NONE);
        buttons.setLayout(new GridLayout(3, true));
        start = new Button(buttons, SWT.PUSH);
        start.setText("Start");
        start.addListener(SWT.Selection, e -> start());
        stop = new Button(buttons, SWT.PUSH);
        stop.setText("Stop");
        stop.addListener(SWT.Selection, e -> stopFeed());
        Button overlayButton = new Button(buttons, SWT.PUSH);
        overlayButton.setText("Show overlay");
        overlayButton.setToolTipText("Show or hide the always-on-top driver overlay (Ctrl+Shift+O)");
        overlayButton.addListener(SWT.Selection, e -> overlay.toggle());
        state = new Label(parent, SWT.WRAP);
        state.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        state.setText("Stopped.");
        rebuildChoices();
        listening.feed(activeFeed, this::onFeedChanged);
    }

    /** Sources come and go as bundles start and stop. */
    @Inject
    @Optional
    void setSources(@Service List<TelemetrySource> available) {
        sources.clear();
        sources.addAll(available);
        sources.sort(Comparator.comparing(TelemetrySource::name));
        if (choices != null && !choices.isDisposed()) {
            ui.asyncExec(this::rebuildChoices);
        }
    }

    /** The feed may be started or stopped elsewhere (a menu, another part): show what runs. */
    private void onFeedChanged(TelemetrySource source) {
        if (state == null || state.isDisposed()) {
            return;
        }
        state.setText(source == null ? "Stopped." : "Running: " + source.name() + ".");
        state.getParent().layout(true, true);
        updateButtons();
        replayBar.refresh();
    }

    private void rebuildChoices() {
        if (choices.isDisposed()) {
            return;
        }
        for (Control c : choices.getChildren()) {
            c.dispose();
        }
        if (sources.isEmpty()) {
            new Label(choices, SWT.WRAP).setText("No telemetry sources are installed.");
        }
        String remembered = prefs.sourceId();
        for (TelemetrySource source : sources) {
            Button radio = new Button(choices, SWT.RADIO);
            radio.setText(source.name());
            radio.setData(source);
            String reason = source.unavailableReason().orElse(null);
            radio.setEnabled(reason == null);
            radio.setSelection(reason == null && source.id().equals(remembered));
            radio.addListener(SWT.Selection, e -> updateButtons());
            if (reason != null) {
                Label why = new Label(choices, SWT.WRAP);
                why.setText("    " + reason);
                why.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
            }
        }
        choices.getParent().layout(true, true);
        updateButtons();
    }

    private TelemetrySource selected() {
        for (Control c : choices.getChildren()) {
            if (c instanceof Button b && b.getSelection()) {
                return (TelemetrySource) b.getData();
            }
        }
        return null;
    }

    private void updateButtons() {
        TelemetrySource source = selected();
        boolean running = activeFeed.feed() != null;
        replayFile.setEnabled(source != null && source.needsFile());
        start.setEnabled(source != null);
        start.setToolTipText(source == null ? "Choose a source first" : "Start " + source.name());
        stop.setEnabled(running);
        stop.setToolTipText(running ? "Stop the running feed" : "Nothing is running");
    }

    private void browse() {
        FileDialog dialog = new FileDialog(replayFile.getShell(), SWT.OPEN);
        dialog.setFilterExtensions(new String[] {"*.ibt", "*.*"});
        dialog.setFilterNames(new String[] {"iRacing telemetry (*.ibt)", "All files"});
        String chosen = dialog.open();
        if (chosen != null) {
            replayFile.setText(chosen);
        }
    }

    private void start() {
        TelemetrySource source = selected();
        if (source == null) {
            return;
        }
        Path file = null;
        if (source.needsFile()) {
            file = Path.of(replayFile.getText().trim());
            if (replayFile.getText().isBlank() || !Files.isRegularFile(file)) {
                state.setText("Choose an existing .ibt file to replay first.");
                return;
            }
            prefs.put(UiPreferences.REPLAY_FILE, file.toString());
        }
        prefs.put(UiPreferences.SOURCE_ID, source.id());
        try {
            activeFeed.start(source, file);
            events.post(Status.TOPIC_MESSAGE, "Started " + source.name());
        } catch (IOException | RuntimeException e) {
            state.setText("Could not start " + source.name() + ": " + e.getMessage());
            state.getParent().layout(true, true);
            events.post(Status.TOPIC_MESSAGE, "Telemetry source failed: " + e.getMessage());
        }
    }

    private void stopFeed() {
        activeFeed.stop();
    }

    @PreDestroy
    void dispose() {
        listening.close();
        activeFeed.stop();
    }
}
