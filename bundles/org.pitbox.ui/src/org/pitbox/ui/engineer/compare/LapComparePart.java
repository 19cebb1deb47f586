package org.pitbox.ui.engineer.compare;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IStylingEngine;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.pitbox.app.compare.CompareSession;
import org.pitbox.app.compare.LapComparison.Pick;
import org.pitbox.app.compare.LapComparison;
import org.pitbox.app.session.OpenSession;
import org.pitbox.core.compare.CompareCsv;
import org.pitbox.core.compare.Comparison;
import org.pitbox.core.math.MathChannel;
import org.pitbox.core.math.MathChannels;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.iracing.IbtSummary;
import org.pitbox.ui.services.Listening;
import org.pitbox.ui.services.UiPreferences;
import org.pitbox.ui.widgets.ChartStack;

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
    private CompareBar bar;
    private SashForm sash;
    private VideoPane videoPane;
    private Listening listening;
    private final CompareFiles files = new CompareFiles(this::openDropped);

    @PostConstruct
    public void create(Composite parent) {
        listening = new Listening(ui);
        listening.session(openSession, this::sessionOpened);
        top = parent;
        parent.setLayout(new GridLayout(1, false));
        imperial = prefs.imperial();
        bar = new CompareBar(parent, ui, JOBS, prefs, new CompareBar.Actions() {
            @Override
            public void addSessions() {
                files.chooseSessions(top.getShell());
            }

            @Override
            public void exportCsv(Path file) {
                LapComparePart.this.exportCsv(file);
            }

            @Override
            public void savePng(Path file) {
                LapComparePart.this.savePng(file);
            }

            @Override
            public void cancelled() {
                LapComparePart.this.cancelled();
            }
        });
        state = bar.state;
        background = bar.background;

        sash = new SashForm(parent, SWT.HORIZONTAL);
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
        videoPane = new VideoPane(sash, ui, this::carAt);
        stack.onCursorMoved(x -> videoPane.cursorAt(shown == null ? Double.NaN : x / lapLength(shown)));
        sash.setWeights(26, 44, 30);
        videoPane.control().setVisible(false);
        for (Control c : new Control[] {parent, bar.control(), state, charts, emptyBox, empty}) {
            files.acceptDrops(c);
        }
        choices.dropTargets().forEach(files::acceptDrops);
        stack.decorate(files::acceptDrops);
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
        listening.close();
        InstanceScope.INSTANCE.getNode(UiPreferences.NODE).removePreferenceChangeListener(prefsChanged);
        if (background != null) {
            background.cancelAll();
        }
    }

    private void sessionOpened(Path file, IbtSummary summary) {
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
            if (bar.disposed() || prefs.imperial() == imperial) {
                return;
            }
            imperial = prefs.imperial();
            bar.showUnits(imperial);
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
        background.start("Reading " + file.getFileName(), task -> CompareSession.read(file, known, task::step),
                session -> {
                    if (isPrimary) {
                        primary = session;
                        openVideo(session);
                    } else if (sessions().stream().noneMatch(s -> s.file().equals(file))) {
                        others.add(session);
                    }
                    choices.show(sessions(), session, isPrimary ? 2 : 1);
                    rebuild();
                }, message -> state.setText("Could not read " + file.getFileName() + ": " + message));
    }

    /** Shows the main session's video beside the charts when it has one; hides the pane when not. */
    private void openVideo(CompareSession session) {
        videoPane.close();
        if (!VideoPane.hasVideo(session.file())) {
            showVideoPane(false);
            return;
        }
        background.start("Reading the laps' times for the video", task -> VideoPane.timeline(session.file(),
                session.summary()), timeline -> {
                    if (primary == session) {
                        videoPane.show(session.file(), timeline);
                        showVideoPane(true);
                    }
                }, message -> state.setText("The session's video cannot be shown: " + message));
    }

    private void showVideoPane(boolean visible) {
        if (videoPane.control().getVisible() != visible) {
            videoPane.control().setVisible(visible);
            sash.layout(true);
        }
    }

    /** The playing video's car is at lap distance {@code pct}: the charts' cursor follows. */
    private void carAt(double pct) {
        if (shown != null && !Double.isNaN(pct)) {
            stack.setCursor(pct * lapLength(shown));
        }
    }

    /** The x axis at the line: the track's length in metres, or 1 for lap distance. */
    private static double lapLength(Comparison c) {
        double[] x = c.distance();
        return x[x.length - 1];
    }

    /** The video beside the charts (hidden for a session without one). */
    public VideoPane videoPane() {
        return videoPane;
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
        building = background.start("Comparing laps", task -> LapComparison.compare(task::step, picks, names,
                definitions, trackLength),
                c -> show(c, picks), message -> state.setText("Could not compare the laps: " + message));
    }

    /** Shows the comparison with its laps labelled. */
    private void show(Comparison c, List<Pick> picks) {
        LapComparison.Labels names = LapComparison.labels(c, picks, sessions());
        shown = c;
        stack.show(c, names.labels(), names.legend(), imperial);
        chartsLayout.topControl = stack.control();
        charts.layout(true, true);
        state.setText(LapComparison.summary(c, picks.size()));
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
        bar.enable(shown != null);
    }
}
