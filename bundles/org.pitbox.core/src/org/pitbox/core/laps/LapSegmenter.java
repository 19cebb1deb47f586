package org.pitbox.core.laps;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

import org.pitbox.core.laps.Lap.Flag;
import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.Recording;
import org.pitbox.core.telemetry.Rows;

/**
 * Splits a recording into laps using SessionTime, Lap and LapDistPct (FuelLevel and OnPitRoad when
 * present). A lap ends where LapDistPct wraps from near 1 to near 0; the crossing time is interpolated
 * between the two rows. Invalid rows (LapDistPct -1 or NaN) and repeated times (pause) are skipped;
 * time going backwards, gaps, teleports and Lap counter changes mid-lap break the lap.
 */
public final class LapSegmenter {
    private static final double REFUEL_LITRES = 0.3;

    private final double[] sectorStarts;

    public LapSegmenter() {
        this(List.of());
    }

    /** @param sectorStarts sector start percentages such as [0, 0.33, 0.66]; 0 is added when missing */
    public LapSegmenter(List<Double> sectorStarts) {
        double[] s = sectorStarts.stream().mapToDouble(Double::doubleValue).toArray();
        for (int i = 0; i < s.length; i++) {
            if (!(s[i] >= 0 && s[i] < 1) || i > 0 && s[i] <= s[i - 1]) {
                throw new IllegalArgumentException("sector starts must rise within [0, 1): " + sectorStarts);
            }
        }
        if (s.length > 0 && s[0] != 0) {
            double[] withZero = new double[s.length + 1];
            System.arraycopy(s, 0, withZero, 1, s.length);
            s = withZero;
        }
        this.sectorStarts = s;
    }

    public List<Lap> segment(Recording recording) {
        return new Run(recording).run();
    }

    /** State of one segmentation pass; reads each row once. */
    private final class Run {
        final Recording rec;
        final ByteBuffer buf;
        final ChannelDescriptor timeCh;
        final ChannelDescriptor lapCh;
        final ChannelDescriptor pctCh;
        final ChannelDescriptor fuelCh;
        final ChannelDescriptor pitCh;
        final double maxGap;
        final List<Lap> laps = new ArrayList<>();

        int prev = -1;
        double prevTime;
        double prevPct;
        int prevLap;
        double prevFuel;

        int number;
        int first;
        int last;
        double startTime;
        double startPct;
        double startFuel;
        boolean startedAtLine;
        double maxPct;
        boolean onPit;
        boolean left;
        boolean entered;
        double fuelMin;
        boolean refuelled;
        double[] sectorAt;
        int nextSector;

        Run(Recording r) {
            rec = r;
            buf = r.rows();
            ChannelLayout layout = r.layout();
            timeCh = layout.require("SessionTime");
            lapCh = layout.require("Lap");
            pctCh = layout.require("LapDistPct");
            fuelCh = layout.find("FuelLevel").orElse(null);
            pitCh = layout.find("OnPitRoad").orElse(null);
            maxGap = Math.max(1.0, 5.0 / Math.max(1, r.tickRate()));
        }

        List<Lap> run() {
            for (int i = 0, n = rec.recordCount(); i < n; i++) {
                int row = rec.rowStart(i);
                double p = Rows.asDouble(buf, row, pctCh, 0);
                double t = Rows.asDouble(buf, row, timeCh, 0);
                if (!(p >= 0 && p <= 1) || Double.isNaN(t) || t == prevTime && prev >= 0) {
                    continue;
                }
                int lap = (int) Rows.asDouble(buf, row, lapCh, 0);
                double fuel = fuelCh == null ? Double.NaN : Rows.asDouble(buf, row, fuelCh, 0);
                boolean pit = pitCh != null && Rows.asDouble(buf, row, pitCh, 0) != 0;
                if (prev < 0) {
                    begin(i, t, p, fuel, pit, false, lap);
                } else {
                    step(i, t, p, lap, fuel, pit);
                }
                prev = i;
                prevTime = t;
                prevPct = p;
                prevLap = lap;
                prevFuel = fuel;
            }
            if (prev >= 0) {
                end(prevTime, prevPct, prevFuel, false);
            }
            return laps;
        }

