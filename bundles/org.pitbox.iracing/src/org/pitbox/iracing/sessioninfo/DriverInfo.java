package org.pitbox.iracing.sessioninfo;

import java.util.List;

/**
 * {@code DriverInfo}: the player's car ({@code driverCarIdx}) and all entries. RPMs in rev/min, fuel in litres,
 * {@code maxFuelPct} as a fraction, {@code estLapTime} in seconds. {@code setupName} keeps a literal newline if
 * iRacing wrote one.
 */
public record DriverInfo(int driverCarIdx, int driverUserId, int paceCarIdx, double fuelKgPerLtr, double fuelMaxLtr,
        double maxFuelPct, double idleRpm, double redlineRpm, double shiftLightFirstRpm, double shiftLightShiftRpm,
        double shiftLightLastRpm, double shiftLightBlinkRpm, double estLapTime, double pitTrackPct, String setupName,
        List<Driver> drivers) {

    public DriverInfo {
        drivers = List.copyOf(drivers);
    }

    /** The entry with {@code driverCarIdx}, or {@code null}. */
    public Driver player() {
        return driver(driverCarIdx);
    }

    /** The entry for a car index, or {@code null}. */
    public Driver driver(int carIdx) {
        for (Driver d : drivers) {
            if (d.carIdx() == carIdx) {
                return d;
            }
        }
        return null;
    }

    static DriverInfo from(YamlNode n) {
        return new DriverInfo(n.get("DriverCarIdx").asInt(-1), n.get("DriverUserID").asInt(-1),
                n.get("PaceCarIdx").asInt(-1), n.get("DriverCarFuelKgPerLtr").asDouble(),
                n.get("DriverCarFuelMaxLtr").asDouble(), n.get("DriverCarMaxFuelPct").asDouble(),
                n.get("DriverCarIdleRPM").asDouble(), n.get("DriverCarRedLine").asDouble(),
                n.get("DriverCarSLFirstRPM").asDouble(), n.get("DriverCarSLShiftRPM").asDouble(),
                n.get("DriverCarSLLastRPM").asDouble(), n.get("DriverCarSLBlinkRPM").asDouble(),
                n.get("DriverCarEstLapTime").asDouble(), n.get("DriverPitTrkPct").asDouble(),
                n.get("DriverSetupName").asString(), SessionInfoParser.mapItems(n.get("Drivers"), Driver::from));
    }
}
