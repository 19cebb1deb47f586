package org.pitbox.ui.widgets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.pitbox.core.compare.Comparison;
import org.pitbox.core.compare.DisplayUnit;
import org.pitbox.core.compare.Ticks;
import org.pitbox.core.compare.XRange;

/**
 * Strip charts of one comparison, one per channel, under a legend of the laps. They share the visible
 * distance range and one cursor: moving the mouse shows each lap's value at the cursor in every chart, the
 * wheel (or + and -) zooms around the mouse, dragging (or the arrow keys) pans, a double-click (or Home)
 * shows the whole lap again.
 */
public final class ChartStack {
    private static final String HELP = "wheel or +/-: zoom   drag or arrows: pan   double-click or Home: whole lap";

    private final Composite root;
    private final Canvas legend;
    private final Font bold;
    private final List<StripChart> charts = new ArrayList<>();
    private Comparison comparison;
    private XRange range;
    private DisplayUnit distanceUnit;
    private List<String> labels = List.of();
    private List<String> legendTexts = List.of();
    private double cursor = Double.NaN;
    private int dragX = -1;
    private double dragFrom;
    private Consumer<Control> decorate = c -> { };
    private DoubleConsumer cursorMoved = x -> { };

    public ChartStack(Composite parent) {
        root = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        layout.verticalSpacing = 0;
        root.setLayout(layout);
        FontData[] data = root.getFont().getFontData();
        for (FontData d : data) {
            d.setStyle(SWT.BOLD);
        }
        bold = new Font(root.getDisplay(), data);
        root.addDisposeListener(e -> bold.dispose());
        legend = new Canvas(root, SWT.DOUBLE_BUFFERED);
        GridData size = new GridData(SWT.FILL, SWT.TOP, true, false);
        GC gc = new GC(legend);
        size.heightHint = gc.getFontMetrics().getHeight() + 12;
        gc.dispose();
        legend.setLayoutData(size);
        legend.addPaintListener(e -> drawLegend(e.gc, 0, 0, legend.getSize().x, legend.getSize().y));
    }

    public Control control() {
        return root;
    }

    /** Runs {@code action} on the legend now and on every chart made from now on (to accept dropped files). */
    public void decorate(Consumer<Control> action) {
        decorate = action;
        action.accept(root);
        action.accept(legend);
    }

    /** The chart canvases, one per channel, top to bottom. */
    public List<Control> charts() {
        return charts.stream().map(c -> (Control) c.control()).toList();
    }

    /**
     * What chart {@code chart}'s title row says of each lap: its short name and, with the cursor shown, its
     * value at the cursor in the display unit ("184  130").
     */
    public List<String> readout(int chart) {
        return List.of(charts.get(chart).readout());
    }

    /** The unit chart {@code chart} shows its values in. */
    public DisplayUnit unit(int chart) {
        return charts.get(chart).unit();
    }

    /** The unit of the distance axis. */
    public DisplayUnit distanceUnitShown() {
        return distanceUnit;
    }

    /**
     * Shows a comparison, one strip chart per channel, the whole lap in view and no cursor.
     *
     * @param lapLabels   short names of the laps for the strip titles ("184")
     * @param legendTexts the laps described for the legend ("Lap 184  1:15.195  reference")
     */
    public void show(Comparison c, List<String> lapLabels, List<String> legendTexts, boolean imperial) {
        charts.forEach(chart -> chart.control().dispose());
        charts.clear();
        comparison = c;
        range = c.fullRange();
        distanceUnit = DisplayUnit.of(c.distanceUnit(), imperial);
        labels = List.copyOf(lapLabels);
        this.legendTexts = List.copyOf(legendTexts);
        cursor = Double.NaN;
        int count = c.channels().size();
        for (int i = 0; i < count; i++) {
            StripChart chart = new StripChart(this, root, i, DisplayUnit.of(c.channels().get(i).unit(), imperial),
                    i == count - 1);
            chart.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
            listen(chart);
            decorate.accept(chart.control());
            charts.add(chart);
        }
        root.layout(true, true);
        legend.redraw();
    }

    /** Shows the same comparison in metric or imperial units, keeping the zoom and the cursor. */
    public void reshow(boolean imperial) {
        if (comparison == null) {
            return;
        }
        double from = range.from();
        double to = range.to();
        double at = cursor;
        show(comparison, labels, legendTexts, imperial);
        range.show(from, to);
        rangeChanged();
        setCursor(at);
    }

    public Comparison comparison() {
        return comparison;
    }

    /** The shared visible distance range; call {@link #rangeChanged()} after changing it. */
    public XRange range() {
        return range;
    }

    public double cursor() {
        return cursor;
    }

    /** Hears the user move the cursor (the mouse, Esc) to a distance, NaN when hidden; not {@link #setCursor}. */
    public void onCursorMoved(DoubleConsumer listener) {
        cursorMoved = listener;
    }

    /** Puts the cursor at distance {@code x} in every chart; NaN hides it. */
    public void setCursor(double x) {
        cursor = x;
        charts.forEach(chart -> chart.control().redraw());
        legend.redraw();
    }

