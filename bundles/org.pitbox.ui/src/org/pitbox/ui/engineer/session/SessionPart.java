package org.pitbox.ui.engineer.session;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.FileTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.pitbox.app.session.OpenSession;
import org.pitbox.core.laps.Lap;
import org.pitbox.core.laps.LapTimes;
import org.pitbox.iracing.IbtSummary;
import org.pitbox.ui.services.Status;

/** One .ibt session: where and when, and its laps with the best one marked. Opens off the UI thread. */
public class SessionPart {
    public static final String ID = "org.pitbox.ui.part.session";

    @Inject
    private UISynchronize ui;
    @Inject
    private IEventBroker events;
    @Inject
    private OpenSession openSession;

    private Label facts;
    private ProgressBar busy;
    private Table laps;

    @PostConstruct
    public void create(Composite parent) {
        parent.setLayout(new GridLayout(2, false));
        Button open = new Button(parent, SWT.PUSH);
        open.setText("Open .ibt...");
        open.setToolTipText("Open an iRacing telemetry file (Ctrl+O), or drop one here");
        open.addListener(SWT.Selection, e -> choose(parent));
        busy = new ProgressBar(parent, SWT.INDETERMINATE);
        busy.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        busy.setVisible(false);
        facts = new Label(parent, SWT.WRAP);
        facts.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        facts.setText("No session open. Open an .ibt file (File > Open, Ctrl+O) or drop one here.");
        laps = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        laps.setHeaderVisible(true);
        laps.setLinesVisible(true);
        laps.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        for (String title : new String[] {"Lap", "Time", "Sectors", "Fuel used", "Notes"}) {
            TableColumn column = new TableColumn(laps, SWT.LEFT);
            column.setText(title);
            column.setWidth(title.equals("Sectors") ? 260 : 110);
        }
        DropTarget drop = new DropTarget(parent, DND.DROP_COPY | DND.DROP_DEFAULT);
        drop.setTransfer(new Transfer[] {FileTransfer.getInstance()});
        drop.addDropListener(new DropTargetAdapter() {
            @Override
            public void drop(DropTargetEvent event) {
                if (event.data instanceof String[] files && files.length > 0) {
                    open(Path.of(files[0]));
                }
            }
        });
    }

    private void choose(Composite parent) {
        FileDialog dialog = new FileDialog(parent.getShell(), SWT.OPEN);
        dialog.setFilterExtensions(new String[] {"*.ibt", "*.*"});
        String chosen = dialog.open();
        if (chosen != null) {
            open(Path.of(chosen));
        }
    }

    /** Reads the file in the background and shows it; errors are shown, never thrown. */
    public void open(Path file) {
        busy.setVisible(true);
        facts.setText("Opening " + file.getFileName() + " ...");
        events.post(Status.TOPIC_MESSAGE, "Opening " + file.getFileName());
        CompletableFuture.supplyAsync(() -> {
            try {
                return IbtSummary.read(file);
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }).whenComplete((summary, error) -> ui.asyncExec(() -> {
            if (facts.isDisposed()) {
                return;
            }
            busy.setVisible(false);
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                facts.setText("Could not open " + file.getFileName() + ": " + cause.getMessage());
                events.post(Status.TOPIC_MESSAGE, "Could not open " + file.getFileName());
            } else {
                show(summary);
                openSession.set(file, summary);
                events.post(Status.TOPIC_MESSAGE, "Opened " + file.getFileName());
            }
            facts.getParent().layout(true, true);
        }));
    }

    private void show(IbtSummary summary) {
        facts.setText(String.join("\n", summary.describe()));
        laps.removeAll();
        Lap best = summary.bestLap();
        for (Lap lap : summary.laps()) {
            TableItem item = new TableItem(laps, SWT.NONE);
            String notes = lap == best ? "best lap" : IbtSummary.flagsText(lap).replace("-", "");
            item.setText(new String[] {Integer.toString(lap.number()), LapTimes.format(lap.lapTime()),
                IbtSummary.sectorsText(lap), IbtSummary.fuelText(lap), notes});
            if (lap == best) {
                item.setForeground(laps.getDisplay().getSystemColor(SWT.COLOR_GREEN));
            }
        }
    }
}
