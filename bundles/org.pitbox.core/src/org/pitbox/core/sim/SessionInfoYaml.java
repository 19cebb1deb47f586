package org.pitbox.core.sim;

import java.util.List;
import java.util.Locale;

/** The session-info YAML of a simulated session, in the shape and number formats iRacing uses. */
final class SessionInfoYaml {
    private SessionInfoYaml() {
    }

    static String of(SimOptions o, double estLapTime) {
        Track t = o.track();
        StringBuilder y = new StringBuilder(4096);
        y.append("---\nWeekendInfo:\n");
        line(y, 1, "TrackName", t.name());
        line(y, 1, "TrackID", t.id());
        line(y, 1, "TrackLength", f("%.2f km", t.length() / 1000));
        line(y, 1, "TrackLengthOfficial", f("%.2f km", t.length() / 1000));
        line(y, 1, "TrackDisplayName", t.displayName());
        line(y, 1, "TrackDisplayShortName", t.city());
        line(y, 1, "TrackConfigName", t.configName());
        line(y, 1, "TrackCity", t.city());
        line(y, 1, "TrackCountry", t.country());
        line(y, 1, "TrackAltitude", f("%.2f m", t.altitude()));
        line(y, 1, "TrackLatitude", f("%.6f m", t.latitude()));
        line(y, 1, "TrackLongitude", f("%.6f m", t.longitude()));
        line(y, 1, "TrackNumTurns", t.turns());
        line(y, 1, "TrackPitSpeedLimit", f("%.2f kph", t.pitSpeedLimitKph()));
        line(y, 1, "TrackType", t.type());
        line(y, 1, "TrackWeatherType", "Static");
        line(y, 1, "TrackSkies", "Clear");
        line(y, 1, "TrackSurfaceTemp", "35.00 C");
        line(y, 1, "TrackAirTemp", "25.00 C");
        line(y, 1, "SeriesID", 0);
        line(y, 1, "SessionID", 0);
        line(y, 1, "SubSessionID", 0);
        line(y, 1, "EventType", "Race");
        line(y, 1, "Category", t.type().contains("oval") ? "Oval" : "Road");
        line(y, 1, "SimMode", "full");
        line(y, 1, "TeamRacing", 0);
        line(y, 1, "NumCarClasses", 1);
        line(y, 1, "NumCarTypes", 1);
        y.append(" WeekendOptions:\n");
        line(y, 2, "NumStarters", 1);
        line(y, 2, "StandingStart", 0);
        line(y, 2, "IncidentLimit", "unlimited");
        line(y, 2, "FastRepairsLimit", "unlimited");
        y.append(" TelemetryOptions:\n");
        line(y, 2, "TelemetryDiskFile", "\"\"");
        y.append("\nSessionInfo:\n Sessions:\n - SessionNum: 0\n");
        line(y, 3, "SessionLaps", o.laps() > 0 ? String.valueOf(o.laps()) : "unlimited");
        line(y, 3, "SessionTime", o.durationSeconds() > 0 ? f("%.4f sec", o.durationSeconds()) : "unlimited");
        line(y, 3, "SessionNumLapsToAvg", 0);
        line(y, 3, "SessionType", "Race");
        line(y, 3, "SessionTrackRubberState", "moderate usage");
        line(y, 3, "SessionName", "RACE");
        line(y, 3, "SessionSubType", "");
        line(y, 3, "SessionSkipped", 0);
        y.append("\nSplitTimeInfo:\n Sectors:\n");
        List<Double> sectors = t.sectorStarts();
        for (int i = 0; i < sectors.size(); i++) {
            y.append(" - SectorNum: ").append(i).append('\n');
            line(y, 3, "SectorStartPct", f("%.6f", sectors.get(i)));
        }
        y.append("\nDriverInfo:\n");
        line(y, 1, "DriverCarIdx", 0);
        line(y, 1, "DriverUserID", 0);
        line(y, 1, "PaceCarIdx", -1);
        line(y, 1, "DriverCarIdleRPM", f("%.3f", Car.IDLE));
        line(y, 1, "DriverCarRedLine", f("%.3f", Car.REDLINE));
        line(y, 1, "DriverCarFuelKgPerLtr", f("%.3f", Car.FUEL_KG_PER_LITRE));
        line(y, 1, "DriverCarFuelMaxLtr", f("%.3f", o.tankSize()));
        line(y, 1, "DriverCarMaxFuelPct", "1.000");
        line(y, 1, "DriverCarGearNumForward", Car.GEAR_TOP.length);
        line(y, 1, "DriverCarGearNeutral", 1);
        line(y, 1, "DriverCarGearReverse", 1);
        line(y, 1, "DriverCarSLShiftRPM", f("%.3f", Car.REDLINE * 0.97));
        line(y, 1, "DriverPitTrkPct", f("%.6f", t.stallPct()));
        line(y, 1, "DriverCarEstLapTime", f("%.4f", estLapTime));
        line(y, 1, "DriverSetupName", "baseline.sto");
        line(y, 1, "DriverIncidentCount", 0);
        y.append(" Drivers:\n - CarIdx: 0\n");
        line(y, 3, "UserName", "PitBox Simulator");
        line(y, 3, "AbbrevName", "Simulator, P");
        line(y, 3, "Initials", "PS");
        line(y, 3, "UserID", 0);
        line(y, 3, "TeamID", 0);
        line(y, 3, "TeamName", "PitBox");
        line(y, 3, "CarNumber", "\"1\"");
        line(y, 3, "CarNumberRaw", 1);
        line(y, 3, "CarPath", Car.PATH);
        line(y, 3, "CarClassID", 0);
        line(y, 3, "CarID", 0);
        line(y, 3, "CarIsPaceCar", 0);
        line(y, 3, "CarIsAI", 0);
        line(y, 3, "CarScreenName", Car.SCREEN_NAME);
        line(y, 3, "CarScreenNameShort", Car.SCREEN_NAME);
        line(y, 3, "CarClassShortName", "GT3");
        line(y, 3, "CarClassMaxFuelPct", "1.000 %");
        line(y, 3, "CarClassEstLapTime", f("%.4f", estLapTime));
        line(y, 3, "IRating", 1);
        line(y, 3, "LicString", "R 0.01");
        line(y, 3, "IsSpectator", 0);
        line(y, 3, "CurDriverIncidentCount", 0);
        y.append("\n...\n");
        return y.toString();
    }

    private static void line(StringBuilder y, int indent, String key, Object value) {
        y.append(" ".repeat(indent)).append(key).append(": ").append(value).append('\n');
    }

    private static String f(String format, double value) {
        return String.format(Locale.ROOT, format, value);
    }
}
