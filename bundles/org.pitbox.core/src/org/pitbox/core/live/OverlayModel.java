package org.pitbox.core.live;

import org.pitbox.core.fuel.FuelFigures;
import org.pitbox.core.fuel.FuelStats;
import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.Frame;

/**
 * Every figure the driver overlay shows, updated from each new frame. Laps, the best lap, the delta and the fuel
 * figures come from the {@link LiveLap} engine that Team Live and Strategy use too, under the same names (fuel to
 * the flag, fuel to add with the {@link FuelFigures#MARGIN}, laps of fuel). Channels are resolved once per layout;
 * {@link #update(Frame)} allocates nothing, and the texts are rebuilt only when the shown figure changes.
 * Not thread-safe: the UI thread updates and paints it.
 */
public final class OverlayModel {
    /** Input samples kept for the trace: four seconds at 60 Hz. */
    public static final int TRACE = 240;
    /** Shift lights in the row. */
    public static final int LIGHTS = 8;
    /** CarIdx array length iRacing uses. */
    public static final int MAX_CARS = 64;

    /** Seconds a coach hint stays on the overlay. */
    public static final int COACH_SECONDS = 20;

    private final Trace throttle = new Trace(TRACE);
    private final Trace brake = new Trace(TRACE);
    private final Trace steering = new Trace(TRACE);
    private final FuelFigures figures = new FuelFigures();
    private final RelativeBox relative = new RelativeBox();
    private final float[] carPct = new float[MAX_CARS];
    private final int[] carPosition = new int[MAX_CARS];
    private final CachedText speedText = new CachedText();
    private final CachedText gearText = new CachedText();
    private final CachedText rpmText = new CachedText();
    private final CachedText lapText = new CachedText();
    private final CachedText lastText = new CachedText();
    private final CachedText bestText = new CachedText();
    private final CachedText deltaText = new CachedText();
    private final CachedText fuelText = new CachedText();
    private final CachedText lastFuelText = new CachedText();
    private final CachedText averageFuelText = new CachedText();
    private final CachedText averageCaption = new CachedText();
    private final CachedText lapsOfFuelText = new CachedText();
    private final CachedText toFlagText = new CachedText();
    private final CachedText toAddText = new CachedText();

    private ChannelLayout layout;
    private LiveLap liveLap;
    private ChannelDescriptor chSpeed;
    private ChannelDescriptor chRpm;
    private ChannelDescriptor chGear;
    private ChannelDescriptor chThrottle;
    private ChannelDescriptor chBrake;
    private ChannelDescriptor chSteering;
    private ChannelDescriptor chPlayer;
    private ChannelDescriptor chCarPct;
    private ChannelDescriptor chCarPosition;

    private double speedFactor = 3.6;
    private double fuelFactor = 1;
    private double firstRpm = 5500;
    private double shiftRpm = 7000;
    private double blinkRpm = 7300;

    private double speed = Double.NaN;
    private double rpm = Double.NaN;
    private int gear;
    private double lapTime = Double.NaN;
    private double lastLap = Double.NaN;
    private double best = Double.NaN;
    private double delta = Double.NaN;
    private double fuel = Double.NaN;
    private double lastLapFuel = Double.NaN;
    private double averageFuel = Double.NaN;
    private int averageLaps;
    private int lights;
    private boolean blink;
    private long frames;
    private String message = "";
    private String link = "Not streaming";
    private String coach = "";
    private long coachUntil;
    private LinkLevel linkLevel = LinkLevel.IDLE;

    /** Reads one frame; a frame of another layout resolves the channels again and starts over. */
    public void update(Frame frame) {
        if (frame.layout() != layout) {
            bind(frame.layout());
        }
        frames++;
        speed = read(frame, chSpeed);
        rpm = read(frame, chRpm);
        gear = (int) read(frame, chGear);
        throttle.add((float) read(frame, chThrottle));
        brake.add((float) read(frame, chBrake));
        steering.add((float) read(frame, chSteering));
        liveLap.update(frame);
        lapTime = liveLap.lapTime();
        delta = liveLap.delta();
        lastLap = liveLap.lastLapTime();
        best = liveLap.bestLapTime();
        fuel = liveLap.fuel();
        FuelStats stats = liveLap.fuelStats();
        lastLapFuel = stats.last();
        averageFuel = stats.average(FuelFigures.AVERAGE_LAPS);
        averageLaps = stats.held(FuelFigures.AVERAGE_LAPS);
        liveLap.figures(figures, averageFuel, FuelFigures.MARGIN);
        updateShiftLights();
        relative(frame);
    }

    private void bind(ChannelLayout next) {
        layout = next;
        liveLap = new LiveLap(next);
        chSpeed = next.find("Speed").orElse(null);
        chRpm = next.find("RPM").orElse(null);
        chGear = next.find("Gear").orElse(null);
        chThrottle = next.find("Throttle").orElse(null);
        chBrake = next.find("Brake").orElse(null);
        chSteering = next.find("SteeringWheelAngle").orElse(null);
        chPlayer = next.find("PlayerCarIdx").orElse(null);
        chCarPct = next.find("CarIdxLapDistPct").orElse(null);
        chCarPosition = next.find("CarIdxPosition").orElse(null);
        throttle.clear();
        brake.clear();
        steering.clear();
    }

