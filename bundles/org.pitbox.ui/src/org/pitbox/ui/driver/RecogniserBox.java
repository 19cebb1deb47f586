package org.pitbox.ui.driver;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.pitbox.app.voice.DriverListening;
import org.pitbox.voice.engine.Strictness;
import org.pitbox.voice.engine.VoskEngine;
import org.pitbox.voice.model.ModelDownload;
import org.pitbox.voice.model.ModelSource;

/**
 * The recogniser the driver uses: Sphinx4 (built in, no download) or Vosk with a model downloaded here (progress,
 * cancel, checksum) or taken from a folder, and Sphinx4's strictness. A change applies at once when push-to-talk is
 * on.
 */
final class RecogniserBox {
    private final DriverListening listening;
    private final UISynchronize ui;
    private final Button sphinx;
    private final Button vosk;
    private final Label model;
    private final Button download;
    private final Button cancel;
    private final Button folder;
    private final ProgressBar progress;
    final Combo strictness;
    private final Runnable relayout;
    private volatile boolean cancelled;
    private long lastStep = -1;

    RecogniserBox(Composite g, DriverListening listening, UISynchronize ui, Runnable relayout) {
        this.listening = listening;
        this.ui = ui;
        this.relayout = relayout;
        sphinx = radio(g, "Sphinx4 (built in, no download)");
        vosk = radio(g, "Vosk (more accurate; needs a model of about 40 MB)");
        new Label(g, SWT.NONE).setText("Model");
        model = new Label(g, SWT.WRAP);
        GridData m = new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1);
        m.widthHint = 300;
        model.setLayoutData(m);
        download = new Button(g, SWT.PUSH);
        download.setText("Download model (40 MB)");
        download.setToolTipText("Downloads " + ModelSource.SMALL_EN_US.name() + ", checks its SHA-256 and unpacks it into "
                + DriverListening.modelsFolder());
        download.addListener(SWT.Selection, e -> download());
        folder = new Button(g, SWT.PUSH);
        folder.setText("Use a model folder...");
        folder.addListener(SWT.Selection, e -> chooseFolder());
        cancel = new Button(g, SWT.PUSH);
        cancel.setText("Cancel");
        cancel.setEnabled(false);
        cancel.addListener(SWT.Selection, e -> cancelled = true);
        progress = new ProgressBar(g, SWT.HORIZONTAL | SWT.SMOOTH);
        progress.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        progress.setVisible(false);
        new Label(g, SWT.NONE).setText("Strictness");
        strictness = new Combo(g, SWT.READ_ONLY);
        strictness.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        for (Strictness s : Strictness.values()) {
            strictness.add(s.label());
        }
        strictness.select(listening.strictness().ordinal());
        strictness.setToolTipText("How readily Sphinx4 takes speech for a command; check yours with"
                + " ./pitbox voice-eval --dir on your own recordings");
        strictness.addListener(SWT.Selection, e -> {
            listening.chooseStrictness(Strictness.values()[strictness.getSelectionIndex()]);
            restartIfOn();
        });
        boolean useVosk = DriverListening.VOSK.equals(listening.engineChoice());
        sphinx.setSelection(!useVosk);
        vosk.setSelection(useVosk);
        strictness.setEnabled(!useVosk);
        sphinx.addListener(SWT.Selection, e -> choose());
        vosk.addListener(SWT.Selection, e -> choose());
        showModel(null);
    }

    private static Button radio(Composite g, String text) {
        Button b = new Button(g, SWT.RADIO);
        b.setText(text);
        b.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        return b;
    }

    private void showModel(String message) {
        Path dir = listening.voskModel();
        String installed = dir != null && Files.isDirectory(dir) ? "Installed: " + dir : "No Vosk model yet";
        String library = VoskEngine.loadError().map(e -> ". The Vosk library does not load here: " + e).orElse("");
        model.setText((message == null ? installed : message) + library);
        relayout.run();
    }

    private void choose() {
        if (!sphinx.getSelection() && !vosk.getSelection()) {
            return;
        }
        listening.chooseEngine(vosk.getSelection() ? DriverListening.VOSK : DriverListening.SPHINX, null);
        strictness.setEnabled(sphinx.getSelection());
        restartIfOn();
    }

    private void restartIfOn() {
        restartIfOn(listening);
    }

    /** Starts listening again, off the UI thread, if it is on: the recogniser is made anew with the settings. */
    static void restartIfOn(DriverListening listening) {
        if (listening.state().on()) {
            Thread t = new Thread(listening::start, "pitbox-voice-start");
            t.setDaemon(true);
            t.start();
        }
    }

    private void chooseFolder() {
        DirectoryDialog d = new DirectoryDialog(model.getShell());
        d.setText("A Vosk model folder (it holds am/, conf/ and graph/)");
        String chosen = d.open();
        if (chosen == null) {
            return;
        }
        try {
            Path dir = new ModelDownload(HttpClient.newHttpClient(), DriverListening.modelsFolder())
                    .useFolder(Path.of(chosen));
            installed(dir, "Using " + dir);
        } catch (Exception e) {
            showModel("Not a Vosk model: " + e.getMessage());
        }
    }

    private void download() {
        cancelled = false;
        download.setEnabled(false);
        folder.setEnabled(false);
        cancel.setEnabled(true);
        progress.setVisible(true);
        relayout.run();
        progress.setSelection(0);
        showModel("Downloading " + ModelSource.SMALL_EN_US.name() + "...");
        Thread t = new Thread(() -> {
            try {
                Path dir = new ModelDownload(HttpClient.newHttpClient(), DriverListening.modelsFolder())
                        .install(ModelSource.SMALL_EN_US, this::progress, () -> cancelled);
                ui.asyncExec(() -> installed(dir, "Installed and checked: " + dir));
            } catch (CancellationException e) {
                ui.asyncExec(() -> finished("Download cancelled: nothing was kept"));
            } catch (Exception e) {
                ui.asyncExec(() -> finished("Download failed: " + e.getMessage()));
            }
        }, "pitbox-model-download");
        t.setDaemon(true);
        t.start();
    }

    /** From the download's thread: the UI hears each tenth of a percent at most once. */
    private void progress(long done, long total) {
        long step = total > 0 ? done * 1000 / total : done >> 20;
        if (step != lastStep) {
            lastStep = step;
            ui.asyncExec(() -> showProgress(done, total));
        }
    }

    private void showProgress(long done, long total) {
        if (progress.isDisposed()) {
            return;
        }
        progress.setMaximum(1000);
        progress.setSelection(total > 0 ? (int) (done * 1000 / total) : 0);
        model.setText(String.format("Downloading: %.1f of %s MB", done / 1e6, total > 0 ? String.format("%.1f",
                total / 1e6) : "?"));
    }

    private void installed(Path dir, String message) {
        listening.chooseEngine(DriverListening.VOSK, dir);
        sphinx.setSelection(false);
        vosk.setSelection(true);
        strictness.setEnabled(false);
        finished(message);
        restartIfOn();
    }

    private void finished(String message) {
        if (model.isDisposed()) {
            return;
        }
        download.setEnabled(true);
        folder.setEnabled(true);
        cancel.setEnabled(false);
        progress.setVisible(false);
        showModel(message);
    }
}