    /** Redraws every chart after the visible range changed. */
    public void rangeChanged() {
        charts.forEach(StripChart::invalidate);
        legend.redraw();
    }

    /** The whole stack as it is on screen, painted offscreen; the caller disposes the image. */
    public Image snapshot() {
        Point size = root.getSize();
        Image image = new Image(root.getDisplay(), Math.max(1, size.x), Math.max(1, size.y));
        GC gc = new GC(image);
        try {
            gc.setBackground(colors().background());
            gc.fillRectangle(0, 0, size.x, size.y);
            Rectangle at = legend.getBounds();
            drawLegend(gc, at.x, at.y, at.width, at.height);
            for (StripChart chart : charts) {
                Rectangle b = chart.control().getBounds();
                chart.draw(gc, b.x, b.y, b.width, b.height);
            }
        } finally {
            gc.dispose();
        }
        return image;
    }

    /** Saves {@link #snapshot()} as a PNG file. */
    public void savePng(Path file) {
        Image image = snapshot();
        try {
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] {image.getImageData()};
            loader.save(file.toString(), SWT.IMAGE_PNG);
        } finally {
            image.dispose();
        }
    }

    ChartColors colors() {
        return ChartColors.of(root.getBackground(), root.getForeground());
    }

    Font bold() {
        return bold;
    }

    DisplayUnit distanceUnit() {
        return distanceUnit;
    }

    String label(int lap) {
        return labels.get(lap);
    }

    private void drawLegend(GC gc, int left, int top, int width, int height) {
        ChartColors colors = colors();
        gc.setAntialias(SWT.ON);
        gc.setBackground(colors.background());
        gc.fillRectangle(left, top, width, height);
        gc.setFont(root.getFont());
        int text = gc.getFontMetrics().getHeight();
        int y = top + (height - text) / 2;
        String right = Double.isNaN(cursor) || distanceUnit == null ? HELP : "at " + Ticks.format(
                distanceUnit.apply(cursor), distanceUnit.label().equals("%") ? 0.1 : 1) + " " + distanceUnit.label();
        int rightX = left + width - gc.textExtent(right).x - 16;
        gc.setForeground(colors.axis());
        gc.drawText(right, rightX, y, true);
        int x = left + 8;
        for (int lap = 0; lap < legendTexts.size(); lap++) { // a lap that does not fit whole shows its name only
            String full = legendTexts.get(lap);
            int split = full.indexOf("  ");
            String shown = x + 22 + gc.textExtent(full).x <= rightX - 12 || split < 0 ? full : full.substring(0, split);
            if (x + 22 + gc.textExtent(shown).x > rightX - 12) {
                break; // never a figure cut short
            }
            gc.setBackground(colors.lap(lap));
            gc.fillRectangle(x, y + text / 2 - 2, 16, 4);
            gc.setForeground(colors.foreground());
            gc.drawText(shown, x + 22, y, true);
            x += 22 + gc.textExtent(shown).x + 28;
        }
    }

    private void listen(StripChart chart) {
        Canvas c = chart.control();
        c.addListener(SWT.MouseMove, e -> moved(chart, e));
        c.addListener(SWT.MouseDown, e -> {
            if (e.button == 1) {
                dragX = e.x;
                dragFrom = range.from();
                c.setFocus();
            }
        });
        c.addListener(SWT.MouseUp, e -> dragX = -1);
        c.addListener(SWT.MouseDoubleClick, e -> {
            range.reset();
            rangeChanged();
        });
        c.addListener(SWT.MouseVerticalWheel, e -> {
            e.doit = false;
            range.zoom(e.count > 0 ? 0.8 : 1.25, chart.toX(e.x));
            rangeChanged();
        });
        c.addListener(SWT.KeyDown, this::key);
        c.addListener(SWT.Traverse, e -> {
            // the arrow keys pan rather than move the focus
            if (e.detail == SWT.TRAVERSE_ARROW_NEXT || e.detail == SWT.TRAVERSE_ARROW_PREVIOUS) {
                e.doit = false;
            }
        });

    }

    private void moved(StripChart chart, Event e) {
        if (dragX >= 0 && (e.stateMask & SWT.BUTTON1) != 0) {
            double from = dragFrom - (double) (e.x - dragX) / chart.plotWidth() * range.span();
            range.pan(from - range.from());
            rangeChanged();
        } else {
            setCursor(chart.toX(e.x));
            cursorMoved.accept(cursor);
        }
    }

    private void key(Event e) {
        double at = Double.isNaN(cursor) ? range.from() + range.span() / 2 : cursor;
        switch (e.keyCode) {
            case '+', '=', SWT.KEYPAD_ADD -> range.zoom(0.8, at);
            case '-', SWT.KEYPAD_SUBTRACT -> range.zoom(1.25, at);
            case SWT.ARROW_LEFT -> range.pan(-range.span() / 10);
            case SWT.ARROW_RIGHT -> range.pan(range.span() / 10);
            case SWT.HOME -> range.reset();
            case SWT.END -> range.pan(range.max() - range.to());
            case SWT.ESC -> {
                setCursor(Double.NaN);
                cursorMoved.accept(cursor);
                return;
            }
            default -> {
                return;
            }
        }
        rangeChanged();
    }
}