    private static double read(Frame frame, ChannelDescriptor c) {
        return c == null ? Double.NaN : frame.value(c, 0);
    }

    private void updateShiftLights() {
        if (!(rpm > firstRpm)) {
            lights = 0;
        } else if (rpm >= shiftRpm) {
            lights = LIGHTS;
        } else {
            lights = 1 + (int) ((rpm - firstRpm) / (shiftRpm - firstRpm) * (LIGHTS - 1));
        }
        blink = rpm >= blinkRpm;
    }

    private void relative(Frame frame) {
        if (chCarPct == null || chPlayer == null) {
            return;
        }
        int cars = Math.min(MAX_CARS, chCarPct.count());
        for (int i = 0; i < cars; i++) {
            carPct[i] = frame.getFloat(chCarPct, i);
            carPosition[i] = chCarPosition == null || i >= chCarPosition.count() ? 0 : frame.getInt(chCarPosition, i);
        }
        double pace = best > 0 ? best : lastLap;
        relative.update(carPct, carPosition, cars, (int) read(frame, chPlayer), pace);
    }

    /** The car's shift-light RPMs (session info DriverCarSLFirstRPM, SLShiftRPM, SLBlinkRPM); zeros keep the defaults. */
    public void setShiftRpm(double first, double shift, double blinkAt) {
        if (first > 0 && shift > first) {
            firstRpm = first;
            shiftRpm = shift;
            blinkRpm = blinkAt > shift ? blinkAt : shift * 1.03;
        } else if (shift > 0) {
            firstRpm = shift * 0.8;
            shiftRpm = shift;
            blinkRpm = blinkAt > shift ? blinkAt : shift * 1.03;
        }
    }

    /** Multipliers from m/s and litres to the units shown (3.6 and 1 for km/h and litres). */
    public void setUnits(double speedPerMetreSecond, double fuelPerLitre) {
        speedFactor = speedPerMetreSecond;
        fuelFactor = fuelPerLitre;
    }

    /** The latest radio or coach message shown in the overlay; call on the UI thread. */
    public void setMessage(String text) {
        message = same(message, text);
    }

    public String message() {
        return message;
    }

    /**
     * The coach's hint after a lap, labelled by its source ("rule-based" or "AI"), shown for {@link #COACH_SECONDS}
     * from {@code nowMillis}; call on the UI thread.
     */
    public void setCoach(String text, String source, long nowMillis) {
        coach = text == null || text.isBlank() ? "" : "Coach, " + source + ": " + text.strip();
        coachUntil = nowMillis + COACH_SECONDS * 1000L;
    }

    /** The coach line at {@code nowMillis}: the last hint while it is fresh, else empty (the same text until then). */
    public String coachLine(long nowMillis) {
        if (!coach.isEmpty() && nowMillis >= coachUntil) {
            coach = "";
        }
        return coach;
    }

    /**
     * The team link line shown above the radio, such as "LIVE  4.2 kB/s" or "Spool full: oldest data dropped", and
     * how worrying it is (null shows as idle); call on the UI thread.
     */
    public void setLink(String text, LinkLevel level) {
        link = same(link, text);
        linkLevel = level == null ? LinkLevel.IDLE : level;
    }

    public String linkText() {
        return link;
    }

    public LinkLevel linkLevel() {
        return linkLevel;
    }

    /** The shown instance while the text stays the same, so the overlay repaints only on a change. */
    private static String same(String shown, String next) {
        String text = next == null ? "" : next;
        return text.equals(shown) ? shown : text;
    }

    /** Frames read since construction. */
    public long frames() {
        return frames;
    }

    public double speed() {
        return speed;
    }

    public double rpm() {
        return rpm;
    }

    public int gear() {
        return gear;
    }

    public double lapTime() {
        return lapTime;
    }

    /** The last lap driven from line to line, NaN before one. */
    public double lastLap() {
        return lastLap;
    }

    /** The best clean lap (never an out, in, incomplete, refuel or off-track lap), NaN before one. */
    public double bestLap() {
        return best;
    }

    /** Seconds behind (positive) or ahead of the session's best clean lap; NaN until there is one. */
    public double delta() {
        return delta;
    }

    public double fuel() {
        return fuel;
    }

    /** Litres the last clean lap used. */
    public double lastLapFuel() {
        return lastLapFuel;
    }

    /** Litres per lap over the last {@link #averageLaps()} clean laps. */
    public double averageLapFuel() {
        return averageFuel;
    }

    /** Clean laps the average holds: up to {@link FuelFigures#AVERAGE_LAPS}. */
    public int averageLaps() {
        return averageLaps;
    }

