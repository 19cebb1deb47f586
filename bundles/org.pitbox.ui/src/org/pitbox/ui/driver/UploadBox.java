package org.pitbox.ui.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.pitbox.app.team.TeamSession;
import org.pitbox.client.CloudClient;
import org.pitbox.client.TransferProgress;
import org.pitbox.iracing.IbtSummary;
import org.pitbox.iracing.sessioninfo.Driver;
import org.pitbox.protocol.api.SessionView;
import org.pitbox.ui.services.UiPreferences;

/**
 * Uploads an .ibt to the team with a progress bar and Cancel. An interrupted upload resumes where it stopped:
 * the server's session id is remembered per file (path, size, modification time) in the preferences.
 */
final class UploadBox {
    private final TeamSession team;
    private final UISynchronize ui;
    private final UiPreferences prefs = new UiPreferences();
    private final Button choose;
    private final ProgressBar bar;
    private final Button cancel;
    private final Label state;
    private volatile boolean cancelled;
    private volatile boolean running;

    UploadBox(Composite parent, TeamSession team, UISynchronize ui) {
        this.team = team;
        this.ui = ui;
        choose = new Button(parent, SWT.PUSH);
        choose.setText("Upload .ibt...");
        choose.addListener(SWT.Selection, e -> chooseAndUpload());
        bar = new ProgressBar(parent, SWT.SMOOTH);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        cancel = new Button(parent, SWT.PUSH);
        cancel.setText("Cancel");
        cancel.setToolTipText("Stop the upload; upload the same file again later to resume it");
        cancel.addListener(SWT.Selection, e -> cancelled = true);
        state = new Label(parent, SWT.WRAP);
        state.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1));
        state.setText("After a session, upload iRacing's .ibt so the team can analyse it.");
    }

    void refresh() {
        boolean ready = team.signedIn() && team.team() != null;
        choose.setEnabled(ready && !running);
        choose.setToolTipText(ready ? "Choose an .ibt file and upload it to " + team.team().name()
                : "Sign in and choose a team first");
        cancel.setEnabled(running);
    }

    private void chooseAndUpload() {
        FileDialog dialog = new FileDialog(choose.getShell(), SWT.OPEN);
        dialog.setFilterExtensions(new String[] {"*.ibt", "*.*"});
        dialog.setFilterNames(new String[] {"iRacing telemetry (*.ibt)", "All files"});
        Path telemetry = Path.of(System.getProperty("user.home"), "Documents", "iRacing", "telemetry");
        if (Files.isDirectory(telemetry)) {
            dialog.setFilterPath(telemetry.toString());
        }
        String chosen = dialog.open();
        if (chosen != null) {
            upload(Path.of(chosen));
        }
    }

    /** Starts the upload in the background. */
    void upload(Path file) {
        CloudClient client = team.client();
        long teamId = team.team().id();
        cancelled = false;
        running = true;
        refresh();
        bar.setSelection(0);
        state.setText("Reading " + file.getFileName() + " ...");
        Thread.ofPlatform().daemon().name("pitbox-upload").start(() -> {
            String key = resumeKey(file);
            try {
                String remembered = prefs.get(key, "");
                Long resumeId = remembered.isEmpty() ? null : Long.valueOf(remembered);
                SessionView done = client.upload(teamId, file, about(file), resumeId, progress(key), () -> cancelled);
                prefs.put(key, "");
                finish(100, "Uploaded " + file.getFileName() + ": " + done.track() + ", " + done.car() + " ("
                        + done.lapCount() + " laps)");
            } catch (CancellationException e) {
                finish(-1, "Upload cancelled; upload the same file again to resume it.");
            } catch (IOException | RuntimeException e) {
                finish(-1, "Upload failed: " + TeamSession.rootMessage(e) + ". Try again to resume it.");
            }
        });
    }

    private TransferProgress progress(String key) {
        return new TransferProgress() {
            @Override
            public void progress(long done, long total) {
                int percent = total == 0 ? 100 : (int) (100 * done / total);
                show(percent, String.format("Uploading: %d%% of %.1f MB", percent, total / 1e6));
            }

            @Override
            public void session(long sessionId) {
                prefs.put(key, Long.toString(sessionId));
            }
        };
    }

    private static CloudClient.Upload about(Path file) throws IOException {
        IbtSummary summary = IbtSummary.read(file);
        Driver player = summary.info().player();
        long start = summary.header().sessionStartDate();
        return new CloudClient.Upload(summary.trackName(), summary.carName(),
                player != null && player.userName() != null ? player.userName() : "unknown driver",
                start > 0 ? Instant.ofEpochSecond(start) : Files.getLastModifiedTime(file).toInstant());
    }

    private static String resumeKey(Path file) {
        try {
            return "upload." + Integer.toHexString(file.toAbsolutePath().toString().hashCode()) + "."
                    + Files.size(file) + "." + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return "upload." + Integer.toHexString(file.toAbsolutePath().toString().hashCode());
        }
    }

    private void finish(int percent, String text) {
        running = false;
        show(percent, text);
    }

    /** Shows progress (percent, -1 to leave the bar) and a sentence, from any thread. */
    private void show(int percent, String text) {
        ui.asyncExec(() -> {
            if (state.isDisposed()) {
                return;
            }
            if (percent >= 0) {
                bar.setSelection(percent);
            }
            state.setText(text);
            state.getParent().layout(true, true);
            refresh();
        });
    }
}
