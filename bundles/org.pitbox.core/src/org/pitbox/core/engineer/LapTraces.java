package org.pitbox.core.engineer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pitbox.core.laps.Lap;
import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.ChannelType;
import org.pitbox.core.telemetry.Frame;
import org.pitbox.core.telemetry.Rows;

/**
 * Every scalar channel of the current lap and of the session's best lap against lap distance, in fixed bins
 * (bin k at LapDistPct k / bins), for charts of the current lap over the best; plus the time delta to the best
 * lap at each bin. All channels are traced, so one the engineer adds to a chart has its best-lap trace at once.
 * Floats are interpolated between samples, ints, bools and bit fields take the nearer sample; at the line each
 * lap takes its own sample (LapDist, lap times restart there). The best lap is
 * the {@link LapTable}'s, which must be fed the same frames. {@link #update(Frame)} allocates nothing.
 */
public final class LapTraces {
    /** Bins per lap by default: a point every 0.1 % of the lap. */
    public static final int BINS = 1000;
    private static final double SAME_TIME = 1e-3;

    private final LapTable table;
    private final int bins;
    private final ChannelDescriptor time;
    private final ChannelDescriptor pct;
    private final ChannelDescriptor[] channels;
    private final List<String> names;
    private final Map<String, Integer> index = new HashMap<>();
    private final boolean[] stepped;
    private final LapWalker walker;
    private final ByteBuffer lastRow;
    private final float[] delta;
    private float[][] current;
    private float[][] previous;
    private float[][] best;
    private Frame frame;
    private boolean afterLine;
    private double lapStart = Double.NaN;
    private double lineTime = Double.NaN;
    private double previousEnd = Double.NaN;
    private Lap bestLap;

    public LapTraces(ChannelLayout layout, LapTable table) {
        this(layout, table, BINS);
    }

    /** @param table the lap table fed with the same frames; its best lap is the one traced as best */
    public LapTraces(ChannelLayout layout, LapTable table, int bins) {
        if (bins < 2) {
            throw new IllegalArgumentException("bins " + bins);
        }
        this.table = table;
        this.bins = bins;
        time = layout.find("SessionTime").orElse(null);
        pct = layout.find("LapDistPct").orElse(null);
        channels = layout.channels().stream().filter(c -> c.count() == 1 && c.type() != ChannelType.CHAR)
                .toArray(ChannelDescriptor[]::new);
        names = Arrays.stream(channels).map(ChannelDescriptor::name).toList();
        stepped = new boolean[channels.length];
        for (int i = 0; i < channels.length; i++) {
            index.putIfAbsent(channels[i].name(), i);
            stepped[i] = channels[i].type() != ChannelType.FLOAT && channels[i].type() != ChannelType.DOUBLE;
        }
        current = empty();
        previous = empty();
        best = empty();
        delta = new float[bins];
        Arrays.fill(delta, Float.NaN);
        lastRow = ByteBuffer.allocate(layout.rowLength()).order(ByteOrder.LITTLE_ENDIAN);
        walker = new LapWalker(bins, new Listener());
    }

    private float[][] empty() {
        float[][] a = new float[channels.length][bins];
        for (float[] trace : a) {
            Arrays.fill(trace, Float.NaN);
        }
        return a;
    }

    /** Reads one new frame of the layout given at construction. */
    public void update(Frame f) {
        if (time == null || pct == null) {
            return;
        }
        frame = f;
        afterLine = false;
        if (walker.step(f.value(pct, 0), f.value(time, 0))) {
            lastRow.put(0, f.row(), 0, lastRow.capacity());
        }
        Lap lap = table.best();
        if (lap != bestLap) {
            float[][] swap = best;
            if (Math.abs(lap.endTime() - previousEnd) < SAME_TIME) {
                best = previous;
                previous = swap;
            } else {
                for (float[] trace : best) {
                    Arrays.fill(trace, Float.NaN);
                }
            }
            bestLap = lap;
        }
    }

    /** The step from the last accepted frame to this one, written into the traces. */
    private final class Listener implements LapWalker.Listener {
        @Override
        public void fill(int bin, double f) {
            ByteBuffer row = frame.row();
            for (int c = 0; c < channels.length; c++) {
                double from = Rows.asDouble(lastRow, 0, channels[c], 0);
                double to = Rows.asDouble(row, 0, channels[c], 0);
                double value = walker.crossing() ? afterLine ? to : from
                        : stepped[c] ? f < 0.5 ? from : to : from + f * (to - from);
                current[c][bin] = (float) value;
            }
            delta[bin] = (float) table.bestReference().delta((double) bin / bins, walker.timeAt(f) - lapStart);
        }

        @Override
        public void lapEnded(double f, boolean complete) {
            float[][] swap = previous;
            previous = current;
            current = swap;
            lineTime = walker.timeAt(f);
            previousEnd = complete ? lineTime : Double.NaN;
        }

        @Override
        public void lapStarted(boolean atLine) {
            for (float[] trace : current) {
                Arrays.fill(trace, Float.NaN);
            }
            Arrays.fill(delta, Float.NaN);
            lapStart = atLine ? lineTime : Double.NaN;
            afterLine = true;
        }
    }

    /** Number of bins per lap. */
    public int bins() {
        return bins;
    }

    /** Lap distance (0..1) of bin {@code bin}. */
    public double distance(int bin) {
        return (double) bin / bins;
    }

    /** The channels traced: every scalar channel of the layout but chars. */
    public List<String> channels() {
        return names;
    }

    public boolean has(String channel) {
        return index.containsKey(channel);
    }

    /**
     * The lap in progress, one value per bin, NaN for bins not reached yet. The array is the model's own:
     * read it before the next update, do not change it.
     */
    public float[] current(String channel) {
        return current[require(channel)];
    }

    /** The best lap, one value per bin; NaN before a best lap. The model's own array, as {@link #current}. */
    public float[] best(String channel) {
        return best[require(channel)];
    }

    /**
     * Seconds behind (positive) or ahead of the best lap at each bin of the lap in progress; NaN where not
     * reached, without a best lap, or when the lap did not start at the line. The model's own array.
     */
    public float[] delta() {
        return delta;
    }

    /** The lap traced as best, null before one. */
    public Lap bestLap() {
        return bestLap;
    }

    private int require(String channel) {
        Integer i = index.get(channel);
        if (i == null) {
            throw new IllegalArgumentException("no traced channel named " + channel);
        }
        return i;
    }
}
