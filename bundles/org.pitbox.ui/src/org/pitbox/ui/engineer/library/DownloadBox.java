package org.pitbox.ui.engineer.library;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.pitbox.app.library.LibraryListing;
import org.pitbox.client.CloudClient;
import org.pitbox.client.SessionCache;
import org.pitbox.protocol.api.SessionView;

/**
 * Downloads one session into the cache in an Eclipse {@link Job}: a progress bar with megabytes done of the
 * total, and Cancel (which leaves the cache as it was). Hidden while idle.
 */
final class DownloadBox {
    private final UISynchronize ui;
    private final Composite box;
    private final ProgressBar bar;
    private final Label text;
    private final Button cancel;
    private volatile boolean cancelled;
    private Job job;

    DownloadBox(Composite parent, UISynchronize ui) {
        this.ui = ui;
        box = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(3, false);
        layout.marginWidth = 0;
        box.setLayout(layout);
        box.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        text = new Label(box, SWT.NONE);
        GridData textData = new GridData(SWT.LEFT, SWT.CENTER, false, false);
        textData.widthHint = 330;
        text.setLayoutData(textData);
        bar = new ProgressBar(box, SWT.SMOOTH);
        bar.setMaximum(1000);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        cancel = new Button(box, SWT.PUSH);
        cancel.setText("Cancel");
        cancel.setToolTipText("Stop the download; nothing of it is kept");
        cancel.addListener(SWT.Selection, e -> cancel());
        visible(false);
    }

    boolean running() {
        return job != null;
    }

    /** What the box says, e.g. "Downloading Okayama: 1.2 of 3.4 MB". */
    String text() {
        return text.getText();
    }

    void cancel() {
        cancelled = true;
        cancel.setEnabled(false);
        text.setText("Cancelling ...");
        Job j = job;
        if (j != null) {
            j.cancel();
        }
    }

    /**
     * Starts downloading {@code session} into {@code cache}; {@code done} gets the cached session, {@code failed}
     * a sentence (null when the user cancelled), both on the UI thread.
     */
    void start(CloudClient client, SessionCache cache, SessionView session, Consumer<SessionCache.Entry> done,
            Consumer<String> failed) {
        String name = session.track() == null ? "session " + session.id() : session.track();
        cancelled = false;
        cancel.setEnabled(true);
        bar.setSelection(0);
        text.setText("Downloading " + name + " ...");
        visible(true);
        job = Job.create("Downloading " + name, (IProgressMonitor monitor) -> {
            long video = session.videoBytes() == null ? 0 : session.videoBytes();
            int kilobytes = (int) Math.max(1, (session.sizeBytes() + video) / 1024);
            monitor.beginTask("Downloading " + name, kilobytes);
            int[] worked = {0};
            try {
                SessionCache.Entry entry = cache.download(client, session, (bytes, total) -> {
                    int now = (int) (bytes / 1024);
                    monitor.worked(Math.max(0, now - worked[0]));
                    worked[0] = now;
                    show(name, bytes, total);
                }, () -> cancelled || monitor.isCanceled());
                finish(() -> done.accept(entry));
                return org.eclipse.core.runtime.Status.OK_STATUS;
            } catch (CancellationException e) {
                finish(() -> failed.accept(null));
                return org.eclipse.core.runtime.Status.CANCEL_STATUS;
            } catch (IOException | RuntimeException e) {
                String why = LibraryListing.message(e);
                finish(() -> failed.accept("Could not download " + name + ": " + why + "."));
                return org.eclipse.core.runtime.Status.OK_STATUS; // told in the part; nothing for the error log
            } finally {
                monitor.done();
            }
        });
        job.setPriority(Job.LONG);
        job.schedule();
    }

    private void show(String name, long bytes, long total) {
        ui.asyncExec(() -> {
            if (!box.isDisposed() && !cancelled) {
                bar.setSelection(total <= 0 ? 0 : (int) (1000 * bytes / total));
                text.setText(String.format(Locale.ROOT, "Downloading %s: %.1f of %.1f MB", name, bytes / 1e6,
                        total / 1e6));
            }
        });
    }

    private void finish(Runnable then) {
        ui.asyncExec(() -> {
            job = null;
            if (!box.isDisposed()) {
                visible(false);
                then.run();
            }
        });
    }

    private void visible(boolean on) {
        ((GridData) box.getLayoutData()).exclude = !on;
        box.setVisible(on);
        box.getParent().layout(true, true);
    }

    /** Stops a running download when the part closes. */
    void dispose() {
        cancelled = true;
        Job j = job;
        if (j != null) {
            j.cancel();
        }
    }
}