        void step(int i, double t, double p, int lap, double fuel, boolean pit) {
            double dt = t - prevTime;
            double maxStep = 0.02 + 0.25 * dt;
            if (dt < 0 || dt > maxGap) {
                restart(i, t, p, lap, fuel, pit);
            } else if (p - prevPct < -0.5) {
                double moved = 1 - prevPct + p;
                if (moved > maxStep) {
                    restart(i, t, p, lap, fuel, pit);
                } else if (lap > number || maxPct > 0.5) {
                    double f = (1 - prevPct) / moved;
                    double tc = prevTime + f * dt;
                    double fc = prevFuel + f * (fuel - prevFuel);
                    end(tc, 1, fc, true);
                    begin(i, tc, 0, fc, pit, true, Math.max(lap, number + 1));
                    progress(0, tc, p, t);
                } else {
                    add(i, fuel, pit);
                }
            } else if (p - prevPct > 0.5) {
                if (1 - p + prevPct > maxStep) {
                    restart(i, t, p, lap, fuel, pit);
                } else {
                    add(i, fuel, pit);
                }
            } else if (Math.abs(p - prevPct) > maxStep || lap != prevLap && p > 0.02 && p < 0.98) {
                restart(i, t, p, lap, fuel, pit);
            } else {
                add(i, fuel, pit);
                progress(prevPct, prevTime, p, t);
            }
        }

        void restart(int i, double t, double p, int lap, double fuel, boolean pit) {
            end(prevTime, prevPct, prevFuel, false);
            begin(i, t, p, fuel, pit, false, lap);
        }

        void begin(int i, double t, double p, double fuel, boolean pit, boolean atLine, int lap) {
            number = lap;
            first = i;
            startTime = t;
            startPct = p;
            startFuel = fuel;
            startedAtLine = atLine;
            maxPct = p;
            left = false;
            entered = false;
            onPit = pit;
            fuelMin = fuel;
            refuelled = false;
            sectorAt = new double[sectorStarts.length];
            Arrays.fill(sectorAt, Double.NaN);
            nextSector = 0;
            while (nextSector < sectorStarts.length && sectorStarts[nextSector] < p) {
                nextSector++;
            }
            if (nextSector < sectorStarts.length && sectorStarts[nextSector] == p) {
                sectorAt[nextSector++] = t;
            }
            add(i, fuel, pit);
        }

        void add(int i, double fuel, boolean pit) {
            last = i;
            if (pit != onPit) {
                entered |= pit;
                left |= !pit;
                onPit = pit;
            }
            if (fuel < fuelMin) {
                fuelMin = fuel;
            } else if (fuel - fuelMin > REFUEL_LITRES) {
                refuelled = true;
            }
        }

        void progress(double p0, double t0, double p1, double t1) {
            if (p1 > maxPct) {
                maxPct = p1;
            }
            while (nextSector < sectorStarts.length && sectorStarts[nextSector] <= p1 && p1 > p0) {
                double s = sectorStarts[nextSector];
                sectorAt[nextSector++] = s <= p0 ? t0 : t0 + (s - p0) / (p1 - p0) * (t1 - t0);
            }
        }

        void end(double t, double p, double fl, boolean atLine) {
            if (t <= startTime) {
                return;
            }
            EnumSet<Flag> flags = EnumSet.noneOf(Flag.class);
            if (!startedAtLine || !atLine) {
                flags.add(Flag.INCOMPLETE);
            }
            if (pitCh != null) {
                if (left) {
                    flags.add(Flag.OUT_LAP);
                }
                if (entered || onPit) {
                    flags.add(Flag.IN_LAP);
                }
            } else if (!startedAtLine) {
                flags.add(Flag.OUT_LAP);
            }
            if (refuelled) {
                flags.add(Flag.REFUEL);
            }
            List<Double> sectors = new ArrayList<>(sectorAt.length);
            for (int k = 0; k < sectorAt.length; k++) {
                double to = k + 1 < sectorAt.length ? sectorAt[k + 1] : atLine ? t : Double.NaN;
                sectors.add(to - sectorAt[k]);
            }
            laps.add(new Lap(number, first, last, startTime, t, startPct, atLine ? 1 : p, flags, sectors,
                    startFuel - fl));
        }
    }
}
