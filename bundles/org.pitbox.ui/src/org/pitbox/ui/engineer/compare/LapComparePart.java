package org.pitbox.ui.engineer.compare;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IStylingEngine;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.FileTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.pitbox.core.compare.CompareCsv;
import org.pitbox.core.compare.Comparison;
import org.pitbox.core.laps.Lap;
import org.pitbox.core.laps.LapTimes;
import org.pitbox.core.math.MathChannel;
import org.pitbox.core.math.MathChannels;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.iracing.IbtSummary;
import org.pitbox.iracing.ibt.IbtFile;
import org.pitbox.ui.widgets.ChartStack;
import org.pitbox.ui.engineer.compare.CompareChoices.Pick;
import org.pitbox.ui.services.OpenSession;
import org.pitbox.ui.services.Status;
import org.pitbox.ui.services.UiPreferences;

/**
 * Lap comparison: tick laps of the open session (and of sessions added for other drivers, or dropped on the
 * part) and channels, the user's math channels among them; the laps are overlaid against distance in strip
 * charts with the time delta to the fastest whole lap, a shared cursor, zoom and pan, in metric or imperial
 * units. Reading and resampling run as background jobs with progress and Cancel; the overlay exports to CSV
 * and PNG.
 */
public class LapComparePart {
    public static final String ID = "org.pitbox.ui.part.lapcompare";
    /** The family of the part's background jobs, for {@code Job.getJobManager().find(JOBS)}. */
    public static final Object JOBS = LapComparePart.class;
    private static final String[] UNIT_CHOICES = {"Metric (km/h, °C, L, kPa)", "Imperial (mph, °F, gal, psi)"};

    @Inject
    private UISynchronize ui;
    @Inject
    private OpenSession openSession;
    @Inject
    private IStylingEngine styling;

    private final UiPreferences prefs = new UiPreferences();
    private final IEclipsePreferences.IPreferenceChangeListener prefsChanged = this::preferenceChanged;
    private CompareSession primary;
    private final List<CompareSession> others = new ArrayList<>();
    private Background background;
    private Background.Task building;
    private Comparison shown;
    private List<MathChannel> math = List.of();
    private boolean imperial;
    private CompareChoices choices;
    private Composite top;
    private Label state;
    private Label empty;
    private Composite emptyBox;
    private Composite charts;
    private StackLayout chartsLayout;
    private ChartStack stack;
    private Button exportCsv;
    private Button savePng;
    private Combo units;

