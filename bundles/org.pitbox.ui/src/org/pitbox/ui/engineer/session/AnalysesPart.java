package org.pitbox.ui.engineer.session;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IStylingEngine;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.pitbox.app.session.OpenSession;
import org.pitbox.core.analysis.Analysis;
import org.pitbox.core.analysis.AnalysisResult;
import org.pitbox.core.analysis.Figure;
import org.pitbox.core.analysis.run.AnalysisRegistry;
import org.pitbox.core.analysis.run.AnalysisRunner;
import org.pitbox.core.analysis.run.Outcome;
import org.pitbox.iracing.IbtSummary;
import org.pitbox.iracing.ibt.IbtFile;
import org.pitbox.ui.services.Listening;
import org.pitbox.ui.services.Status;

/**
 * Runs the installed analyses (built-in and plugins) on the open session, off the UI thread, and shows their
 * figures and tables; a plugin that fails or overruns is named with its reason, and the workbench goes on.
 */
public class AnalysesPart {
    public static final String ID = "org.pitbox.ui.part.analyses";
    /** Lays results out at least this wide while the part is hidden (GTK rejects zero-width tables). */
    private static final int MIN_WIDTH = 400;

    @Inject
    @Optional
    private AnalysisRegistry registry;
    @Inject
    private OpenSession openSession;
    @Inject
    private UISynchronize ui;
    @Inject
    private IStylingEngine styling;

    private final AnalysisRunner runner = new AnalysisRunner();
    private Label state;
    private Button run;
    private ProgressBar progress;
    private Composite results;
    private ScrolledComposite scroller;
    private Listening listening;

    @PostConstruct
    public void create(Composite parent) {
        parent.setLayout(new GridLayout(3, false));
        run = new Button(parent, SWT.PUSH);
        run.setText("Run all analyses");
        run.addListener(SWT.Selection, e -> runAll());
        progress = new ProgressBar(parent, SWT.HORIZONTAL);
        progress.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        progress.setVisible(false);
        state = new Label(parent, SWT.WRAP);
        state.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        scroller = new ScrolledComposite(parent, SWT.V_SCROLL);
        scroller.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        scroller.setExpandHorizontal(true);
        results = new Composite(scroller, SWT.NONE);
        results.setLayout(new GridLayout(1, false));
        scroller.setContent(results);
        refresh();
        listening = new Listening(ui);
        listening.session(openSession, this::sessionOpened);
    }

    private void sessionOpened(Path file, IbtSummary summary) {
        if (state != null && !state.isDisposed()) {
            refresh();
        }
    }

    private void refresh() {
        boolean ready = openSession.file() != null && registry != null;
        run.setEnabled(ready);
        run.setToolTipText(ready ? "Run every installed analysis on " + openSession.file().getFileName()
                : "Open a session first (File > Open)");
        int count = registry == null ? 0 : registry.list().size();
        state.setText(openSession.file() == null ? count + " analyses installed. Open a session to run them."
                : count + " analyses installed for " + openSession.file().getFileName() + ".");
        state.getParent().layout(true, true);
    }

    /** Runs every analysis of the registry; results arrive one by one as they finish. */
    public void runAll() {
        Path file = openSession.file();
        List<Analysis> analyses = registry.list();
        run.setEnabled(false);
        progress.setVisible(true);
        progress.setMaximum(analyses.size());
        progress.setSelection(0);
        state.setText("Running " + analyses.size() + " analyses on " + file.getFileName() + " ...");
        for (Control c : results.getChildren()) {
            c.dispose();
        }
        Thread worker = new Thread(() -> {
            List<Outcome> outcomes = new ArrayList<>();
            try (IbtFile ibt = IbtFile.open(file)) {
                var session = openSession.summary().sessionData(ibt);
                for (Analysis analysis : analyses) {
                    Outcome outcome = runner.run(analysis, session);
                    outcomes.add(outcome);
                    ui.asyncExec(() -> show(outcome, outcomes.size(), analyses.size()));
                }
            } catch (Exception e) {
                ui.asyncExec(() -> finished("Could not read " + file.getFileName() + ": " + e.getMessage()));
                return;
            }
            long failed = outcomes.stream().filter(o -> !o.ok() && o.status() != Outcome.Status.SKIPPED).count();
            ui.asyncExec(() -> finished(outcomes.size() + " analyses ran" + (failed == 0 ? "." : ", " + failed
                    + " failed: see the red headlines.")));
        }, "pitbox-analyses");
        worker.setDaemon(true);
        worker.start();
    }

    private void show(Outcome outcome, int done, int total) {
        if (results.isDisposed()) {
            return;
        }
        progress.setSelection(done);
        Label headline = new Label(results, SWT.WRAP);
        headline.setText(outcome.headline());
        headline.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        styling.setClassname(headline, outcome.ok() ? "status-ok"
                : outcome.status() == Outcome.Status.SKIPPED ? "hint" : "status-bad");
        AnalysisResult result = outcome.result();
        if (result != null) {
            StringBuilder text = new StringBuilder(result.summary());
            for (Figure f : result.figures()) {
                text.append('\n').append(f.name()).append(": ").append(format(f.value())).append(' ').append(f.unit());
            }
            if (!text.isEmpty()) {
                Label figures = new Label(results, SWT.WRAP);
                figures.setText(text.toString().strip());
            }
            result.tables().forEach(this::table);
        }
        layout();
    }

    private void table(org.pitbox.core.analysis.Table data) {
        Label title = new Label(results, SWT.NONE);
        title.setText(data.title());
        Table table = new Table(results, SWT.BORDER | SWT.FULL_SELECTION);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridData size = new GridData(SWT.FILL, SWT.TOP, true, false);
        size.heightHint = Math.min(8, data.rows().size() + 1) * 24;
        table.setLayoutData(size);
        for (var column : data.columns()) {
            TableColumn c = new TableColumn(table, SWT.RIGHT);
            c.setText(column.unit().isEmpty() ? column.name() : column.name() + " (" + column.unit() + ")");
        }
        for (List<Object> row : data.rows()) {
            TableItem item = new TableItem(table, SWT.NONE);
            for (int i = 0; i < row.size(); i++) {
                item.setText(i, row.get(i) instanceof Double d ? format(d) : row.get(i) == null ? "-" : row.get(i).toString());
            }
        }
        for (TableColumn c : table.getColumns()) {
            c.pack();
            c.setWidth(c.getWidth() + 12);
        }
    }

    /** The line above the results: what ran, or what to do next. */
    public String stateText() {
        return state.getText();
    }

    /** Whole numbers (laps, counts) without decimals, the rest to the millisecond. */
    private static String format(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e9 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.3f", value);
    }

    private void finished(String message) {
        if (state.isDisposed()) {
            return;
        }
        progress.setVisible(false);
        state.setText(message);
        refresh();
        state.setText(message);
        layout();
    }

    private void layout() {
        int width = Math.max(scroller.getClientArea().width, MIN_WIDTH);
        results.setSize(results.computeSize(width, SWT.DEFAULT));
        results.layout(true, true);
    }

    @PreDestroy
    void dispose() {
        listening.close();
        runner.close();
    }
}
