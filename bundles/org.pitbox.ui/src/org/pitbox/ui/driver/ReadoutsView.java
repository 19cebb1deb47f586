package org.pitbox.ui.driver;

import java.util.function.Supplier;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.pitbox.core.laps.LapTimes;
import org.pitbox.core.source.LiveFeed;
import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.Frame;
import org.pitbox.ui.services.UiPreferences;
import org.pitbox.app.units.Units;

/** Big, glanceable readouts of a feed, refreshed at display rate by polling its newest frame. */
final class ReadoutsView {
    private static final int REFRESH_MILLIS = 33;

    private final Supplier<LiveFeed> source;
    private final String emptyHint;
    private final UiPreferences prefs = new UiPreferences();
    private Display display;
    private Font bigFont;
    private Label hint;
    private Label speed;
    private Label speedCaption;
    private Label gear;
    private Label rpm;
    private Label lap;
    private Label lapTime;
    private Label lastLap;
    private Label bestLap;
    private Label fuel;
    private Label fuelCaption;

    private LiveFeed shownFeed;
    private Frame frame;
    private ChannelDescriptor chSpeed;
    private ChannelDescriptor chGear;
    private ChannelDescriptor chRpm;
    private ChannelDescriptor chLap;
    private ChannelDescriptor chLapTime;
    private ChannelDescriptor chLastLap;
    private ChannelDescriptor chBestLap;
    private ChannelDescriptor chFuel;
    private final Runnable refresh = this::refresh;

    /** Fills {@code parent}; {@code emptyHint} says what to do while {@code source} gives no feed. */
    ReadoutsView(Composite parent, Supplier<LiveFeed> source, String emptyHint) {
        this.source = source;
        this.emptyHint = emptyHint;
        display = parent.getDisplay();
        FontData data = JFaceResources.getDefaultFont().getFontData()[0];
        bigFont = new Font(display, data.getName(), 26, SWT.BOLD);
        parent.setLayout(new GridLayout(4, true));
        hint = new Label(parent, SWT.WRAP);
        hint.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 4, 1));
        hint.setData("org.eclipse.e4.ui.css.CssClassName", "hint");
        speedCaption = caption(parent, "Speed");
        speed = value(parent);
        caption(parent, "Gear");
        gear = value(parent);
        caption(parent, "RPM");
        rpm = value(parent);
        caption(parent, "Lap");
        lap = value(parent);
        caption(parent, "Current lap");
        lapTime = value(parent);
        caption(parent, "Last lap");
        lastLap = value(parent);
        caption(parent, "Best lap");
        bestLap = value(parent);
        fuelCaption = caption(parent, "Fuel");
        fuel = value(parent);
        clear();
        display.timerExec(REFRESH_MILLIS, refresh);
    }

    private static Label caption(Composite parent, String text) {
        Label label = new Label(parent, SWT.NONE);
        label.setText(text);
        label.setData("org.eclipse.e4.ui.css.CssClassName", "readout-caption");
        return label;
    }

    private Label value(Composite parent) {
        Label label = new Label(parent, SWT.NONE);
        label.setFont(bigFont);
        label.setText("--");
        label.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        label.setData("org.eclipse.e4.ui.css.CssClassName", "readout-value");
        return label;
    }

    private void refresh() {
        if (hint.isDisposed()) {
            return;
        }
        LiveFeed feed = source.get();
        if (feed != shownFeed || (feed != null && feed.layout() != frame.layout())) {
            bind(feed);
        }
        if (feed != null) {
            if (feed.readLatest(frame)) {
                show(feed);
            } else {
                update(hint, feed.status().message());
            }
        }
        display.timerExec(REFRESH_MILLIS, refresh);
    }

    private void bind(LiveFeed feed) {
        shownFeed = feed;
        if (feed == null) {
            frame = null;
            clear();
            return;
        }
        ChannelLayout layout = feed.layout();
        frame = new Frame(layout);
        chSpeed = layout.find("Speed").orElse(null);
        chGear = layout.find("Gear").orElse(null);
        chRpm = layout.find("RPM").orElse(null);
        chLap = layout.find("Lap").orElse(null);
        chLapTime = layout.find("LapCurrentLapTime").orElse(null);
        chLastLap = layout.find("LapLastLapTime").orElse(null);
        chBestLap = layout.find("LapBestLapTime").orElse(null);
        chFuel = layout.find("FuelLevel").orElse(null);
    }

    private void show(LiveFeed feed) {
        Units units = new Units(prefs.imperial());
        update(hint, feed.status().message());
        if (update(speedCaption, "Speed (" + units.speedUnit() + ")")
                | update(fuelCaption, "Fuel (" + units.fuelUnit() + ")")) {
            speedCaption.getParent().layout(true);
        }
        update(speed, chSpeed == null ? "--" : String.format("%.0f", units.speed(frame.value(chSpeed, 0))));
        update(gear, chGear == null ? "--" : gearText((int) frame.value(chGear, 0)));
        update(rpm, chRpm == null ? "--" : String.format("%.0f", frame.value(chRpm, 0)));
        update(lap, chLap == null ? "--" : Integer.toString((int) frame.value(chLap, 0)));
        update(lapTime, chLapTime == null ? "--" : lapTime(frame.value(chLapTime, 0)));
        update(lastLap, chLastLap == null ? "--" : lapTime(frame.value(chLastLap, 0)));
        update(bestLap, chBestLap == null ? "--" : lapTime(frame.value(chBestLap, 0)));
        update(fuel, chFuel == null ? "--" : String.format("%.1f", units.fuel(frame.value(chFuel, 0))));
    }

    /** Sets a label only when its text changes, so an unchanged readout costs nothing at 30 Hz. */
    private static boolean update(Label label, String text) {
        if (text.equals(label.getText())) {
            return false;
        }
        label.setText(text);
        return true;
    }

    private static String lapTime(double seconds) {
        return seconds > 0 ? LapTimes.format(seconds) : "--";
    }

    private static String gearText(int gear) {
        return gear < 0 ? "R" : gear == 0 ? "N" : Integer.toString(gear);
    }

    private void clear() {
        hint.setText(emptyHint);
        for (Label l : new Label[] {speed, gear, rpm, lap, lapTime, lastLap, bestLap, fuel}) {
            l.setText("--");
        }
    }

    void dispose() {
        if (bigFont != null) {
            bigFont.dispose();
        }
    }
}
