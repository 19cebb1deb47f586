package org.pitbox.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pitbox.ui.tests.UiWait.await;
import static org.pitbox.ui.tests.UiWait.folderOf;
import static org.pitbox.ui.tests.UiWait.settle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.internal.workbench.E4Workbench;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.pitbox.app.session.OpenSession;
import org.pitbox.core.compare.ComparedChannel;
import org.pitbox.core.compare.Comparison;
import org.pitbox.core.compare.DisplayUnit;
import org.pitbox.core.compare.XRange;
import org.pitbox.core.laps.Lap;
import org.pitbox.core.math.MathChannel;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.demo.Screenshots;
import org.pitbox.iracing.IbtSummary;
import org.pitbox.iracing.ibt.IbtFile;
import org.pitbox.iracing.ibt.SimulatedIbt;
import org.pitbox.ui.engineer.compare.LapComparePart;
import org.pitbox.ui.engineer.compare.MathChannelDialog;
import org.pitbox.ui.engineer.session.SessionPart;
import org.pitbox.ui.services.UiPreferences;
import org.pitbox.ui.widgets.ChartStack;

/**
 * The Lap Compare part in the real workbench on real recordings: two laps of one session, then a lap of
 * another session read by a background job; the cursor's values in metric and imperial units, zoom and pan by
 * mouse and keys, a math channel typed into its dialog (errors with their column) and charted, CSV and PNG
 * export checked, Cancel, dropped files, a screenshot for the docs; and the goal timed: open a simulated
 * 1-hour session and draw a two-lap overlay of 5 channels (plus the delta) 1600 pixels wide in under 300 ms.
 */
class LapCompareTest {
    private static final Path IBT = Path.of("..", "..", "..", "shared", "data", "iracing", "ibt").toAbsolutePath()
            .normalize();
    private static final Path FIRST = IBT.resolve("robroberts_skmodified_langley_2015-05-28_14-50-46.ibt");
    private static final Path SECOND = IBT.resolve("robroberts_skmodified_langley_2015-08-24_20-48-50.ibt");
    private static final Path THIRD = IBT.resolve("robroberts_skmodified_langley_2015-05-28_14-45-28.ibt");
    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final List<String> FIVE = List.of("Speed", "Throttle", "Brake", "Gear", "SteeringWheelAngle",
            Comparison.DELTA);

    private final List<Throwable> failures = new ArrayList<>();

