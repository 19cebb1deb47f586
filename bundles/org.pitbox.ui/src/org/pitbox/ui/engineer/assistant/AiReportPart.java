package org.pitbox.ui.engineer.assistant;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.pitbox.app.team.TeamSession;
import org.pitbox.client.AiClient;
import org.pitbox.client.CloudClient;
import org.pitbox.protocol.api.AiApi.Report;
import org.pitbox.protocol.api.AiApi.ReportRow;
import org.pitbox.protocol.api.TeamView;
import org.pitbox.ui.widgets.Buttons;

/**
 * The team's AI report: per kind of insight and prompt version, how many there are, the share rated useful and
 * wrong, the share of verified numbers and the latency; Export saves every insight with its facts and ratings as
 * JSON lines. Server calls run off the UI thread.
 */
public class AiReportPart {
    public static final String ID = "org.pitbox.ui.part.aireport";
    static final String[] COLUMNS = {"Kind", "Prompt", "Insights", "Rated", "Useful", "Wrong", "Verified",
        "Latency p50", "p95"};

    @Inject
    TeamSession team;
    @Inject
    UISynchronize ui;

    Table table;
    Label status;
    Button refresh;
    Button export;

    @PostConstruct
    public void create(Composite parent) {
        parent.setLayout(AssistantPart.grid(1, 8, 6));
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayout(AssistantPart.grid(3, 0, 0));
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        status = new Label(bar, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        refresh = Buttons.push(bar, "Refresh", "Read the report from the server again", this::load);
        export = Buttons.push(bar, "Export JSONL...", "Save every insight, its facts and ratings as JSON lines",
                this::export);
        table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        for (String name : COLUMNS) {
            TableColumn c = new TableColumn(table, name.equals("Kind") || name.equals("Prompt") ? SWT.LEFT : SWT.RIGHT);
            c.setText(name);
            c.setWidth(name.equals("Prompt") ? 130 : name.equals("Kind") ? 80 : 78);
        }
        load();
    }

    /** Reads the report in the background. */
    void load() {
        AiClient ai = ai();
        TeamView t = team.team();
        if (ai == null) {
            status.setText("Signed out: sign in to the team server to see the AI report");
            return;
        }
        status.setText("Reading the report of " + t.name() + "...");
        CompletableFuture.supplyAsync(() -> {
            try {
                return ai.report(t.id());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).whenComplete((report, e) -> ui.asyncExec(() -> shown(t, report, e)));
    }

    private void shown(TeamView t, Report report, Throwable e) {
        if (table.isDisposed()) {
            return;
        }
        if (e != null) {
            status.setText("The report could not be read: " + TeamSession.rootMessage(e));
            return;
        }
        table.removeAll();
        for (ReportRow r : report.rows()) {
            new TableItem(table, SWT.NONE).setText(new String[] {r.kind(), r.promptVersion(),
                Integer.toString(r.insights()), Integer.toString(r.rated()), percent(r.usefulShare()),
                percent(r.wrongShare()), percent(r.verifiedShare()), r.latencyP50Ms() + " ms", r.latencyP95Ms() + " ms"});
        }
        status.setText(report.rows().isEmpty() ? t.name() + ": no hints or answers yet"
                : t.name() + ": " + report.rows().stream().mapToInt(ReportRow::insights).sum()
                        + " hints and answers");
    }

    private void export() {
        AiClient ai = ai();
        TeamView t = team.team();
        if (ai == null) {
            status.setText("Signed out: sign in to the team server to export");
            return;
        }
        FileDialog dialog = new FileDialog(table.getShell(), SWT.SAVE);
        dialog.setFilterExtensions(new String[] {"*.jsonl"});
        dialog.setFileName("ai-insights-team-" + t.id() + ".jsonl");
        dialog.setOverwrite(true);
        String file = dialog.open();
        if (file != null) {
            exportTo(Path.of(file));
        }
    }

    /** Saves the export to {@code file} in the background, saying how it went. */
    CompletableFuture<Long> exportTo(Path file) {
        AiClient ai = ai();
        TeamView t = team.team();
        status.setText("Exporting to " + file + "...");
        export.setEnabled(false);
        CompletableFuture<Long> done = CompletableFuture.supplyAsync(() -> {
            try {
                return ai.export(t.id(), file);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        done.whenComplete((bytes, e) -> ui.asyncExec(() -> {
            if (!status.isDisposed()) {
                export.setEnabled(true);
                status.setText(e == null ? String.format(Locale.ROOT, "Exported %,d bytes to %s", bytes, file)
                        : "Not exported: " + TeamSession.rootMessage(e));
            }
        }));
        return done;
    }

    private AiClient ai() {
        CloudClient c = team.client();
        return c == null || team.team() == null ? null : new AiClient(c);
    }

    private static String percent(double share) {
        return Math.round(share * 100) + " %";
    }
}
