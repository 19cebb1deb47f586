package org.pitbox.ui.engineer.library;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.TreeSet;
import java.util.function.Function;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.pitbox.client.CloudClient.SessionQuery;
import org.pitbox.protocol.api.SessionView;

/**
 * The Session Library's filters: track, car and driver (whole names, any case; the drop-downs offer the names
 * seen so far) and a date range of whole local days, with Refresh and Clear. Enter or a pick applies them.
 */
final class LibraryFilter {
    private static final String DATE_HINT = "YYYY-MM-DD";

    private final ZoneId zone;
    private final Combo track;
    private final Combo car;
    private final Combo driver;
    private final Text from;
    private final Text to;
    private final Button clear;
    private final Button refresh;

    LibraryFilter(Composite parent, ZoneId zone, Runnable apply) {
        this.zone = zone;
        Composite row = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(12, false);
        layout.marginWidth = 0;
        row.setLayout(layout);
        row.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        track = combo(row, "Track", "Only sessions at this track (the whole name, any case)", apply);
        car = combo(row, "Car", "Only sessions in this car", apply);
        driver = combo(row, "Driver", "Only sessions of this driver", apply);
        from = date(row, "From", "Only sessions that started on or after this day, e.g. 2025-05-01", apply);
        to = date(row, "To", "Only sessions that started on or before this day", apply);
        refresh = new Button(row, SWT.PUSH);
        refresh.setText("Refresh");
        refresh.setToolTipText("List the sessions again with these filters");
        refresh.addListener(SWT.Selection, e -> apply.run());
        clear = new Button(row, SWT.PUSH);
        clear.setText("Clear");
        clear.addListener(SWT.Selection, e -> {
            for (Combo c : new Combo[] {track, car, driver}) {
                c.setText("");
            }
            from.setText("");
            to.setText("");
            apply.run();
        });
        updateClear();
    }

    private Combo combo(Composite row, String caption, String tip, Runnable apply) {
        new Label(row, SWT.NONE).setText(caption);
        Combo c = new Combo(row, SWT.DROP_DOWN);
        GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
        data.widthHint = 120;
        c.setLayoutData(data);
        c.setToolTipText(tip + "; empty for any. Press Enter to apply.");
        c.addListener(SWT.DefaultSelection, e -> apply.run());
        c.addListener(SWT.Selection, e -> apply.run());
        c.addListener(SWT.Modify, e -> updateClear());
        return c;
    }

    private Text date(Composite row, String caption, String tip, Runnable apply) {
        new Label(row, SWT.NONE).setText(caption);
        Text t = new Text(row, SWT.BORDER);
        t.setMessage(DATE_HINT);
        GridData data = new GridData(SWT.LEFT, SWT.CENTER, false, false);
        data.widthHint = 95;
        t.setLayoutData(data);
        t.setToolTipText(tip + "; empty for any. Press Enter to apply.");
        t.addListener(SWT.DefaultSelection, e -> apply.run());
        t.addListener(SWT.Modify, e -> updateClear());
        return t;
    }

    private void updateClear() {
        if (clear == null) {
            return;
        }
        boolean any = Arrays.stream(new String[] {track.getText(), car.getText(), driver.getText(), from.getText(),
            to.getText()}).anyMatch(s -> !s.isBlank());
        clear.setEnabled(any);
        clear.setToolTipText(any ? "Show all sessions again" : "No filter is set");
    }

    /**
     * The query of one page.
     *
     * @throws IllegalArgumentException with a sentence for the user when a date does not parse or the range is
     *                                  empty
     */
    SessionQuery query(int page, int size) {
        Instant start = day(from, 0);
        Instant end = day(to, 1);
        if (start != null && end != null && !start.isBefore(end)) {
            throw new IllegalArgumentException("The From day is after the To day: no session can match.");
        }
        return new SessionQuery(value(track), value(car), value(driver), start, end, page, size);
    }

    /** Offers the names of {@code sessions} in the drop-downs, beside those offered before. */
    void suggest(Collection<SessionView> sessions) {
        offer(track, sessions, SessionView::track);
        offer(car, sessions, SessionView::car);
        offer(driver, sessions, SessionView::driver);
    }

    /** Sets the filters, e.g. from a test; null leaves one as it is. */
    void set(String trackName, String carName, String driverName, String fromDay, String toDay) {
        String[] values = {trackName, carName, driverName};
        Combo[] combos = {track, car, driver};
        for (int i = 0; i < combos.length; i++) {
            if (values[i] != null) {
                combos[i].setText(values[i]);
            }
        }
        if (fromDay != null) {
            from.setText(fromDay);
        }
        if (toDay != null) {
            to.setText(toDay);
        }
    }

    Button refreshButton() {
        return refresh;
    }

    private static void offer(Combo combo, Collection<SessionView> sessions, Function<SessionView, String> name) {
        TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(Arrays.asList(combo.getItems()));
        sessions.stream().map(name).filter(s -> s != null && !s.isBlank()).forEach(names::add);
        String[] items = names.toArray(String[]::new);
        if (!Arrays.equals(items, combo.getItems())) {
            String text = combo.getText();
            combo.setItems(items);
            combo.setText(text);
        }
    }

    private static String value(Combo c) {
        String s = c.getText().strip();
        return s.isEmpty() ? null : s;
    }

    /** The start of the typed day plus {@code plusDays}, in local time; null when empty. */
    private Instant day(Text t, int plusDays) {
        String s = t.getText().strip();
        if (s.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(s).plusDays(plusDays).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Write days as " + DATE_HINT + ", e.g. 2025-05-31: \"" + s
                    + "\" is not one.");
        }
    }
}