    @Test
    void comparesRealLapsExportsThemAndDrawsAnHourInTime() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(FIRST) && Files.isRegularFile(SECOND)
                && Files.isRegularFile(THIRD),
                "skipped: the real recordings are absent (" + IBT + "); put ../shared beside the project to run it");
        Files.createDirectories(TARGET);
        TestWorkbench.check("lap compare check failed", failures, this::exercise);
    }

    private void exercise(Display display, MApplication app, E4Workbench workbench) throws Exception {
        UiPreferences prefs = new UiPreferences();
        String units = prefs.units();
        String math = prefs.get(UiPreferences.MATH_CHANNELS, "");
        try {
            prefs.put(UiPreferences.UNITS, UiPreferences.METRIC);
            Shell shell = TestWorkbench.shell(app);
            EPartService parts = TestWorkbench.engineer(app);
            SessionPart session = (SessionPart) parts.showPart(SessionPart.ID, EPartService.PartState.ACTIVATE)
                    .getObject();
            session.open(FIRST);
            // the Session part opens the file in the background: wait until it is the open session
            OpenSession open = app.getContext().get(OpenSession.class);
            await(display, () -> FIRST.equals(open.file()), FIRST.getFileName() + " opened");
            MPart part = parts.showPart(LapComparePart.ID, EPartService.PartState.ACTIVATE);
            LapComparePart compare = (LapComparePart) part.getObject();
            assertNotNull(compare, "the Lap Compare part was not created");

            await(display, () -> compare.comparison() != null && !compare.busy(), "two laps compared");
            Comparison two = compare.comparison();
            assertEquals(List.of(184, 185), two.laps().stream().map(l -> l.lap().number()).toList(),
                    "the two fastest clean laps are ticked");
            assertEquals(Comparison.DEFAULT_CHANNELS, two.channels().stream().map(ComparedChannel::name).toList());
            assertEquals(0, two.reference(), "lap 184 is the fastest");
            double[] delta = two.channels().get(5).values()[1];
            assertEquals(two.laps().get(1).lap().lapTime() - two.laps().get(0).lap().lapTime(),
                    delta[delta.length - 1], 1e-9, "lap 185 ends its delta at the lap time difference");
            checkCsv(display, compare, two);
            exerciseMouse(display, compare.chartStack());
            exerciseKeys(display, compare.chartStack());
            checkReadout(display, compare, prefs);
            addMathChannel(display, compare, prefs);

            compare.addSession(SECOND);
            assertTrue(compare.busy() && compare.comparison().laps().size() == 2
                    && compare.stateText().startsWith("Reading " + SECOND.getFileName()),
                    "the session is read in the background: " + compare.stateText());
            System.out.println("lap compare: jobs after adding a session: "
                    + Job.getJobManager().find(LapComparePart.JOBS).length);
            await(display, () -> compare.comparison() != null && compare.comparison().laps().size() == 3
                    && !compare.busy(), "a lap of a second session added");
            Comparison three = compare.comparison();
            assertEquals(List.of(184, 185, 6), three.laps().stream().map(l -> l.lap().number()).toList());
            assertEquals(15.240, three.laps().get(2).lap().lapTime(), 0.0005, "the other session's best lap");
            double[] other = three.channels().get(5).values()[2];
            assertEquals(three.laps().get(2).lap().lapTime() - three.laps().get(0).lap().lapTime(),
                    other[other.length - 1], 1e-9, "a delta across sessions");
            Control charts = compare.chartStack().control();
            display.setCursorLocation(charts.toDisplay(charts.getSize().x - 30, charts.getSize().y / 2));
            settle(display, 300);
            double[] x = three.distance();
            compare.chartStack().setCursor(x[x.length * 36 / 100]);
            shell.redraw(0, 0, 1600, 1000, true);
            settle(display, 1000);
            assertEquals(x[x.length * 36 / 100], compare.chartStack().cursor());
            Screenshots.save(folderOf(part), TestScreenshots.file("lap-compare.png"));
            Path png = TARGET.resolve("lap-compare-charts.png");
            Files.deleteIfExists(png);
            compare.savePng(png);
            assertEquals("Saved the charts to lap-compare-charts.png.", compare.stateText());
            ImageData saved = new ImageLoader().load(png.toString())[0];
            Point size = compare.chartStack().control().getSize();
            assertEquals(size.x, saved.width);
            assertEquals(size.y, saved.height);
            assertTrue(lapColoured(saved, 0, saved.height) > 1000, "the PNG holds the lap lines");

            cancelAndDrop(display, compare);
            compare.removeMathChannel("Pedals");
            await(display, () -> !compare.busy() && compare.comparison() != null, "compared without Pedals");
            assertFalse(compare.channelChoices().contains("Pedals"));
            assertFalse(prefs.get(UiPreferences.MATH_CHANNELS, "").contains("Pedals"));
            timeHour(display);
        } finally {
            prefs.put(UiPreferences.UNITS, units);
            prefs.put(UiPreferences.MATH_CHANNELS, math);
        }
    }

    /** The keys zoom around the cursor, pan and show the whole lap; the x range follows. */
    private static void exerciseKeys(Display display, ChartStack stack) {
        Control speed = stack.charts().get(0);
        XRange range = stack.range();
        double whole = range.span();
        stack.setCursor(range.min() + whole / 2);
        key(speed, '+');
        assertEquals(whole * 0.8, range.span(), 1e-6 * whole, "+ zooms in");
        key(speed, '+');
        assertEquals(whole * 0.64, range.span(), 1e-6 * whole);
        assertTrue(range.from() < stack.cursor() && range.to() > stack.cursor(), "zoomed around the cursor");
        double from = range.from();
        key(speed, SWT.ARROW_RIGHT);
        assertEquals(from + range.span() / 10, range.from(), 1e-6 * whole, "the right arrow pans along the lap");
        key(speed, SWT.ARROW_LEFT);
        assertEquals(from, range.from(), 1e-6 * whole);
        key(speed, SWT.END);
        assertEquals(range.max(), range.to(), 1e-9, "End shows the end of the lap");
        key(speed, '-');
        assertTrue(range.span() > whole * 0.64, "- zooms out");
        key(speed, SWT.HOME);
        assertFalse(range.zoomed(), "Home shows the whole lap");
        key(speed, SWT.ESC);
        assertTrue(Double.isNaN(stack.cursor()), "Esc hides the cursor");
        settle(display, 100);
    }

    private static void key(Control control, int code) {
        Event e = new Event();
        e.keyCode = code;
        e.character = code < 128 ? (char) code : 0;
        control.notifyListeners(SWT.KeyDown, e);
    }

    /** The cursor's values in each chart's title row, in km/h, then in mph after the preference changes. */
    private static void checkReadout(Display display, LapComparePart compare, UiPreferences prefs) {
        ChartStack stack = compare.chartStack();
        Comparison c = compare.comparison();
        double at = c.distance()[c.distance().length / 3];
        stack.setCursor(at);
        double[] speed = new double[2];
        c.valuesAt(0, at, speed);
        List<String> readout = stack.readout(0);
        assertEquals("km/h", stack.unit(0).label());
        for (int lap = 0; lap < 2; lap++) {
            String[] parts = readout.get(lap).split("\\s+");
            assertEquals(Integer.toString(c.laps().get(lap).lap().number()), parts[0], readout.toString());
            assertEquals(speed[lap] * 3.6, Double.parseDouble(parts[1]), 0.51, "km/h at the cursor: " + readout);
        }
        double[] gear = new double[2];
        c.valuesAt(3, at, gear);
        assertEquals(List.of("184  " + (int) gear[0], "185  " + (int) gear[1]), stack.readout(3), "whole gears");
        System.out.println("lap compare: cursor at " + Math.round(at) + " m reads " + readout + " km/h");

        prefs.put(UiPreferences.UNITS, UiPreferences.IMPERIAL);
        await(display, () -> stack.unit(0).label().equals("mph"), "the charts in imperial units");
        assertEquals(at, stack.cursor(), "the cursor stays where it was");
        assertEquals("ft", stack.distanceUnitShown().label());
        DisplayUnit mph = stack.unit(0);
        for (int lap = 0; lap < 2; lap++) {
            String[] parts = stack.readout(0).get(lap).split("\\s+");
            assertEquals(mph.apply(speed[lap]), Double.parseDouble(parts[1]), 0.51, "mph: " + stack.readout(0));
        }
        prefs.put(UiPreferences.UNITS, UiPreferences.METRIC);
        await(display, () -> stack.unit(0).label().equals("km/h"), "the charts in metric units again");
    }

    /** Types a math channel into its dialog (errors first), saves it and finds it charted and stored. */
    private static void addMathChannel(Display display, LapComparePart compare, UiPreferences prefs) {
        if (compare.mathChannels().stream().anyMatch(m -> m.name().equals("Pedals"))) {
            compare.removeMathChannel("Pedals");
        }
        MathChannelDialog dialog = compare.mathChannelDialog(null);
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            assertFalse(dialog.canSave(), "nothing typed, nothing to save");
            assertEquals("", dialog.problem(), "no error before anything is typed");
            dialog.type("Pedals", "Throttle - Brak", "%");
            assertEquals("unknown channel 'Brak' at column 12; did you mean 'Brake'?", dialog.problem());
            assertEquals("Throttle - Brak\n" + " ".repeat(11) + "^", dialog.caret(), "the caret under the column");
            assertFalse(dialog.canSave());
            settle(display, 300);
            Screenshots.save(dialog.getShell(), TARGET.resolve("math-channel-dialog.png"));
            dialog.type("Pedals", "Throttle - (Brake", "%");
            assertEquals("expected ')' at column 18", dialog.problem());
            dialog.type("Speed", "Throttle - Brake", "%");
            assertEquals("'Speed' is a recorded channel; pick another name.", dialog.problem());
            dialog.type("Pedals", "Throttle - Brake", "%");
            assertEquals("", dialog.problem());
            assertTrue(dialog.canSave());
            dialog.save();
        } finally {
            dialog.close();
        }
        MathChannel pedals = dialog.result();
        assertEquals(new MathChannel("Pedals", "Throttle - Brake", "%"), pedals);
        compare.saveMathChannel(null, pedals);
        assertTrue(prefs.get(UiPreferences.MATH_CHANNELS, "").contains("Pedals = Throttle - Brake [%]"),
                "saved in the user's preferences");
        await(display, () -> !compare.busy() && compare.comparison() != null
                && compare.comparison().channels().size() == 7, "the math channel compared");
        Comparison c = compare.comparison();
        int at = c.channels().stream().map(ComparedChannel::name).toList().indexOf("Pedals");
        assertTrue(at >= 0, "Pedals is charted");
        ComparedChannel p = c.channels().get(at);
        int g = c.distance().length / 2;
        assertEquals(c.channels().get(1).values()[1][g] - c.channels().get(2).values()[1][g], p.values()[1][g], 1e-6);
        settle(display, 300);
        ChartStack stack = compare.chartStack();
        assertEquals(7, stack.charts().size());
        assertEquals("%", stack.unit(at).label());
        Control chart = stack.charts().get(at);
        Image image = stack.snapshot();
        try {
            ImageData data = image.getImageData();
            int top = chart.getBounds().y;
            assertTrue(lapColoured(data, top, top + chart.getSize().y) > 100, "Pedals is drawn");
        } finally {
            image.dispose();
        }
        stack.setCursor(c.distance()[g]);
        String[] value = stack.readout(at).get(1).split("\\s+");
        assertEquals(p.values()[1][g] * 100, Double.parseDouble(value[1]), 0.6, "Pedals in percent at the cursor");
    }

    /** Cancel while a session is read leaves the part as it was; dropped files open, other files are refused. */
    private static void cancelAndDrop(Display display, LapComparePart compare) {
        Comparison before = compare.comparison();
        compare.addSession(THIRD);
        assertTrue(compare.busy());
        compare.cancel();
        assertFalse(compare.busy(), "nothing runs after Cancel");
        assertTrue(compare.stateText().startsWith("Cancelled"), compare.stateText());
        settle(display, 1000);
        assertTrue(compare.comparison() == before, "the cancelled session never arrives");
        assertTrue(compare.chartStack().control().isVisible(), "the charts still show");

        compare.openDropped(Path.of("notes.txt").toAbsolutePath().toString());
        assertEquals("Only iRacing .ibt recordings open here, not notes.txt.", compare.stateText());
        compare.openDropped(THIRD.toString());
        await(display, () -> !compare.busy() && compare.comparison() != before
                && compare.comparison().laps().size() == before.laps().size() + 1, "the dropped session compared");
        System.out.println("lap compare: after the drop " + compare.stateText());
    }

    /** Pixels in rows {@code from .. to} of the first lap's colour (dark or light theme). */
    private static int lapColoured(ImageData data, int from, int to) {
        int count = 0;
        for (int y = Math.max(0, from); y < Math.min(data.height, to); y++) {
            for (int x = 0; x < data.width; x++) {
                org.eclipse.swt.graphics.RGB rgb = data.palette.getRGB(data.getPixel(x, y));
                int v = rgb.red << 16 | rgb.green << 8 | rgb.blue;
                if (v == 0x4ea1ff || v == 0x1f63c6) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Exports the two laps and reads the file back. */
    private static void checkCsv(Display display, LapComparePart compare, Comparison c) throws Exception {
        Path csv = TARGET.resolve("lap-compare.csv");
        Files.deleteIfExists(csv);
        compare.exportCsv(csv);
        await(display, () -> !compare.busy() && compare.stateText().startsWith("Saved"), "the CSV saved");
        List<String> lines = Files.readAllLines(csv);
        assertEquals("Session,Lap,LapDist,Speed,Throttle,Brake,Gear,SteeringWheelAngle,Delta", lines.get(0));
        int points = c.distance().length;
        assertEquals(1 + 2 * points, lines.size(), "one line per lap and grid point");
        String[] row = lines.get(1 + points + points / 2).split(",");
        assertEquals("185", row[1]);
        assertEquals(c.distance()[points / 2], Double.parseDouble(row[2]));
        double speed = Double.parseDouble(row[3]);
        assertTrue(speed > 20 && speed < 60, "Langley mid-lap speed in m/s: " + speed);
        assertTrue(Integer.parseInt(row[6]) >= 1, "gear as a whole number: " + row[6]);
        System.out.println("lap compare: " + lines.size() + " CSV lines, e.g. " + String.join(",", row));
    }

    /** The mouse: a move puts the cursor, the wheel zooms, a drag pans, a double-click shows the whole lap. */
    private static void exerciseMouse(Display display, ChartStack stack) {
        Control speed = ((Composite) stack.control()).getChildren()[1];
        send(speed, SWT.MouseMove, 400, 0, 0);
        assertTrue(!Double.isNaN(stack.cursor()), "the cursor follows the mouse");
        send(speed, SWT.MouseVerticalWheel, 400, 3, 0);
        assertTrue(stack.range().zoomed(), "the wheel zooms in");
        double from = stack.range().from();
        send(speed, SWT.MouseDown, 400, 0, 0);
        send(speed, SWT.MouseMove, 300, 0, SWT.BUTTON1);
        send(speed, SWT.MouseUp, 300, 0, 0);
        assertTrue(stack.range().from() > from, "dragging left moves further along the lap");
        send(speed, SWT.MouseDoubleClick, 300, 0, 0);
        assertTrue(!stack.range().zoomed(), "a double-click shows the whole lap");
        settle(display, 200);
    }

    private static void send(Control control, int type, int x, int count, int state) {
        Event e = new Event();
        e.x = x;
        e.y = 40;
        e.button = type == SWT.MouseDown || type == SWT.MouseUp || type == SWT.MouseDoubleClick ? 1 : 0;
        e.count = count;
        e.stateMask = state;
        control.notifyListeners(type, e);
    }

    /**
     * The goal: open a simulated hour, take its two fastest clean laps, compare five channels and the delta and
     * draw them 1600 pixels wide, five times over; prints each time and checks the median.
     */
    private static void timeHour(Display display) throws Exception {
        Path hour = TARGET.resolve("simulated-hour.ibt");
        if (!Files.isRegularFile(hour)) {
            SimulatedIbt.write(SimOptions.defaults().withDuration(3600).withSeed(2026), hour, 1_764_000_000L);
        }
        Shell shell = new Shell(display);
        shell.setLayout(new FillLayout());
        shell.setBounds(0, 0, 1600, 1000);
        ChartStack stack = new ChartStack(shell);
        shell.open();
        settle(display, 300);
        long[] millis = new long[5];
        try {
            for (int run = 0; run < millis.length; run++) {
                long start = System.nanoTime();
                long opened;
                Comparison c;
                try (IbtFile ibt = IbtFile.open(hour)) {
                    IbtSummary summary = IbtSummary.of(ibt);
                    opened = System.nanoTime();
                    List<Lap> two = summary.laps().stream().filter(Lap::isClean)
                            .sorted(Comparator.comparingDouble(Lap::lapTime)).limit(2).toList();
                    Comparison.Builder builder = Comparison.builder(FIVE,
                            summary.info().weekend().trackLengthMeters());
                    two.forEach(lap -> builder.add("hour", ibt, lap));
                    c = builder.build();
                }
                long built = System.nanoTime();
                stack.show(c, List.of("a", "b"), List.of("Lap a", "Lap b"), false);
                Image image = stack.snapshot();
                long drawn = System.nanoTime();
                image.dispose();
                millis[run] = (drawn - start) / 1_000_000;
                System.out.printf("lap compare, simulated hour: open and laps %.1f ms, compare %.1f ms, "
                        + "draw %d x %d px %.1f ms, total %d ms%n", (opened - start) / 1e6, (built - opened) / 1e6,
                        stack.control().getSize().x, stack.control().getSize().y, (drawn - built) / 1e6, millis[run]);
                settle(display, 50);
            }
        } finally {
            shell.dispose();
        }
        long first = millis[0];
        Arrays.sort(millis);
        System.out.println("lap compare, simulated hour: first " + first + " ms, median " + millis[2] + " ms");
        assertTrue(millis[2] < 300, "open a 1-hour session and draw a two-lap overlay in under 300 ms: "
                + millis[2] + " ms");
    }

}
