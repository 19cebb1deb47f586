package org.pitbox.ui.engineer.library;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.pitbox.app.library.LibraryListing.Row;
import org.pitbox.client.SessionCache;
import org.pitbox.protocol.api.SessionView;

/** The Session Library's table: one row per team session, with where it is (the server, this computer). */
final class LibraryTable {
    static final String CACHED = "\u2713 cached";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final String[] TITLES = {"Date", "Track", "Car", "Driver", "Laps / records", "Duration", "Size",
        "On this computer"};
    private static final int[] WIDTHS = {130, 200, 170, 130, 120, 80, 80, 130};
    private static final String[] TIPS = {"When the session started (local time)", "", "", "Who drove",
        "Laps in the file / telemetry records (60 per second)", "Time on track", "Size of the .ibt file",
        "Cached sessions open at once, also offline; others are downloaded first"};

    private final Table table;
    private final ZoneId zone;
    private List<Row> rows = List.of();

    LibraryTable(Composite parent, ZoneId zone) {
        this.zone = zone;
        table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        for (int i = 0; i < TITLES.length; i++) {
            TableColumn column = new TableColumn(table, i >= 4 && i <= 6 ? SWT.RIGHT : SWT.LEFT);
            column.setText(TITLES[i]);
            column.setWidth(WIDTHS[i]);
            column.setToolTipText(TIPS[i].isEmpty() ? null : TIPS[i]);
        }
    }

    Table control() {
        return table;
    }

    List<Row> rows() {
        return rows;
    }

    /** Shows {@code list}, keeping the selected session selected when it is still there. */
    void show(List<Row> list) {
        Row selected = selected();
        rows = List.copyOf(list);
        table.setRedraw(false);
        try {
            table.removeAll();
            for (Row row : rows) {
                TableItem item = new TableItem(table, SWT.NONE);
                fill(item, row);
                if (selected != null && same(selected, row)) {
                    table.setSelection(item);
                }
            }
        } finally {
            table.setRedraw(true);
        }
    }

    /** Marks a session cached after its download. */
    void cached(SessionView session, Path file) {
        List<Row> list = new ArrayList<>(rows);
        for (int i = 0; i < list.size(); i++) {
            if (same(list.get(i), new Row(session, null))) {
                list.set(i, list.get(i).withCached(file));
                fill(table.getItem(i), list.get(i));
            }
        }
        rows = List.copyOf(list);
    }

    /** The selected row, null when none is. */
    Row selected() {
        int i = table.getSelectionIndex();
        return i >= 0 && i < rows.size() ? rows.get(i) : null;
    }

    private static boolean same(Row a, Row b) {
        return a.session().id() == b.session().id() && a.session().teamId() == b.session().teamId();
    }

    private void fill(TableItem item, Row row) {
        SessionView v = row.session();
        item.setText(new String[] {date(v), text(v.track()), text(v.car()), text(v.driver()), laps(v),
            duration(v.durationSeconds()), size(v.sizeBytes()), row.cached() != null ? CACHED
                : row.complete() ? "" : "still uploading"});
        item.setForeground(row.complete() || row.cached() != null ? null
                : table.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
    }

    private String date(SessionView v) {
        Instant at = SessionCache.started(v);
        return at == null ? text(v.startedAt()) : DATE.format(at.atZone(zone));
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? "\u2013" : s;
    }

    private static String laps(SessionView v) {
        String laps = v.lapCount() == null ? "\u2013" : v.lapCount().toString();
        String records = v.recordCount() == null ? "\u2013" : String.format(Locale.ROOT, "%,d", v.recordCount());
        return laps + " / " + records;
    }

    /** {@code 1:02:03} or {@code 12:34}; a dash when unknown. */
    static String duration(Double seconds) {
        if (seconds == null || seconds.isNaN() || seconds < 0) {
            return "\u2013";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** Megabytes with one decimal, kilobytes below 0.1 MB. */
    static String size(long bytes) {
        if (bytes <= 0) {
            return "\u2013";
        }
        return bytes < 100_000 ? String.format(Locale.ROOT, "%d kB", Math.max(1, bytes / 1000))
                : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
