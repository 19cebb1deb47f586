package org.pitbox.ui.parts;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.ProgressBar;

/**
 * Work off the UI thread behind one progress bar and one Cancel button. Several tasks may run at once; the
 * bar shows the latest report, Cancel stops them all. Results and errors come back on the UI thread; a
 * cancelled task reports nothing.
 */
final class Background {
    private final UISynchronize ui;
    private final ProgressBar bar;
    private final Button cancel;
    private final Set<Task> running = new HashSet<>();

    /** What a task does; it calls {@link Task#step} now and then, which throws once it is cancelled. */
    interface Work<T> {
        T run(Task task) throws Exception;
    }

    final class Task {
        private volatile boolean cancelled;

        void cancel() {
            cancelled = true;
        }

        /** Reports {@code done} of {@code total} steps. */
        void step(int done, int total) {
            if (cancelled) {
                throw new CancellationException();
            }
            ui.asyncExec(() -> {
                if (!bar.isDisposed() && !cancelled) {
                    bar.setMaximum(Math.max(1, total));
                    bar.setSelection(done);
                }
            });
        }
    }

    Background(UISynchronize ui, ProgressBar bar, Button cancel) {
        this.ui = ui;
        this.bar = bar;
        this.cancel = cancel;
        cancel.addListener(SWT.Selection, e -> cancelAll());
        show();
    }

    /** Starts {@code work} on its own thread; {@code done} or {@code failed} (a sentence) follows on the UI thread. */
    <T> Task start(String name, Work<T> work, Consumer<T> done, Consumer<String> failed) {
        Task task = new Task();
        running.add(task);
        bar.setSelection(0);
        show();
        Thread thread = new Thread(() -> {
            T result = null;
            Exception error = null;
            try {
                result = work.run(task);
            } catch (Exception e) {
                error = e;
            }
            T value = result;
            Exception problem = error;
            ui.asyncExec(() -> {
                running.remove(task);
                if (bar.isDisposed()) {
                    return;
                }
                show();
                if (task.cancelled) {
                    return;
                }
                if (problem != null) {
                    failed.accept(problem.getMessage() != null ? problem.getMessage() : problem.toString());
                } else {
                    done.accept(value);
                }
            });
        }, "pitbox-" + name);
        thread.setDaemon(true);
        thread.start();
        return task;
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
        for (Control c : new Control[] {bar, cancel}) {
            c.setVisible(busy());
            if (c.getLayoutData() instanceof GridData data) {
                data.exclude = !busy();
            }
        }
        bar.getParent().layout(true);
    }
}
