package org.pitbox.ui.parts;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IStylingEngine;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.pitbox.core.compare.CompareCsv;
import org.pitbox.core.compare.Comparison;
import org.pitbox.core.laps.Lap;
import org.pitbox.core.laps.LapTimes;
import org.pitbox.iracing.IbtSummary;
import org.pitbox.iracing.ibt.IbtFile;
import org.pitbox.ui.charts.ChartStack;
import org.pitbox.ui.parts.CompareChoices.Pick;
import org.pitbox.ui.support.OpenSession;
import org.pitbox.ui.support.Status;
import org.pitbox.ui.support.UiPreferences;

/**
 * Lap comparison: tick laps of the open session (and of sessions added for other drivers) and channels;
 * the laps are overlaid against distance in strip charts with the time delta to the fastest whole lap, a
 * shared cursor, zoom and pan. Reading and resampling run in the background with progress and Cancel; the
 * overlay exports to CSV and PNG.
 */
public class LapComparePart {
    public static final String ID = "org.pitbox.ui.part.lapcompare";

    @Inject
    private UISynchronize ui;
    @Inject
    private OpenSession openSession;
    @Inject
    private IStylingEngine styling;

    private CompareSession primary;
    private final List<CompareSession> others = new ArrayList<>();
    private Background background;
    private Background.Task building;
    private Comparison shown;
    private CompareChoices choices;
    private Label state;
    private Label empty;
    private Composite emptyBox;
    private Composite charts;
    private StackLayout chartsLayout;
    private ChartStack stack;
    private Button exportCsv;
    private Button savePng;

    @PostConstruct
    public void create(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        GridLayout barLayout = new GridLayout(6, false);
        barLayout.marginWidth = 0;
        barLayout.marginHeight = 0;
        bar.setLayout(barLayout);
        button(bar, "Add session...", "Compare with laps of another .ibt: another driver, another day")
                .addListener(SWT.Selection, e -> chooseSession());
        exportCsv = button(bar, "Export CSV...", "Save the ticked laps and channels, aligned by distance, as CSV");
        exportCsv.addListener(SWT.Selection, e -> chooseCsv());
        savePng = button(bar, "Save PNG...", "Save the charts as a PNG image");
        savePng.addListener(SWT.Selection, e -> choosePng());
        state = new Label(bar, SWT.NONE);
        state.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        ProgressBar progress = new ProgressBar(bar, SWT.HORIZONTAL);
        GridData progressSize = new GridData(SWT.RIGHT, SWT.CENTER, false, false);
        progressSize.widthHint = 160;
        progress.setLayoutData(progressSize);
        Button cancel = button(bar, "Cancel", "Stop reading and comparing");
        cancel.setLayoutData(new GridData(SWT.RIGHT, SWT.CENTER, false, false));
        cancel.addListener(SWT.Selection, e -> state.setText("Cancelled."));
        background = new Background(ui, progress, cancel);

        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        choices = new CompareChoices(sash, this::rebuild);
        charts = new Composite(sash, SWT.NONE);
        chartsLayout = new StackLayout();
        charts.setLayout(chartsLayout);
        emptyBox = new Composite(charts, SWT.NONE);
        emptyBox.setLayout(new GridLayout(1, false));
        empty = new Label(emptyBox, SWT.WRAP);
        GridData emptySize = new GridData(SWT.FILL, SWT.TOP, true, false);
        emptySize.widthHint = 420;
        empty.setLayoutData(emptySize);
        styling.setClassname(empty, "hint");
        stack = new ChartStack(charts);
        sash.setWeights(30, 70);
        showEmpty();
        if (openSession.file() != null) {
            load(openSession.file(), openSession.summary(), true);
        }
    }

    @Inject
    @Optional
    void sessionOpened(@UIEventTopic(Status.TOPIC_SESSION) String path) {
        if (choices != null && openSession.file() != null) {
            load(openSession.file(), openSession.summary(), true);
        }
    }

    /** Adds the laps of another .ibt (another driver, another day); its fastest lap is ticked. */
    public void addSession(Path file) {
        if (sessions().stream().anyMatch(s -> s.file().equals(file))) {
            state.setText(file.getFileName() + " is in the comparison already.");
            return;
        }
        load(file, null, false);
    }

    /** Writes the ticked laps and channels as CSV in the background. */
    public void exportCsv(Path file) {
        Comparison c = shown;
        state.setText("Saving " + file.getFileName() + " ...");
        background.start("compare-csv", task -> {
            try (Writer out = Files.newBufferedWriter(file)) {
                CompareCsv.write(c, out);
            }
            return file;
        }, f -> state.setText("Saved " + c.laps().size() + " laps, " + c.channels().size() + " channels to "
                + f.getFileName() + "."),
                message -> state.setText("Could not save " + file.getFileName() + ": " + message));
    }

    public void savePng(Path file) {
        stack.savePng(file);
        state.setText("Saved the charts to " + file.getFileName() + ".");
    }

    /** True while reading, comparing or saving. */
    public boolean busy() {
        return background.busy();
    }

    /** The comparison on screen, or null when the empty state shows. */
    public Comparison comparison() {
        return shown;
    }

    public ChartStack chartStack() {
        return stack;
    }

    public String stateText() {
        return state.getText();
    }