    /** The fuel figures at the average use and the {@link FuelFigures#MARGIN}; the model's own, read only. */
    public FuelFigures figures() {
        return figures;
    }

    public double lapsOfFuel() {
        return figures.lapsOfFuel();
    }

    /** Litres needed to finish from here, no margin; NaN when the session's end or the use is unknown. */
    public double fuelToFlag() {
        return figures.fuelToFlag();
    }

    /** Fuel to the flag with the margin less the fuel in the tank; NaN when unknown. */
    public double fuelToAdd() {
        return figures.fuelToAdd();
    }

    /** Shift lights lit, 0 to {@link #LIGHTS}. */
    public int shiftLights() {
        return lights;
    }

    /** Past the blink RPM: shift now. */
    public boolean shiftBlink() {
        return blink;
    }

    public double shiftRpm() {
        return shiftRpm;
    }

    public Trace throttleTrace() {
        return throttle;
    }

    public Trace brakeTrace() {
        return brake;
    }

    /** Steering wheel angle in radians, positive to the left. */
    public Trace steeringTrace() {
        return steering;
    }

    /** Nearby cars; empty when the source has no CarIdx arrays. */
    public RelativeBox relative() {
        return relative;
    }

    public String speedText() {
        return number(speedText, speed * speedFactor, 0);
    }

    public String rpmText() {
        return number(rpmText, rpm, 0);
    }

    public String gearText() {
        String s = gearText.lookup(gear);
        if (s != null) {
            return s;
        }
        StringBuilder b = gearText.start(gear);
        if (gear < 0) {
            b.append('R');
        } else if (gear == 0) {
            b.append('N');
        } else {
            b.append(gear);
        }
        return gearText.finish();
    }

    public String lapTimeText() {
        return time(lapText, lapTime, 1);
    }

    public String lastLapText() {
        return time(lastText, lastLap, 3);
    }

    public String bestLapText() {
        return time(bestText, best, 3);
    }

    public String deltaText() {
        if (Double.isNaN(delta)) {
            return number(deltaText, Double.NaN, 2);
        }
        long key = Math.round(delta * 100);
        String s = deltaText.lookup(key);
        if (s != null) {
            return s;
        }
        StringBuilder b = deltaText.start(key).append(key < 0 ? '-' : '+');
        CachedText.fixed(b, Math.abs(key), 2);
        return deltaText.finish();
    }

    public String fuelText() {
        return number(fuelText, fuel * fuelFactor, 1);
    }

    public String lastLapFuelText() {
        return number(lastFuelText, lastLapFuel * fuelFactor, 2);
    }

    public String averageLapFuelText() {
        return number(averageFuelText, averageFuel * fuelFactor, 2);
    }

    /** The caption of the average: "Avg of 3 laps", "Average" before a clean lap. */
    public String averageCaption() {
        String s = averageCaption.lookup(averageLaps);
        if (s != null) {
            return s;
        }
        StringBuilder b = averageCaption.start(averageLaps);
        if (averageLaps == 0) {
            b.append("Average");
        } else {
            b.append("Avg of ").append(averageLaps).append(averageLaps == 1 ? " lap" : " laps");
        }
        return averageCaption.finish();
    }

    public String lapsOfFuelText() {
        return number(lapsOfFuelText, figures.lapsOfFuel(), 1);
    }

    public String fuelToFlagText() {
        return number(toFlagText, figures.fuelToFlag() * fuelFactor, 1);
    }

    public String fuelToAddText() {
        return number(toAddText, figures.fuelToAdd() * fuelFactor, 1);
    }

    /** {@code value} with {@code decimals} places, "--" when not a number. */
    private static String number(CachedText cache, double value, int decimals) {
        long scale = decimals == 0 ? 1 : decimals == 1 ? 10 : 100;
        long key = Double.isNaN(value) || Double.isInfinite(value) ? Long.MIN_VALUE + 1 : Math.round(value * scale);
        String s = cache.lookup(key);
        if (s != null) {
            return s;
        }
        StringBuilder b = cache.start(key);
        if (key == Long.MIN_VALUE + 1) {
            b.append("--");
        } else {
            if (key < 0) {
                b.append('-');
            }
            CachedText.fixed(b, Math.abs(key), decimals);
        }
        return cache.finish();
    }

    /** m:ss.d or m:ss.ddd, "--" when there is no time. */
    private static String time(CachedText cache, double seconds, int decimals) {
        long scale = decimals == 1 ? 10 : 1000;
        long key = seconds >= 0 && !Double.isInfinite(seconds) ? Math.round(seconds * scale) : -1;
        String s = cache.lookup(key);
        if (s != null) {
            return s;
        }
        StringBuilder b = cache.start(key);
        if (key < 0) {
            b.append("--");
        } else {
            long minutes = key / (60 * scale);
            long rest = key - minutes * 60 * scale;
            b.append(minutes).append(':');
            if (rest < 10 * scale) {
                b.append('0');
            }
            CachedText.fixed(b, rest, decimals);
        }
        return cache.finish();
    }
}
