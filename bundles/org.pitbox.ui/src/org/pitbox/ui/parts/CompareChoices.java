package org.pitbox.ui.parts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.pitbox.core.compare.Comparison;
import org.pitbox.core.laps.Lap;
import org.pitbox.core.laps.LapTimes;
import org.pitbox.iracing.IbtSummary;

/** The left side of Lap Compare: the laps of every session and the channels, as tick lists. */
final class CompareChoices {
    /** A tickable lap: its session and the lap. */
    record Pick(CompareSession session, Lap lap) {
        String key() {
            return session.file() + "#" + lap.firstRecord();
        }
    }

    private final Table laps;
    private final Table channels;

    /** {@code changed} runs whenever a lap or a channel is ticked or unticked. */
    CompareChoices(Composite parent, Runnable changed) {
        Composite box = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        box.setLayout(layout);
        new Label(box, SWT.NONE).setText("Laps (delta against the fastest whole lap)");
        laps = new Table(box, SWT.CHECK | SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        laps.setHeaderVisible(true);
        laps.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        for (String title : new String[] {"Lap", "Time", "Notes", "Session"}) {
            new TableColumn(laps, SWT.LEFT).setText(title);
        }
        new Label(box, SWT.NONE).setText("Channels");
        channels = new Table(box, SWT.CHECK | SWT.BORDER | SWT.V_SCROLL);
        GridData size = new GridData(SWT.FILL, SWT.FILL, true, true);
        size.heightHint = 160;
        channels.setLayoutData(size);
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
                    letter(s) + " " + session.name()});
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
                out.add(item.getText());
            }
        }
        return out;
    }

    boolean hasLaps() {
        return laps.getItemCount() > 0;
    }

    /** A, B, C... for the sessions in the lap list. */
    static String letter(int session) {
        return String.valueOf((char) ('A' + session % 26));
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
        available.stream().sorted(String.CASE_INSENSITIVE_ORDER).forEach(names::add);
        channels.removeAll();
        for (String name : names) {
            TableItem item = new TableItem(channels, SWT.NONE);
            item.setText(name);
            item.setChecked(first ? Comparison.DEFAULT_CHANNELS.contains(name) : ticked.contains(name));
        }
    }

    /** The {@code count} fastest clean laps; the first laps when none is clean. */
    private static List<Lap> fastest(IbtSummary summary, int count) {
        List<Lap> clean = summary.laps().stream().filter(Lap::isClean)
                .sorted(Comparator.comparingDouble(Lap::lapTime)).limit(count).toList();
        return clean.isEmpty() ? summary.laps().stream().limit(count).toList() : clean;
    }
}