    private void load(Path file, IbtSummary known, boolean isPrimary) {
        state.setText("Reading " + file.getFileName() + " ...");
        background.start("compare-read", task -> {
            task.step(0, 1);
            return CompareSession.read(file, known);
        }, session -> {
            if (isPrimary) {
                primary = session;
            } else {
                others.add(session);
            }
            choices.show(sessions(), session, isPrimary ? 2 : 1);
            rebuild();
        }, message -> state.setText("Could not read " + file.getFileName() + ": " + message));
    }

    private List<CompareSession> sessions() {
        List<CompareSession> all = new ArrayList<>();
        if (primary != null) {
            all.add(primary);
        }
        all.addAll(others);
        return all;
    }

    private void rebuild() {
        if (building != null) {
            building.cancel();
        }
        List<Pick> picks = choices.ticked();
        List<String> names = choices.channels();
        if (picks.isEmpty() || names.isEmpty()) {
            showEmpty();
            return;
        }
        double trackLength = picks.get(0).session().trackLength();
        state.setText("Comparing " + picks.size() + (picks.size() == 1 ? " lap" : " laps") + " ...");
        building = background.start("compare", task -> compare(task, picks, names, trackLength),
                c -> show(c, picks), message -> state.setText("Could not compare the laps: " + message));
    }

    /** Reads the ticked laps, each file opened once, and resamples them (on the background thread). */
    private static Comparison compare(Background.Task task, List<Pick> picks, List<String> names, double trackLength)
            throws IOException {
        Comparison.Builder builder = Comparison.builder(names, trackLength);
        Map<Path, IbtFile> open = new HashMap<>();
        try {
            for (int i = 0; i < picks.size(); i++) {
                task.step(i, picks.size() + 1);
                Pick pick = picks.get(i);
                IbtFile ibt = open.get(pick.session().file());
                if (ibt == null) {
                    ibt = IbtFile.open(pick.session().file());
                    open.put(pick.session().file(), ibt);
                }
                builder.add(pick.session().name(), ibt, pick.lap());
            }
            task.step(picks.size(), picks.size() + 1);
            return builder.build();
        } finally {
            for (IbtFile ibt : open.values()) {
                ibt.close();
            }
        }
    }

    /** Labels the laps ("184", or "A184" across sessions) with their time against the reference, and shows them. */
    private void show(Comparison c, List<Pick> picks) {
        List<CompareSession> all = sessions();
        boolean several = picks.stream().map(Pick::session).distinct().count() > 1;
        Lap reference = c.laps().get(c.reference()).lap();
        List<String> labels = new ArrayList<>();
        List<String> legend = new ArrayList<>();
        for (int i = 0; i < picks.size(); i++) {
            Pick pick = picks.get(i);
            Lap lap = pick.lap();
            String session = CompareChoices.letter(all.indexOf(pick.session()));
            labels.add(several ? session + lap.number() : Integer.toString(lap.number()));
            double behind = lap.lapTime() - reference.lapTime();
            String whole = lap.startPct() == 0 && lap.endPct() == 1
                    ? i == c.reference() ? "reference" : String.format(Locale.ROOT, "%+.3f s", behind) : "part lap";
            legend.add((several ? session : "Lap ") + lap.number() + "  " + LapTimes.format(lap.lapTime()) + "  "
                    + whole);
        }
        shown = c;
        stack.show(c, labels, legend, new UiPreferences().imperial());
        chartsLayout.topControl = stack.control();
        charts.layout(true, true);
        state.setText(picks.size() + (picks.size() == 1 ? " lap, " : " laps, ") + c.channels().size()
                + " channels: point to read values, wheel to zoom, drag to pan, double-click for the whole lap.");
        enable();
    }

    private void showEmpty() {
        shown = null;
        empty.setText(sessions().isEmpty()
                ? "No session to compare yet.\n\nOpen an .ibt in the Session part (File > Open, Ctrl+O, or drop a file "
                        + "there), then tick two or more laps here to overlay them against distance with the time "
                        + "delta. Add session... brings in laps of another driver or another day."
                : !choices.hasLaps() ? "This session has no laps to compare."
                : "Tick two or more laps on the left to overlay them against distance, and at least one channel.");
        chartsLayout.topControl = emptyBox;
        charts.layout(true, true);
        enable();
    }

    private void enable() {
        exportCsv.setEnabled(shown != null);
        savePng.setEnabled(shown != null);
    }

    private void chooseSession() {
        FileDialog dialog = new FileDialog(charts.getShell(), SWT.OPEN);
        dialog.setFilterExtensions(new String[] {"*.ibt", "*.*"});
        String chosen = dialog.open();
        if (chosen != null) {
            addSession(Path.of(chosen));
        }
    }

    private void chooseCsv() {
        String chosen = saveDialog("*.csv", "lap-compare.csv");
        if (chosen != null) {
            exportCsv(Path.of(chosen));
        }
    }

    private void choosePng() {
        String chosen = saveDialog("*.png", "lap-compare.png");
        if (chosen != null) {
            savePng(Path.of(chosen));
        }
    }

    private String saveDialog(String filter, String name) {
        FileDialog dialog = new FileDialog(charts.getShell(), SWT.SAVE);
        dialog.setFilterExtensions(new String[] {filter});
        dialog.setFileName(name);
        dialog.setOverwrite(true);
        return dialog.open();
    }

    private static Button button(Composite parent, String text, String tip) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.setToolTipText(tip);
        return b;
    }
}
