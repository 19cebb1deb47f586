package org.pitbox.core.engineer;

import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.Frame;

/**
 * The track outline from the car's own path, in metres (x east, y north when the heading is known against
 * north): from Lat/Lon when the layout has them, else dead-reckoned from Speed and YawNorth (or Yaw, whose
 * zero is arbitrary, so the map is turned) integrated over time. The path of one lap driven from line to line
 * is sampled at fixed points of LapDistPct and closed by spreading the gap between its ends along it; the
 * first such lap gives the outline, replaced once by a lap that stays off pit road when the first did not.
 * {@link #update(Frame)} allocates nothing but when it adopts a lap.
 */
public final class TrackMap {
    /** Points of the outline by default. */
    public static final int POINTS = 1000;
    private static final double METRES_PER_DEGREE = 6_378_137 * Math.PI / 180;

    /** Where positions come from. */
    public enum Source {
        GPS, YAW_NORTH, YAW, NONE
    }

    private final int points;
    private final Source source;
    private final ChannelDescriptor time;
    private final ChannelDescriptor pct;
    private final ChannelDescriptor lat;
    private final ChannelDescriptor lon;
    private final ChannelDescriptor yaw;
    private final ChannelDescriptor speed;
    private final ChannelDescriptor onPitRoad;
    private final LapWalker walker;
    private final float[] lapX;
    private final float[] lapY;

    private double originLat = Double.NaN;
    private double originLon;
    private double metresPerLon;
    private double posX;
    private double posY;
    private double lastX;
    private double lastY;
    private double lastHeading = Double.NaN;
    private double lastSpeed;
    private double lastTime;
    private boolean pitThisLap;
    private boolean onPit;
    private double carPct = Double.NaN;

    private float[] xs;
    private float[] ys;
    private boolean outlineTouchedPit;
    private double perimeter = Double.NaN;
    private float minX;
    private float maxX;
    private float minY;
    private float maxY;

    public TrackMap(ChannelLayout layout) {
        this(layout, POINTS);
    }

    public TrackMap(ChannelLayout layout, int points) {
        if (points < 3) {
            throw new IllegalArgumentException("points " + points);
        }
        this.points = points;
        time = layout.find("SessionTime").orElse(null);
        pct = layout.find("LapDistPct").orElse(null);
        lat = layout.find("Lat").orElse(null);
        lon = layout.find("Lon").orElse(null);
        ChannelDescriptor north = layout.find("YawNorth").orElse(null);
        yaw = north != null ? north : layout.find("Yaw").orElse(null);
        speed = layout.find("Speed").orElse(null);
        onPitRoad = layout.find("OnPitRoad").orElse(null);
        source = time == null || pct == null ? Source.NONE
                : lat != null && lon != null ? Source.GPS
                : yaw == null || speed == null ? Source.NONE
                : north != null ? Source.YAW_NORTH : Source.YAW;
        lapX = new float[points];
        lapY = new float[points];
        walker = new LapWalker(points, new Listener());
    }

    /** Reads one new frame of the layout given at construction. */
    public void update(Frame frame) {
        if (source == Source.NONE) {
            return;
        }
        double t = frame.value(time, 0);
        if (!locate(frame, t)) {
            return;
        }
        onPit = onPitRoad != null && frame.value(onPitRoad, 0) != 0;
        double p = frame.value(pct, 0);
        if (walker.step(p, t)) {
            pitThisLap |= onPit;
            carPct = p;
            lastX = posX;
            lastY = posY;
        }
    }

