package org.pitbox.ui.engineer.compare;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.ProgressBar;

/**
 * Work off the UI thread, as Eclipse {@link Job}s, behind one progress bar and one Cancel button. Several
 * tasks may run at once; the bar shows the latest report, Cancel stops them all. Results and errors come back
 * on the UI thread; a cancelled task reports nothing. The jobs belong to the family given at construction,
 * so {@code Job.getJobManager().find(family)} lists them.
 */
final class Background {
    private final UISynchronize ui;
    private final ProgressBar bar;
    private final Button cancel;
    private final Object family;
    private final Set<Task> running = new HashSet<>();

    /** What a task does; it calls {@link Task#step} now and then, which throws once it is cancelled. */
    interface Work<T> {
        T run(Task task) throws Exception;
    }

    final class Task {
        private volatile boolean cancelled;
        private volatile IProgressMonitor monitor;
        private Job job;

        void cancel() {
            cancelled = true;
            if (job != null) {
                job.cancel();
            }
        }

        boolean cancelled() {
            IProgressMonitor m = monitor;
            return cancelled || m != null && m.isCanceled();
        }

        /** Reports {@code done} of {@code total} steps; throws {@link CancellationException} once cancelled. */
        void step(int done, int total) {
            if (cancelled()) {
                throw new CancellationException();
            }
            IProgressMonitor m = monitor;
            if (m != null) {
                m.subTask(done + " of " + total);
            }
            ui.asyncExec(() -> {
                if (!bar.isDisposed() && !cancelled) {
                    bar.setMaximum(Math.max(1, total));
                    bar.setSelection(done);
                }
            });
        }
    }

    Background(UISynchronize ui, ProgressBar bar, Button cancel, Object family) {
        this.ui = ui;
        this.bar = bar;
        this.cancel = cancel;
        this.family = family;
        cancel.addListener(SWT.Selection, e -> cancelAll());
        show();
    }

    /**
     * Schedules {@code work} as a job named {@code name} (shown in progress views: "Reading x.ibt");
     * {@code done} or {@code failed} (a sentence) follows on the UI thread.
     */
    <T> Task start(String name, Work<T> work, Consumer<T> done, Consumer<String> failed) {
        Task task = new Task();
        running.add(task);
        bar.setSelection(0);
        show();
        Job job = new Job(name) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                task.monitor = monitor;
                monitor.beginTask(name, IProgressMonitor.UNKNOWN);
                T result = null;
                Throwable error = null;
                try {
                    result = work.run(task);
                } catch (CancellationException | OperationCanceledException e) {
                    task.cancelled = true;
                } catch (Exception | Error e) {
                    error = e; // an OutOfMemoryError on a huge file too: the part must not stay busy
                } finally {
                    monitor.done();
                }
                finish(task, result, error, done, failed);
                return task.cancelled() ? Status.CANCEL_STATUS : Status.OK_STATUS;
            }

            @Override
            public boolean belongsTo(Object f) {
                return family.equals(f);
            }
        };
        job.setSystem(false);
        task.job = job;
        job.schedule();
        return task;
    }

    private <T> void finish(Task task, T value, Throwable problem, Consumer<T> done, Consumer<String> failed) {
        ui.asyncExec(() -> {
            running.remove(task);
            if (bar.isDisposed()) {
                return;
            }
            show();
            if (task.cancelled()) {
                return;
            }
            if (problem != null) {
                failed.accept(problem.getMessage() != null ? problem.getMessage() : problem.toString());
            } else {
                done.accept(value);
            }
        });
    }

    boolean busy() {
        return !running.isEmpty();
    }

    void cancelAll() {
        running.forEach(Task::cancel);
        running.clear();
        show();
    }

    /** Shows the bar and Cancel only while something runs; hidden, they take no room in a grid layout. */
    private void show() {
        if (bar.isDisposed()) {
            return;
        }
        for (Control c : new Control[] {bar, cancel}) {
            c.setVisible(busy());
            if (c.getLayoutData() instanceof GridData data) {
                data.exclude = !busy();
            }
        }
        bar.getParent().layout(true);
    }
}