    @PostConstruct
    public void create(Composite parent) {
        top = parent;
        parent.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        GridLayout barLayout = new GridLayout(7, false);
        barLayout.marginWidth = 0;
        barLayout.marginHeight = 0;
        bar.setLayout(barLayout);
        button(bar, "&Add session...", "Compare with laps of another .ibt: another driver, another day "
                + "(or drop .ibt files on this part)").addListener(SWT.Selection, e -> chooseSession());
        exportCsv = button(bar, "Export &CSV...", "Save the ticked laps and channels, aligned by distance, as CSV");
        exportCsv.addListener(SWT.Selection, e -> chooseCsv());
        savePng = button(bar, "Save P&NG...", "Save the charts as they are on screen as a PNG image");
        savePng.addListener(SWT.Selection, e -> choosePng());
        units = new Combo(bar, SWT.READ_ONLY);
        units.setItems(UNIT_CHOICES);
        units.setToolTipText("Units of the charts and the cursor values (also in Window > Preferences); "
                + "CSV keeps the recording's units");
        imperial = prefs.imperial();
        units.select(imperial ? 1 : 0);
        units.addListener(SWT.Selection, e -> prefs.put(UiPreferences.UNITS,
                units.getSelectionIndex() == 1 ? UiPreferences.IMPERIAL : UiPreferences.METRIC));
        state = new Label(bar, SWT.NONE);
        state.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        ProgressBar progress = new ProgressBar(bar, SWT.HORIZONTAL);
        progress.setToolTipText("Reading or comparing in the background; the part stays usable");
        GridData progressSize = new GridData(SWT.RIGHT, SWT.CENTER, false, false);
        progressSize.widthHint = 160;
        progress.setLayoutData(progressSize);
        Button cancel = button(bar, "Cancel", "Stop reading and comparing (Esc in the charts only hides the cursor)");
        cancel.setLayoutData(new GridData(SWT.RIGHT, SWT.CENTER, false, false));
        cancel.addListener(SWT.Selection, e -> cancelled());
        background = new Background(ui, progress, cancel, JOBS);

        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        choices = new CompareChoices(sash, this::rebuild, new CompareChoices.MathActions() {
            @Override
            public void add() {
                editMath(null);
            }

            @Override
            public void edit(MathChannel channel) {
                editMath(channel);
            }

            @Override
            public void remove(MathChannel channel) {
                removeMathChannel(channel.name());
            }
        });
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
        sash.setWeights(34, 66);
        for (Control c : new Control[] {parent, bar, state, charts, emptyBox, empty}) {
            acceptDrops(c);
        }
        choices.dropTargets().forEach(this::acceptDrops);
        stack.decorate(this::acceptDrops);
        math = MathChannels.readValid(prefs.get(UiPreferences.MATH_CHANNELS, ""),
                skipped -> state.setText("A stored math channel was left out, " + skipped));
        choices.showMath(math, null);
        InstanceScope.INSTANCE.getNode(UiPreferences.NODE).addPreferenceChangeListener(prefsChanged);
        showEmpty();
        if (openSession.file() != null) {
            load(openSession.file(), openSession.summary(), true);
        }
    }

    @PreDestroy
    void dispose() {
        InstanceScope.INSTANCE.getNode(UiPreferences.NODE).removePreferenceChangeListener(prefsChanged);
        if (background != null) {
            background.cancelAll();
        }
    }

    @Inject
    @Optional
    void sessionOpened(@UIEventTopic(Status.TOPIC_SESSION) String path) {
        if (choices != null && openSession.file() != null) {
            load(openSession.file(), openSession.summary(), true);
        }
    }

    /** Adds the laps of another .ibt (another driver, another day) in the background; its fastest lap is ticked. */
    public void addSession(Path file) {
        if (sessions().stream().anyMatch(s -> s.file().equals(file))) {
            state.setText(file.getFileName() + " is in the comparison already.");
            return;
        }
        load(file, null, primary == null && others.isEmpty() && !background.busy());
    }

    /**
     * Opens files dropped on the part: each .ibt is added to the comparison (the first becomes the main
     * session when there is none); anything else is named in the status and left alone.
     */
    public void openDropped(String... files) {
        List<String> refused = new ArrayList<>();
        for (String f : files) {
            if (f.toLowerCase(Locale.ROOT).endsWith(".ibt")) {
                addSession(Path.of(f));
            } else {
                refused.add(Path.of(f).getFileName().toString());
            }
        }
        if (!refused.isEmpty()) {
            state.setText("Only iRacing .ibt recordings open here, not " + String.join(", ", refused) + ".");
        }
    }

    /** Writes the ticked laps and channels as CSV in the background. */
    public void exportCsv(Path file) {
        Comparison c = shown;
        state.setText("Saving " + file.getFileName() + " ...");
        background.start("Saving " + file.getFileName(), task -> {
            try (Writer out = Files.newBufferedWriter(file)) {
                CompareCsv.write(c, out);
            }
            return file;
        }, f -> state.setText("Saved " + c.laps().size() + " laps, " + c.channels().size() + " channels to "
                + f.getFileName() + "."),
                message -> state.setText("Could not save " + file.getFileName() + ": " + message));
    }

    /** Saves the charts as they are on screen (legend, cursor and zoom included) as a PNG image. */
    public void savePng(Path file) {
        try {
            stack.savePng(file);
            state.setText("Saved the charts to " + file.getFileName() + ".");
        } catch (RuntimeException e) {
            state.setText("Could not save " + file.getFileName() + ": " + e.getMessage());
        }
    }

