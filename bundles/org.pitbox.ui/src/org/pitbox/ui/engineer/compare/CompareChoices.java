package org.pitbox.ui.engineer.compare;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.MessageBox;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.pitbox.app.compare.CompareSession;
import org.pitbox.app.compare.LapComparison.Pick;
import org.pitbox.app.compare.LapComparison;
import org.pitbox.core.compare.Comparison;
import org.pitbox.core.laps.Lap;
import org.pitbox.core.laps.LapTimes;
import org.pitbox.core.math.MathChannel;
import org.pitbox.iracing.IbtSummary;

/**
 * The left side of Lap Compare: the laps of every session and the channels (the user's math channels
 * among them, shown with their formula), as tick lists, and the buttons that add, edit and remove math
 * channels.
 */
final class CompareChoices {
    /** What the math channel buttons ask of the part. */
    interface MathActions {
        void add();

        void edit(MathChannel channel);

        void remove(MathChannel channel);
    }

    private final Composite box;
    private final Table laps;
    private final Table channels;
    private final Button edit;
    private final Button remove;
    private List<MathChannel> math = List.of();
    private List<CompareSession> sessions = List.of();

    /** {@code changed} runs whenever a lap or a channel is ticked or unticked. */
    CompareChoices(Composite parent, Runnable changed, MathActions actions) {
        box = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        box.setLayout(layout);
        new Label(box, SWT.NONE).setText("Laps (delta against the fastest whole lap)");
        laps = new Table(box, SWT.CHECK | SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        laps.setHeaderVisible(true);
        laps.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        laps.setToolTipText("Tick the laps to overlay; the fastest whole lap ticked is the reference of the delta");
        for (String title : new String[] {"Lap", "Time", "Notes", "Session"}) {
            new TableColumn(laps, SWT.LEFT).setText(title);
        }
        new Label(box, SWT.NONE).setText("Channels");
        channels = new Table(box, SWT.CHECK | SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        GridData size = new GridData(SWT.FILL, SWT.FILL, true, true);
        size.heightHint = 160;
        channels.setLayoutData(size);
        channels.setToolTipText("Tick the channels to chart, one strip each. Math channels show their formula: "
                + "double-click one to edit it, Delete removes it.");
        Composite buttons = new Composite(box, SWT.NONE);
        GridLayout row = new GridLayout(3, false);
        row.marginWidth = 0;
        row.marginHeight = 0;
        buttons.setLayout(row);
        Button add = new Button(buttons, SWT.PUSH);
        add.setText("Add &math channel...");
        add.setToolTipText("Define a channel from a formula over others, such as Speed * 3.6 or Throttle - Brake "
                + "(Alt+M); saved in your preferences");
        add.addListener(SWT.Selection, e -> actions.add());
        edit = new Button(buttons, SWT.PUSH);
        edit.setText("&Edit...");
        edit.setToolTipText("Change the selected math channel (or double-click it)");
        edit.addListener(SWT.Selection, e -> selectedMath().ifPresent(actions::edit));
        remove = new Button(buttons, SWT.PUSH);
        remove.setText("&Remove");
        remove.setToolTipText("Delete the selected math channel from your preferences (Delete)");
        remove.addListener(SWT.Selection, e -> selectedMath().ifPresent(c -> confirmRemove(c, actions)));
        channels.addListener(SWT.Selection, e -> enableMath());
        channels.addListener(SWT.DefaultSelection, e -> selectedMath().ifPresent(actions::edit));
        channels.addListener(SWT.KeyDown, e -> {
            if (e.keyCode == SWT.DEL) {
                selectedMath().ifPresent(c -> confirmRemove(c, actions));
            }
        });
        enableMath();
        for (Table t : new Table[] {laps, channels}) {
            t.addListener(SWT.Selection, e -> {
                if (e.detail == SWT.CHECK) {
                    changed.run();
                }
            });
        }
    }

    /**
     * Lists the laps of {@code sessions} (lettered A, B... in order) and their channels, keeping what was
     * ticked and ticking the {@code fastest} fastest clean laps of {@code added} too.
     */
    void show(List<CompareSession> sessions, CompareSession added, int fastest) {
        this.sessions = List.copyOf(sessions);
        Set<String> ticked = new HashSet<>();
        for (Pick pick : ticked()) {
            ticked.add(pick.key());
        }
        for (Lap lap : fastest(added.summary(), fastest)) {
            ticked.add(new Pick(added, lap).key());
        }
        laps.removeAll();
        for (int s = 0; s < sessions.size(); s++) {
            CompareSession session = sessions.get(s);
            Lap best = session.summary().bestLap();
            for (Lap lap : session.summary().laps()) {
                Pick pick = new Pick(session, lap);
                TableItem item = new TableItem(laps, SWT.NONE);
                item.setData(pick);
                String notes = lap == best ? "best" : IbtSummary.flagsText(lap).replace("-", "");
                item.setText(new String[] {Integer.toString(lap.number()), LapTimes.format(lap.lapTime()), notes,
                    LapComparison.letter(s) + " " + session.name()});
                item.setChecked(ticked.contains(pick.key()));
            }
        }
        for (TableColumn column : laps.getColumns()) {
            column.pack();
        }
        showChannels(sessions);
    }

    /** The ticked laps, in list order. */
    List<Pick> ticked() {
        List<Pick> out = new ArrayList<>();
        for (TableItem item : laps.getItems()) {
            if (item.getChecked()) {
                out.add((Pick) item.getData());
            }
        }
        return out;
    }

    /** The ticked channels, in list order. */
    List<String> channels() {
        List<String> out = new ArrayList<>();
        for (TableItem item : channels.getItems()) {
            if (item.getChecked()) {
                out.add(name(item));
            }
        }
        return out;
    }

    /**
     * Lists {@code mathChannels} among the channels, keeping ticks; {@code tick} (a name, or null) is ticked
     * too, as a channel just added is.
     */
    void showMath(List<MathChannel> mathChannels, String tick) {
        math = List.copyOf(mathChannels);
        if (channels.getItemCount() == 0 && sessions.isEmpty()) {
            return;
        }
        showChannels(sessions);
        if (tick != null) {
            for (TableItem item : channels.getItems()) {
                if (name(item).equals(tick)) {
                    item.setChecked(true);
                    int topRow = channels.getTopIndex();
                    channels.setSelection(item);
                    channels.setTopIndex(topRow);
                    reveal(channels.indexOf(item));
                }
            }
        }
        enableMath();
    }

    /** Ticks exactly the channels named (those listed), in their list order. */
    void tickChannels(Collection<String> names) {
        for (TableItem item : channels.getItems()) {
            item.setChecked(names.contains(name(item)));
        }
    }

    /** Every channel name listed, math channels included. */
    List<String> listedChannels() {
        List<String> out = new ArrayList<>();
        for (TableItem item : channels.getItems()) {
            out.add(name(item));
        }
        return out;
    }

    /** The controls a file may be dropped on. */
    List<org.eclipse.swt.widgets.Control> dropTargets() {
        return List.of(box, laps, channels);
    }

    boolean hasLaps() {
        return laps.getItemCount() > 0;
    }

    /** Every channel the sessions have, the usual ones first; ticks kept, the defaults ticked at first. */
    private void showChannels(List<CompareSession> sessions) {
        boolean first = channels.getItemCount() == 0;
        Set<String> ticked = new HashSet<>(channels());
        Set<String> available = new HashSet<>();
        sessions.forEach(s -> available.addAll(s.channels()));
        available.add(Comparison.DELTA);
        Set<String> names = new LinkedHashSet<>();
        Comparison.DEFAULT_CHANNELS.stream().filter(available::contains).forEach(names::add);
        math.forEach(m -> names.add(m.name()));
        available.stream().sorted(String.CASE_INSENSITIVE_ORDER).forEach(names::add);
        int topRow = channels.getTopIndex();
        channels.removeAll();
        for (String name : names) {
            TableItem item = new TableItem(channels, SWT.NONE);
            item.setData(name);
            MathChannel m = math.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
            item.setText(m == null ? name : name + "  = " + m.expression()
                    + (m.unit().isEmpty() ? "" : "  [" + m.unit() + "]"));
            item.setChecked(first ? Comparison.DEFAULT_CHANNELS.contains(name) : ticked.contains(name));
        }
        channels.setTopIndex(Math.min(topRow, Math.max(0, channels.getItemCount() - 1)));
        enableMath();
    }

    /** Scrolls row {@code index} into view, only when it is out of view (showItem may align it to the top). */
    private void reveal(int index) {
        int rows = Math.max(1, channels.getClientArea().height / Math.max(1, channels.getItemHeight()) - 1);
        int topRow = channels.getTopIndex();
        if (index < topRow || index >= topRow + rows) {
            channels.setTopIndex(Math.max(0, index - rows + 1));
        }
    }

    private static String name(TableItem item) {
        return (String) item.getData();
    }

    private java.util.Optional<MathChannel> selectedMath() {
        int at = channels.getSelectionIndex();
        if (at < 0) {
            return java.util.Optional.empty();
        }
        String name = name(channels.getItem(at));
        return math.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** Math channels are the engineer's own work: removing one asks first. */
    private void confirmRemove(MathChannel channel, MathActions actions) {
        MessageBox ask = new MessageBox(channels.getShell(), SWT.ICON_QUESTION | SWT.YES | SWT.NO);
        ask.setText("Remove math channel");
        ask.setMessage("Remove the math channel " + channel.name() + " = " + channel.expression()
                + " from your preferences?");
        if (ask.open() == SWT.YES) {
            actions.remove(channel);
        }
    }

    private void enableMath() {
        boolean selected = selectedMath().isPresent();
        edit.setEnabled(selected);
        remove.setEnabled(selected);
    }

    /** The {@code count} fastest clean laps; the first laps when none is clean. */
    private static List<Lap> fastest(IbtSummary summary, int count) {
        List<Lap> clean = summary.laps().stream().filter(Lap::isClean)
                .sorted(Comparator.comparingDouble(Lap::lapTime)).limit(count).toList();
        return clean.isEmpty() ? summary.laps().stream().limit(count).toList() : clean;
    }
}
