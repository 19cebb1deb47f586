package org.pitbox.core.sim;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.pitbox.core.flags.SessionFlag;
import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.ChannelType;

/**
 * One car lapping a track at 60 Hz, producing iRacing-named channels. The session starts in the pit
 * stall, runs the laps or the time of {@link SimOptions}, pits when asked or short of fuel, and after the
 * checkered flag drives a cool-down lap into the pits and stops in the stall. Rows come one at a time
 * from {@link #next(ByteBuffer)}, so a long race never sits in memory. Deterministic per seed.
 */
public final class TelemetrySimulator {
    public static final int TICK_RATE = 60;

    private static final double DT = 1.0 / TICK_RATE;
    private static final double IDLE_FUEL = 0.05;
    private static final double REFUEL_RATE = 2.5;
    private static final double STALL_DECEL = 3.5;
    private static final double ENTRY_DECEL = 10;
    private static final double TYRE_TAU = 25;
    /** A spin: the car slides to a near stop for this long and is off the track for {@link #OFF_SECONDS}. */
    private static final double SPIN_SECONDS = 1.5;
    private static final double OFF_SECONDS = 4;
    private static final double SPIN_YAW = 3;
    private static final String[] TYRES = {"LF", "RF", "LR", "RR"};
    private static final ChannelLayout LAYOUT = ChannelLayout.packed(channels());

    private enum Phase { STALL, PIT_OUT, TRACK, PIT_IN, DONE }

    private final SimOptions options;
    private final Driving driving;
    private final Track track;
    private final SpeedProfile profile;
    private final Random random;
    private final double length;
    private final double pitSpeed;
    private final double fuelPerLap;
    private final double fuelScale;
    private final double originX;
    private final double originY;
    private final double[] tyre = new double[12];

    private Phase phase = Phase.STALL;
    private double time;
    private int tick;
    private double s;
    private double v;
    private double accel;
    private double curvature;
    private int lap = 1;
    private int lapsCompleted;
    private double lapStart;
    private double lastLap = -1;
    private double bestLap = -1;
    private boolean lapClean;
    private boolean pitThisLap;
    private boolean checkered;
    private double service = 3;
    private double fuelToAdd;
    private double pitRun;
    private double fuel;
    private double burn;
    private double lapPace;
    private double pace;
    private double paceNoise;
    private int gear;
    private double rpm = Car.IDLE;
    private double throttle;
    private double brake;
    private double clutch = 1;
    private double waterTemp = 70;
    private double oilTemp = 75;
    private double spinLeft;
    private double offLeft;

    public TelemetrySimulator(SimOptions options) {
        this(options, Driving.IDEAL, new SpeedProfile(options.track()));
    }