    /** Sets the position {@code posX}, {@code posY} for this frame; false when it has none. */
    private boolean locate(Frame frame, double t) {
        if (source == Source.GPS) {
            double la = frame.value(lat, 0);
            double lo = frame.value(lon, 0);
            if (la == 0 && lo == 0 || Double.isNaN(la) || Double.isNaN(lo)) {
                return false;
            }
            if (Double.isNaN(originLat)) {
                originLat = la;
                originLon = lo;
                metresPerLon = METRES_PER_DEGREE * Math.cos(Math.toRadians(la));
            }
            posX = (lo - originLon) * metresPerLon;
            posY = (la - originLat) * METRES_PER_DEGREE;
            return true;
        }
        double heading = frame.value(yaw, 0);
        double v = frame.value(speed, 0);
        if (Double.isNaN(heading) || Double.isNaN(v)) {
            return false;
        }
        double dt = t - lastTime;
        if (!Double.isNaN(lastHeading) && dt > 0) {
            double mid = lastHeading + Math.IEEEremainder(heading - lastHeading, 2 * Math.PI) / 2;
            double ds = (lastSpeed + v) / 2 * dt;
            posX += ds * (source == Source.YAW_NORTH ? Math.sin(mid) : Math.cos(mid));
            posY += ds * (source == Source.YAW_NORTH ? Math.cos(mid) : Math.sin(mid));
        }
        if (Double.isNaN(lastHeading) || dt > 0) {
            lastHeading = heading;
            lastSpeed = v;
            lastTime = t;
        }
        return true;
    }

    /** The lap being driven, sampled into {@link #lapX}, {@link #lapY}. */
    private final class Listener implements LapWalker.Listener {
        @Override
        public void fill(int point, double f) {
            lapX[point] = (float) (lastX + f * (posX - lastX));
            lapY[point] = (float) (lastY + f * (posY - lastY));
        }

        @Override
        public void lapEnded(double f, boolean complete) {
            if (complete && (xs == null || outlineTouchedPit && !pitThisLap)) {
                adopt(lastX + f * (posX - lastX), lastY + f * (posY - lastY));
            }
        }

        @Override
        public void lapStarted(boolean atLine) {
            pitThisLap = onPit;
        }
    }

    /** Makes the lap just driven, ending at (endX, endY), the outline. */
    private void adopt(double endX, double endY) {
        float[] nx = new float[points];
        float[] ny = new float[points];
        double gapX = endX - lapX[0];
        double gapY = endY - lapY[0];
        for (int k = 0; k < points; k++) {
            nx[k] = (float) (lapX[k] - gapX * k / points);
            ny[k] = (float) (lapY[k] - gapY * k / points);
        }
        double length = 0;
        minX = maxX = nx[0];
        minY = maxY = ny[0];
        for (int k = 0; k < points; k++) {
            int next = (k + 1) % points;
            length += Math.hypot(nx[next] - nx[k], ny[next] - ny[k]);
            minX = Math.min(minX, nx[k]);
            maxX = Math.max(maxX, nx[k]);
            minY = Math.min(minY, ny[k]);
            maxY = Math.max(maxY, ny[k]);
        }
        perimeter = length;
        outlineTouchedPit = pitThisLap;
        xs = nx;
        ys = ny;
    }

    public Source source() {
        return source;
    }

    /** Whether an outline exists: after one lap driven from line to line. */
    public boolean ready() {
        return xs != null;
    }

    /**
     * The outline's x coordinates, point k at LapDistPct k / points; the outline is closed, so draw from the last
     * point back to the first. Null before {@link #ready()}. A new array replaces it when another lap is adopted.
     */
    public float[] xs() {
        return xs;
    }

    /** The outline's y coordinates, as {@link #xs()}. */
    public float[] ys() {
        return ys;
    }

    /** Length of the closed outline in metres, NaN before one. */
    public double perimeter() {
        return perimeter;
    }

    public float minX() {
        return minX;
    }

    public float maxX() {
        return maxX;
    }

    public float minY() {
        return minY;
    }

    public float maxY() {
        return maxY;
    }

    /** The x of the outline at lap distance {@code lapPct} (0..1), NaN before an outline or for an invalid distance. */
    public double x(double lapPct) {
        return at(xs, lapPct);
    }

    /** The y of the outline at lap distance {@code lapPct}, as {@link #x(double)}. */
    public double y(double lapPct) {
        return at(ys, lapPct);
    }

    /** The car's x on the outline, at its latest lap distance. */
    public double carX() {
        return x(carPct);
    }

    /** The car's y on the outline. */
    public double carY() {
        return y(carPct);
    }

    private double at(float[] outline, double lapPct) {
        if (outline == null || !(lapPct >= 0 && lapPct <= 1)) {
            return Double.NaN;
        }
        double at = lapPct * points;
        int k = Math.min(points - 1, (int) at);
        double f = at - k;
        return outline[k] + f * (outline[(k + 1) % points] - outline[k]);
    }
}