    /** Stops whatever runs in the background, as the Cancel button does; the part stays as it was. */
    public void cancel() {
        background.cancelAll();
        cancelled();
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

    /** The text of the empty state, "" while charts show. */
    public String emptyText() {
        return chartsLayout.topControl == emptyBox ? empty.getText() : "";
    }

    /** The user's math channels, as saved in the preferences. */
    public List<MathChannel> mathChannels() {
        return math;
    }

    /** Ticks exactly the named channels (math channels included) and compares again. */
    public void showChannels(List<String> names) {
        choices.tickChannels(names);
        rebuild();
    }

    /** Every channel offered, math channels included. */
    public List<String> channelChoices() {
        return choices.listedChannels();
    }

    /**
     * The dialog that adds ({@code editing} null) or edits a math channel, checking against the first
     * session's channels; not opened yet.
     */
    public MathChannelDialog mathChannelDialog(MathChannel editing) {
        CompareSession first = sessions().isEmpty() ? null : sessions().get(0);
        ChannelLayout layout = first == null ? null : first.layout();
        Set<String> recorded = new LinkedHashSet<>();
        sessions().forEach(s -> recorded.addAll(s.channels()));
        recorded.add(Comparison.DELTA);
        List<String> offered = recorded.stream().filter(n -> !n.equals(Comparison.DELTA))
                .sorted(String.CASE_INSENSITIVE_ORDER).toList();
        return new MathChannelDialog(top.getShell(), editing, layout, recorded, math, offered);
    }

    /**
     * Saves {@code channel} in the user's preferences in place of the one named {@code replacing} (null:
     * adds it), ticks it and compares again.
     */
    public void saveMathChannel(String replacing, MathChannel channel) {
        boolean wasTicked = replacing == null || choices.channels().contains(replacing);
        math = MathChannels.put(math, replacing, channel);
        storeMath();
        choices.showMath(math, wasTicked ? channel.name() : null);
        state.setText((replacing == null ? "Added " : "Saved ") + channel.name() + " = " + channel.expression()
                + ".");
        rebuild();
    }

    /** Deletes a math channel from the user's preferences and the charts. */
    public void removeMathChannel(String name) {
        math = MathChannels.remove(math, name);
        storeMath();
        choices.showMath(math, null);
        state.setText("Removed the math channel " + name + ".");
        rebuild();
    }

    private void editMath(MathChannel editing) {
        MathChannelDialog dialog = mathChannelDialog(editing);
        if (dialog.open() == Window.OK && dialog.result() != null) {
            saveMathChannel(editing == null ? null : editing.name(), dialog.result());
        }
    }

    private void storeMath() {
        try {
            prefs.put(UiPreferences.MATH_CHANNELS, MathChannels.write(math));
        } catch (IllegalStateException e) {
            state.setText(e.getMessage());
        }
    }

    private void preferenceChanged(IEclipsePreferences.PreferenceChangeEvent event) {
        if (!UiPreferences.UNITS.equals(event.getKey())) {
            return;
        }
        ui.asyncExec(() -> {
            if (units.isDisposed() || prefs.imperial() == imperial) {
                return;
            }
            imperial = prefs.imperial();
            units.select(imperial ? 1 : 0);
            if (shown != null) {
                stack.reshow(imperial);
            }
        });
    }

    private void cancelled() {
        state.setText(shown != null ? "Cancelled; the charts show the laps compared before."
                : "Cancelled. Tick laps, or add a session, to start again.");
        if (shown == null) {
            showEmpty();
        }
    }

    private void load(Path file, IbtSummary known, boolean isPrimary) {
        state.setText("Reading " + file.getFileName() + " ...");
        background.start("Reading " + file.getFileName(), task -> CompareSession.read(file, known, task),
                session -> {
                    if (isPrimary) {
                        primary = session;
                    } else if (sessions().stream().noneMatch(s -> s.file().equals(file))) {
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
        List<MathChannel> definitions = math;
        state.setText("Comparing " + picks.size() + (picks.size() == 1 ? " lap" : " laps") + " ...");
        building = background.start("Comparing laps", task -> compare(task, picks, names, definitions, trackLength),
                c -> show(c, picks), message -> state.setText("Could not compare the laps: " + message));
    }

    /** Reads the ticked laps, each file opened once, and resamples them (on the background thread). */
    private static Comparison compare(Background.Task task, List<Pick> picks, List<String> names,
            List<MathChannel> math, double trackLength) throws IOException {
        Comparison.Builder builder = Comparison.builder(names, trackLength).math(math);
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
        stack.show(c, labels, legend, imperial);
        chartsLayout.topControl = stack.control();
        charts.layout(true, true);
        state.setText(picks.size() + (picks.size() == 1 ? " lap, " : " laps, ") + c.channels().size()
                + (c.channels().size() == 1 ? " channel." : " channels.")
                + (c.notes().isEmpty() ? "" : " " + c.notes().get(0)
                        + (c.notes().size() > 1 ? " (and " + (c.notes().size() - 1) + " more)" : "")));
        state.setToolTipText(c.notes().isEmpty() ? null : String.join("\n", c.notes()));
        enable();
    }

    private void showEmpty() {
        shown = null;
        empty.setText(sessions().isEmpty()
                ? "No session to compare yet.\n\nOpen an .ibt in the Session part (File > Open, Ctrl+O), or drop "
                        + ".ibt files here; then tick two or more laps to overlay them against distance with the "
                        + "time delta. Add session... brings in laps of another driver or another day."
                : !choices.hasLaps() ? "This session has no laps to compare. Add session... (or drop an .ibt "
                        + "here) to bring in one that has."
                : "Tick two or more laps on the left to overlay them against distance, and at least one channel. "
                        + "Add math channel... charts a formula such as Speed * 3.6 or Throttle - Brake.");
        chartsLayout.topControl = emptyBox;
        charts.layout(true, true);
        enable();
    }

    private void enable() {
        exportCsv.setEnabled(shown != null);
        savePng.setEnabled(shown != null);
        String why = shown == null ? " (tick laps and channels first)" : "";
        exportCsv.setToolTipText("Save the ticked laps and channels, aligned by distance, as CSV" + why);
        savePng.setToolTipText("Save the charts as they are on screen as a PNG image" + why);
    }

    /** Accepts .ibt files dropped on {@code control}. */
    private void acceptDrops(Control control) {
        if (control.getData(DND.DROP_TARGET_KEY) != null) {
            return;
        }
        DropTarget drop = new DropTarget(control, DND.DROP_COPY | DND.DROP_DEFAULT | DND.DROP_MOVE);
        drop.setTransfer(new Transfer[] {FileTransfer.getInstance()});
        drop.addDropListener(new DropTargetAdapter() {
            @Override
            public void dragEnter(DropTargetEvent event) {
                if (event.detail == DND.DROP_DEFAULT || event.detail == DND.DROP_MOVE) {
                    event.detail = (event.operations & DND.DROP_COPY) != 0 ? DND.DROP_COPY : DND.DROP_NONE;
                }
            }

            @Override
            public void drop(DropTargetEvent event) {
                if (event.data instanceof String[] files && files.length > 0) {
                    openDropped(files);
                }
            }
        });
    }

    private void chooseSession() {
        FileDialog dialog = new FileDialog(charts.getShell(), SWT.OPEN | SWT.MULTI);
        dialog.setFilterExtensions(new String[] {"*.ibt", "*.*"});
        dialog.setFilterNames(new String[] {"iRacing telemetry (*.ibt)", "All files"});
        if (dialog.open() != null) {
            String folder = dialog.getFilterPath();
            openDropped(Arrays.stream(dialog.getFileNames()).map(n -> Path.of(folder, n).toString())
                    .toArray(String[]::new));
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