    /** The driver of a scenario, with its mistakes. */
    TelemetrySimulator(SimOptions options, Driving driving, SpeedProfile profile) {
        this.options = options;
        this.driving = driving;
        track = options.track();
        this.profile = profile;
        random = new Random(options.seed());
        length = track.length();
        pitSpeed = track.pitSpeedLimitKph() / 3.6;
        fuelPerLap = options.litresPerLap();
        fuelScale = fuelPerLap / profile.fuelWork();
        fuel = options.initialFuel();
        s = track.stallPct() * length;
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < track.samples(); i++) {
            sx += track.x(i);
            sy += track.y(i);
        }
        originX = sx / track.samples();
        originY = sy / track.samples();
        Arrays.fill(tyre, 40);
        lapPace = drawPace();
        pace = lapPace;
    }

    /** The layout every simulator writes. */
    public static ChannelLayout layout() {
        return LAYOUT;
    }

    public SimOptions options() {
        return options;
    }

    public Track track() {
        return track;
    }

    /** Lap time at the car's limit everywhere; real laps are up to a few percent slower. */
    public double idealLapTime() {
        return profile.lapTime();
    }

    public String sessionInfoYaml() {
        return SessionInfoYaml.of(options, idealLapTime());
    }

    public boolean hasNext() {
        return phase != Phase.DONE;
    }

    /** Rows written so far. */
    public int tick() {
        return tick;
    }

    /**
     * Writes the next row at the buffer's position and advances it by the row length; returns false,
     * writing nothing, once the session is over. The buffer must be little-endian.
     */
    public boolean next(ByteBuffer row) {
        if (phase == Phase.DONE) {
            return false;
        }
        if (row.order() != ByteOrder.LITTLE_ENDIAN) {
            throw new IllegalArgumentException("rows are little-endian");
        }
        int start = row.position();
        write(row);
        if (row.position() - start != LAYOUT.rowLength()) {
            throw new IllegalStateException("row is " + (row.position() - start) + " bytes");
        }
        step();
        return true;
    }

    private void step() {
        time += DT;
        tick++;
        pace += Math.max(-0.003 * DT, Math.min(0.003 * DT, lapPace - pace));
        paceNoise += -paceNoise * DT / 3 + 0.0015 * Math.sqrt(DT) * random.nextGaussian();
        if (phase == Phase.STALL) {
            stall();
        } else {
            drive();
        }
        controls();
    }

    private void stall() {
        v = 0;
        accel = 0;
        if (service > 0) {
            double add = Math.min(REFUEL_RATE * DT, fuelToAdd);
            fuel += add;
            fuelToAdd -= add;
            service -= DT;
        } else if (checkered) {
            phase = Phase.DONE;
        } else {
            phase = Phase.PIT_OUT;
            pitRun = 0;
            pitThisLap = options.pitLaps().contains(lap);
        }
    }

    private void drive() {
        curvature = track.curvature(sample(s));
        double target = switch (phase) {
            case TRACK -> {
                double t = spinLeft > 0 ? 0 : driving.target(lap, s, pace + paceNoise, profile);
                double entry = track.pitEntryPct() * length;
                yield pitThisLap && s < entry
                        ? Math.min(t, Math.sqrt(pitSpeed * pitSpeed + 2 * ENTRY_DECEL * (entry - s)))
                        : t;
            }
            case PIT_IN -> Math.min(pitSpeed, Math.sqrt(2 * STALL_DECEL * toStall()));
            default -> pitSpeed;
        };
        double up = v + (Car.drive(v) - Car.resistance(v, curvature)) * DT;
        double down = v - Car.brake(v) * DT;
        double nv = Math.max(0, Math.max(down, Math.min(target, up)));
        double moved = (v + nv) / 2 * DT;
        boolean stop = false;
        if (phase == Phase.PIT_IN && moved >= toStall()) {
            moved = toStall();
            nv = 0;
            stop = true;
        }
        accel = (nv - v) / DT;
        v = nv;
        double from = s;
        s += moved;
        spinLeft -= DT;
        offLeft -= DT;
        if (phase == Phase.TRACK && driving.spins(lap, from, s)) {
            spinLeft = SPIN_SECONDS;
            offLeft = OFF_SECONDS;
        }
        if (s >= length) {
            s -= length;
            crossLine(time - DT + DT * (length - from) / moved);
        }
        if (phase == Phase.TRACK && pitThisLap && from < track.pitEntryPct() * length
                && s >= track.pitEntryPct() * length) {
            phase = Phase.PIT_IN;
            lapClean = false;
        } else if (phase == Phase.PIT_OUT && (pitRun += moved) >= exitDistance()) {
            phase = Phase.TRACK;
        } else if (stop) {
            arrive();
        }
    }

    private void arrive() {
        phase = Phase.STALL;
        s = track.stallPct() * length;
        if (checkered) {
            service = 1;
            fuelToAdd = 0;
            return;
        }
        double lapsLeft = options.laps() > 0 ? options.laps() + 2 - lapsCompleted
                : (options.durationSeconds() - time) / idealLapTime() + 2;
        fuelToAdd = Math.max(0, Math.min(lapsLeft * fuelPerLap * 1.1 - fuel, options.tankSize() - fuel));
        service = 2 + fuelToAdd / REFUEL_RATE;
    }

    private void crossLine(double at) {
        lastLap = at - lapStart;
        if (lapClean) {
            bestLap = bestLap < 0 ? lastLap : Math.min(bestLap, lastLap);
        }
        lapStart = at;
        lap++;
        lapsCompleted++;
        lapClean = phase == Phase.TRACK;
        if (!checkered && (options.laps() > 0 ? lapsCompleted > options.laps() : at >= options.durationSeconds())) {
            checkered = true;
            pitThisLap = true;
            return;
        }
        if (!checkered) {
            lapPace = drawPace();
            pitThisLap = options.pitLaps().contains(lap)
                    || phase == Phase.TRACK && options.autoPit() && fuel < 2.1 * fuelPerLap;
        }
    }

    private double drawPace() {
        return 0.985 + 0.013 * random.nextDouble();
    }

    private void controls() {
        boolean moving = v > 0.01;
        double k = curvature;
        if (!moving) {
            throttle = 0;
            brake = phase == Phase.STALL ? 0.2 : 0;
            gear = phase == Phase.PIT_OUT ? 1 : 0;
        } else {
            throttle = Car.throttle(v, accel, k);
            brake = Car.brake(v, accel, k);
            if (throttle > 0 && throttle < 1) {
                throttle = Car.clamp(throttle + 0.01 * random.nextGaussian());
            }
            gear = Math.max(gear, 1);
            while (gear < Car.GEAR_TOP.length && v > 0.97 * Car.GEAR_TOP[gear - 1]) {
                gear++;
            }
            while (gear > 1 && v < 0.78 * Car.GEAR_TOP[gear - 2]) {
                gear--;
            }
        }
        clutch = gear == 1 && v < 8 ? v / 8 : 1;
        double r = gear > 0 ? v / Car.GEAR_TOP[gear - 1] * Car.REDLINE : 0;
        if (clutch < 1 && throttle > 0.05) {
            r = Math.max(r, 3000);
        }
        rpm = Math.min(Car.REDLINE, Math.max(Car.IDLE, r) + 5 * random.nextGaussian());
        burn = fuelScale * fuelRate(throttle);
        fuel = Math.max(0, fuel - burn * DT);
        waterTemp += (80 + 12 * throttle - waterTemp) * DT / 60;
        oilTemp += (90 + 15 * throttle - oilTemp) * DT / 90;
        tyres(moving);
    }

    private void tyres(boolean moving) {
        double lat = v * v * curvature / Car.G;
        for (int w = 0; w < 4; w++) {
            boolean left = w % 2 == 0;
            boolean front = w < 2;
            double load = left ? Math.max(0, -lat) : Math.max(0, lat);
            double base = moving ? 62 + 22 * load + (front ? 14 * brake : 9 * throttle) : 50;
            base += moving ? (front ? 1 : 0.5) * driving.tyreHeat(lap) : 0;
            for (int z = 0; z < 3; z++) {
                boolean inner = left ? z == 2 : z == 0;
                boolean outer = left ? z == 0 : z == 2;
                double target = base + (inner ? 6 : z == 1 ? 3 : 0) + (outer ? 8 * load : 0);
                tyre[w * 3 + z] += (target - tyre[w * 3 + z]) * DT / TYRE_TAU;
            }
        }
    }

    /** Relative fuel flow at a throttle position, 1 at full throttle. */
    static double fuelRate(double throttle) {
        return IDLE_FUEL + (1 - IDLE_FUEL) * throttle;
    }

    private int sample(double at) {
        int i = (int) (at / length * track.samples());
        return Math.min(track.samples() - 1, Math.max(0, i));
    }

    private double toStall() {
        double d = track.stallPct() * length - s;
        return d < 0 ? d + length : d;
    }

    private double exitDistance() {
        return ((track.pitExitPct() - track.stallPct() + 1) % 1) * length;
    }

    private int sessionFlags() {
        long serviceable = SessionFlag.SERVICEABLE.bit();
        if (checkered) {
            return (int) (SessionFlag.CHECKERED.bit() | serviceable);
        }
        boolean white = options.laps() > 0 && lapsCompleted == options.laps();
        return (int) (SessionFlag.GREEN.bit() | serviceable | (white ? SessionFlag.WHITE.bit() : 0));
    }

    private void write(ByteBuffer b) {
        boolean onPit = phase != Phase.TRACK;
        double pct = s / length;
        int i = sample(s);
        int j = (i + 1) % track.samples();
        double f = s / length * track.samples() - i;
        double x = track.x(i) + f * (track.x(j) - track.x(i)) - originX;
        double y = track.y(i) + f * (track.y(j) - track.y(i)) - originY;
        double k = phase == Phase.STALL ? 0 : curvature;
        b.putDouble(time);
        b.putInt(tick);
        b.putInt(0);
        b.putInt(checkered ? 5 : 4);
        b.putInt(sessionFlags());
        b.putDouble(options.durationSeconds() > 0 ? Math.max(0, options.durationSeconds() - time) : 604800);
        b.putInt(options.laps() > 0 ? Math.max(0, options.laps() + 1 - lapsCompleted) : 32767);
        b.putInt(0);
        b.putInt(phase == Phase.STALL ? 1 : onPit ? 2 : offLeft > 0 ? 0 : 3);
        b.put((byte) 1);
        b.put((byte) 1);
        b.put((byte) (onPit ? 1 : 0));
        b.put((byte) (phase == Phase.STALL && fuelToAdd > 0 ? 1 : 0));
        b.putInt(lap);
        b.putInt(lapsCompleted);
        b.putFloat((float) s);
        b.putFloat((float) pct);
        b.putFloat((float) (time - lapStart));
        b.putFloat((float) lastLap);
        b.putFloat((float) bestLap);
        b.putFloat((float) v);
        b.putFloat((float) rpm);
        b.putInt(gear);
        b.putFloat((float) throttle);
        b.putFloat((float) brake);
        b.putFloat((float) clutch);
        b.putFloat((float) (Math.atan(Car.WHEELBASE * k) * Car.STEERING_RATIO + noise(0.003, v)));
        b.putFloat((float) fuel);
        b.putFloat((float) (fuel / options.tankSize()));
        b.putFloat((float) (burn * 3600 * Car.FUEL_KG_PER_LITRE));
        b.putFloat((float) (v * v * k + noise(0.05, v)));
        b.putFloat((float) (accel + noise(0.05, v)));
        b.putFloat((float) (Car.G + noise(0.1, v)));
        b.putFloat((float) (spinLeft > 0 ? SPIN_YAW : v * k));
        double lat = track.latitude() + y / 111_320;
        b.putDouble(lat);
        b.putDouble(track.longitude() + x / (111_320 * Math.cos(Math.toRadians(track.latitude()))));
        for (double t : tyre) {
            b.putFloat((float) t);
        }
        b.putFloat((float) waterTemp);
        b.putFloat((float) oilTemp);
    }

    private double noise(double sigma, double speed) {
        return speed > 0.01 ? sigma * random.nextGaussian() : 0;
    }

    private static List<ChannelDescriptor> channels() {
        List<ChannelDescriptor> c = new ArrayList<>();
        add(c, "SessionTime", ChannelType.DOUBLE, "s", "Seconds since session start");
        add(c, "SessionTick", ChannelType.INT, "", "Current update number");
        add(c, "SessionNum", ChannelType.INT, "", "Session number");
        add(c, "SessionState", ChannelType.INT, "irsdk_SessionState", "Session state");
        add(c, "SessionFlags", ChannelType.BITFIELD, "irsdk_Flags", "Session flags");
        add(c, "SessionTimeRemain", ChannelType.DOUBLE, "s", "Seconds left till session ends");
        add(c, "SessionLapsRemainEx", ChannelType.INT, "", "New improved laps left till session ends");
        add(c, "PlayerCarIdx", ChannelType.INT, "", "Players carIdx");
        add(c, "PlayerTrackSurface", ChannelType.INT, "irsdk_TrkLoc", "Players car track surface type");
        add(c, "IsOnTrack", ChannelType.BOOL, "", "1=Car on track physics running with player in car");
        add(c, "IsOnTrackCar", ChannelType.BOOL, "", "1=Car on track physics running");
        add(c, "OnPitRoad", ChannelType.BOOL, "", "Is the player car on pit road between the cones");
        add(c, "PitstopActive", ChannelType.BOOL, "", "Is the player getting pit stop service");
        add(c, "Lap", ChannelType.INT, "", "Laps started count");
        add(c, "LapCompleted", ChannelType.INT, "", "Laps completed count");
        add(c, "LapDist", ChannelType.FLOAT, "m", "Meters traveled from S/F this lap");
        add(c, "LapDistPct", ChannelType.FLOAT, "%", "Percentage distance around lap");
        add(c, "LapCurrentLapTime", ChannelType.FLOAT, "s", "Estimate of players current lap time as shown in F3 box");
        add(c, "LapLastLapTime", ChannelType.FLOAT, "s", "Players last lap time");
        add(c, "LapBestLapTime", ChannelType.FLOAT, "s", "Players best lap time");
        add(c, "Speed", ChannelType.FLOAT, "m/s", "GPS vehicle speed");
        add(c, "RPM", ChannelType.FLOAT, "revs/min", "Engine rpm");
        add(c, "Gear", ChannelType.INT, "", "-1=reverse  0=neutral  1..n=current gear");
        add(c, "Throttle", ChannelType.FLOAT, "%", "0=off throttle to 1=full throttle");
        add(c, "Brake", ChannelType.FLOAT, "%", "0=brake released to 1=max pedal force");
        add(c, "Clutch", ChannelType.FLOAT, "%", "0=disengaged to 1=fully engaged");
        add(c, "SteeringWheelAngle", ChannelType.FLOAT, "rad", "Steering wheel angle");
        add(c, "FuelLevel", ChannelType.FLOAT, "l", "Liters of fuel remaining");
        add(c, "FuelLevelPct", ChannelType.FLOAT, "%", "Percent fuel remaining");
        add(c, "FuelUsePerHour", ChannelType.FLOAT, "kg/h", "Engine fuel used instantaneous");
        add(c, "LatAccel", ChannelType.FLOAT, "m/s^2", "Lateral acceleration (including gravity)");
        add(c, "LongAccel", ChannelType.FLOAT, "m/s^2", "Longitudinal acceleration (including gravity)");
        add(c, "VertAccel", ChannelType.FLOAT, "m/s^2", "Vertical acceleration (including gravity)");
        add(c, "YawRate", ChannelType.FLOAT, "rad/s", "Yaw rate");
        add(c, "Lat", ChannelType.DOUBLE, "deg", "Latitude in decimal degrees");
        add(c, "Lon", ChannelType.DOUBLE, "deg", "Longitude in decimal degrees");
        String[] zones = {"L", "M", "R"};
        String[] words = {"left", "middle", "right"};
        for (String t : TYRES) {
            for (int z = 0; z < 3; z++) {
                add(c, t + "tempC" + zones[z], ChannelType.FLOAT, "C",
                        t + " tire " + words[z] + " carcass temperature");
            }
        }
        add(c, "WaterTemp", ChannelType.FLOAT, "C", "Engine coolant temp");
        add(c, "OilTemp", ChannelType.FLOAT, "C", "Engine oil temperature");
        return c;
    }

    private static void add(List<ChannelDescriptor> c, String name, ChannelType type, String unit, String desc) {
        c.add(new ChannelDescriptor(name, type, 1, false, unit, desc, 0));
    }
}
