package org.pitbox.client.live;

import java.util.List;
import java.util.Set;

/**
 * What the driver streams: a rate (60 Hz is every sample) and all channels or the essentials an engineer
 * watches live. Lower settings are for poor connections.
 */
public record Bandwidth(int rate, boolean essentialsOnly) {
    /** The channels an engineer needs live: timing, inputs, engine, fuel, position, tyres and the field. */
    public static final Set<String> ESSENTIALS = Set.of("SessionTime", "SessionTick", "SessionFlags",
            "SessionTimeRemain", "SessionLapsRemainEx", "Lap", "LapCompleted", "LapDist", "LapDistPct",
            "LapCurrentLapTime", "LapLastLapTime", "LapBestLapTime", "LapDeltaToBestLap", "Speed", "RPM", "Gear",
            "Throttle", "Brake", "Clutch", "SteeringWheelAngle", "FuelLevel", "FuelLevelPct", "FuelUsePerHour",
            "Lat", "Lon", "Yaw", "YawNorth", "VelocityX", "VelocityY", "OnPitRoad", "PlayerCarIdx",
            "PlayerCarMyIncidentCount", "WaterTemp", "OilTemp", "CarIdxLapDistPct", "CarIdxPosition",
            "CarIdxLap", "CarIdxOnPitRoad", "LFtempCM", "RFtempCM", "LRtempCM", "RRtempCM", "LFpressure",
            "RFpressure", "LRpressure", "RRpressure", "LFwearM", "RFwearM", "LRwearM", "RRwearM");

    public static final Bandwidth FULL = new Bandwidth(60, false);

    /** The settings offered to the driver, best first. */
    public static final List<Bandwidth> CHOICES = List.of(FULL, new Bandwidth(60, true), new Bandwidth(30, true),
            new Bandwidth(20, true), new Bandwidth(10, true));

    public Bandwidth {
        if (rate <= 0 || 60 % rate != 0) {
            throw new IllegalArgumentException("rate must divide 60 Hz: " + rate);
        }
    }

    /** Every how many 60 Hz samples one is sent. */
    public int every() {
        return 60 / rate;
    }

    public boolean includes(String channel) {
        return !essentialsOnly || ESSENTIALS.contains(channel);
    }

    public String label() {
        return rate + " Hz, " + (essentialsOnly ? "essential channels" : "all channels");
    }

    /** The inverse of {@link #key()}; {@link #FULL} for anything unknown. */
    public static Bandwidth fromKey(String key) {
        for (Bandwidth b : CHOICES) {
            if (b.key().equals(key)) {
                return b;
            }
        }
        return FULL;
    }

    /** A short stable form for preferences, e.g. {@code 30-essentials}. */
    public String key() {
        return rate + (essentialsOnly ? "-essentials" : "-all");
    }
}
