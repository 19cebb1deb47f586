package org.pitbox.ui.engineer.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.pitbox.core.engineer.LapTable;
import org.pitbox.core.laps.Lap;

/**
 * The watched session's completed laps, newest on top: lap time, sector times, fuel used and why a lap is not
 * clean. The session's best sectors are purple and the best lap green, as on a timing screen.
 */
final class LiveLapTable {

    /** One shown row, worked out while the models are held still. */
    record Row(int number, String time, List<String> sectors, List<Boolean> bestSectors, String fuel,
            String notes, boolean best) {
    }

    private final Table table;
    private int sectorColumns = -1;
    private List<Row> shown = List.of();
    private boolean shownDark;

    LiveLapTable(Composite parent) {
        table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setToolTipText("Completed laps, newest first: best sectors purple, best lap green");
    }

    Table control() {
        return table;
    }

    /** The rows as they stand; call while the models are held still. */
    static List<Row> rows(LapTable laps) {
        List<Row> rows = new ArrayList<>();
        Lap best = laps.best();
        for (int i = laps.laps().size() - 1; i >= 0; i--) {
            Lap lap = laps.laps().get(i);
            List<String> sectors = new ArrayList<>();
            List<Boolean> bests = new ArrayList<>();
            for (int s = 0; s < laps.sectorCount(); s++) {
                double t = s < lap.sectorTimes().size() ? lap.sectorTimes().get(s) : Double.NaN;
                sectors.add(t == t ? String.format(Locale.ROOT, "%.3f", t) : "--");
                bests.add(t == t && laps.isBestSector(i, s));
            }
            rows.add(new Row(lap.number(), lap.has(Lap.Flag.INCOMPLETE) ? "--" : lapTime(lap.lapTime()), sectors,
                    bests, Double.isNaN(lap.fuelUsed()) ? "--" : String.format(Locale.ROOT, "%.2f", lap.fuelUsed()),
                    notes(lap), lap == best));
        }
        return rows;
    }

    static String lapTime(double seconds) {
        if (!(seconds >= 0)) {
            return "--";
        }
        long millis = Math.round(seconds * 1000); // rounded first, so 59.9996 s shows as 1:00.000
        return String.format(Locale.ROOT, "%d:%02d.%03d", millis / 60_000, millis / 1000 % 60, millis % 1000);
    }

    private static String notes(Lap lap) {
        return lap.flags().stream().map(Lap.Flag::label).collect(Collectors.joining(", "));
    }

    /**
     * Shows {@code rows} for a table of {@code sectors} sectors, in the shades for the {@code dark} theme or the
     * light one (taken from a colour read before: reading the table's own is slow on GTK); on the UI thread.
     */
    void show(List<Row> rows, int sectors, boolean dark) {
        if (rows.equals(shown) && sectors == sectorColumns && dark == shownDark) {
            return;
        }
        shown = rows;
        shownDark = dark; // the theme changed: colour the rows again
        if (sectors != sectorColumns) {
            columns(sectors);
        }
        Color best = LiveColors.BEST.on(dark);
        Color bestSector = LiveColors.BEST_SECTOR.on(dark);
        table.setRedraw(false);
        table.removeAll();
        for (Row row : rows) {
            TableItem item = new TableItem(table, SWT.NONE);
            List<String> texts = new ArrayList<>();
            texts.add(Integer.toString(row.number()));
            texts.add(row.time());
            texts.addAll(row.sectors());
            texts.add(row.fuel());
            texts.add(row.notes());
            item.setText(texts.toArray(String[]::new));
            if (row.best()) {
                item.setForeground(1, best);
            }
            for (int s = 0; s < row.bestSectors().size(); s++) {
                if (row.bestSectors().get(s)) {
                    item.setForeground(2 + s, bestSector);
                }
            }
        }
        table.setRedraw(true);
    }

    /** Colours the rows again if the theme changed. */
    void recolor(boolean dark) {
        show(shown, sectorColumns, dark);
    }

    private void columns(int sectors) {
        for (TableColumn c : table.getColumns()) {
            c.dispose();
        }
        sectorColumns = sectors;
        column("Lap", 50, "iRacing's lap number");
        column("Time", 90, "Lap time, line to line");
        for (int s = 0; s < sectors; s++) {
            column("S" + (s + 1), 75, "Sector " + (s + 1) + " time in seconds (session best in purple)");
        }
        column("Fuel L", 70, "Litres used on the lap");
        column("Notes", 150, "Why the lap does not count as clean");
    }

    private void column(String name, int width, String tooltip) {
        TableColumn c = new TableColumn(table, SWT.NONE);
        c.setText(name);
        c.setWidth(width);
        c.setToolTipText(tooltip);
    }
}
