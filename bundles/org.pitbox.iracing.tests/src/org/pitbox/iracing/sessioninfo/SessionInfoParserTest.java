package org.pitbox.iracing.sessioninfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class SessionInfoParserTest {

    private static final String YAML = """
            ---
            WeekendInfo:
             TrackName: monza full
             TrackID: 241
             TrackLength: 5.75 km
             TrackDisplayName: Autodromo Nazionale Monza
             TrackConfigName: Grand Prix
             TrackCity: Monza
             TrackCountry: Italy
             TrackPitSpeedLimit: 80.00 kph
             TrackSurfaceTemp: 38.89 C
             TrackType: road course
             EventType: Race
             Category: Road
             SessionID: 123456
             SubSessionID: 7654321
             Official: 1
             NumCarClasses: 2

            SessionInfo:
             CurrentSessionNum: 2
             Sessions:
             - SessionNum: 0
               SessionLaps: unlimited
               SessionTime: 600.0000 sec
               SessionType: Practice
               SessionName: PRACTICE
               ResultsPositions:
             - SessionNum: 2
               SessionLaps: 12
               SessionTime: unlimited
               SessionType: Race
               ResultsPositions:
               - Position: 1
                 ClassPosition: 0
                 CarIdx: 5
                 Lap: 12
                 Time: 1234.5670
                 FastestLap: 7
                 FastestTime: 98.1234
                 LastTime: 99.0000
                 LapsLed: 10
                 LapsComplete: 12
                 Incidents: 4
                 ReasonOutStr: Running

            DriverInfo:
             DriverCarIdx: 5
             DriverCarIdleRPM: 1950.000
             DriverCarRedLine: 8000.000
             DriverCarFuelKgPerLtr: 0.750
             DriverCarFuelMaxLtr: 104.000
             DriverCarMaxFuelPct: 1.000
             DriverCarSLFirstRPM: 7000.000
             DriverCarSLShiftRPM: 7700.000
             DriverCarSLLastRPM: 7600.000
             DriverCarSLBlinkRPM: 7950.000
             DriverCarEstLapTime: 113.4305
             DriverSetupName: race v2
            (wet).sto
             DriverSetupIsModified: 0
             Drivers:
             - CarIdx: 0
               UserName: Pace Car
               CarIsPaceCar: 1
               IsSpectator: 0
             - CarIdx: 5
               UserName: A. Tester: #7 "Fast"
               TeamName: ,Team {x}
               CarNumber: "7"
               CarScreenName: Ferrari 296 GT3
               CarPath: ferrari296gt3
               CarClassID: 4
               IRating: 2345
               LicString: A 3.41

            SplitTimeInfo:
             Sectors:
             - SectorNum: 0
               SectorStartPct: 0.000000
             - SectorNum: 1
               SectorStartPct: 0.412000
            ...
            """;

    @Test
    void typedModel() {
        SessionInfo s = SessionInfoParser.parse(YAML);
        assertTrue(s.warnings().isEmpty(), s.warnings().toString());
        WeekendInfo w = s.weekend();
        assertEquals("monza full", w.trackName());
        assertEquals("Autodromo Nazionale Monza", w.trackDisplayName());
        assertEquals(241, w.trackId());
        assertEquals(5750.0, w.trackLengthMeters(), 1e-9);
        assertEquals(80.0, w.pitSpeedLimitKph());
        assertEquals(38.89, w.trackSurfaceTempC());
        assertEquals(7654321, w.subSessionId());
        assertTrue(w.official());
        assertEquals(2, w.numCarClasses());
        assertTrue(Double.isNaN(w.trackAirTempC()));

        assertEquals(2, s.sectors().size());
        assertEquals(0.412, s.sectors().get(1).startPct());

        DriverInfo d = s.driverInfo();
        assertEquals(5, d.driverCarIdx());
        assertEquals(8000.0, d.redlineRpm());
        assertEquals(7950.0, d.shiftLightBlinkRpm());
        assertEquals(104.0, d.fuelMaxLtr());
        assertEquals("race v2\n(wet).sto", d.setupName());
        assertEquals(2, d.drivers().size());
        assertTrue(d.drivers().get(0).isPaceCar());
        Driver p = s.player();
        assertEquals(5, p.carIdx());
        assertEquals("A. Tester: #7 \"Fast\"", p.userName());
        assertEquals(",Team {x}", p.teamName());
        assertEquals("7", p.carNumber());
        assertEquals(2345, p.iRating());
        assertEquals("A 3.41", p.licString());
        assertEquals(4, p.carClassId());
        assertFalse(p.isSpectator());

        assertEquals(2, s.currentSessionNum());
        SessionEntry practice = s.session(0);
        assertEquals(SessionEntry.UNLIMITED_LAPS, practice.laps());
        assertFalse(practice.hasLapLimit());
        assertEquals(600.0, practice.timeSeconds());
        assertTrue(practice.hasTimeLimit());
        assertTrue(practice.results().isEmpty());
        SessionEntry race = s.session(2);
        assertEquals(12, race.laps());
        assertEquals(SessionEntry.UNLIMITED_TIME, race.timeSeconds());
        ResultPosition r = race.results().get(0);
        assertEquals(5, r.carIdx());
        assertEquals(98.1234, r.fastestTime());
        assertEquals(4, r.incidents());
        assertEquals("Running", r.reasonOut());
        assertNull(s.session(1));
        assertEquals("Ferrari 296 GT3", s.tree().path("DriverInfo", "Drivers", 1, "CarScreenName").asString());
    }

    @Test
    void emptyInputGivesEmptyModel() {
        SessionInfo s = SessionInfoParser.parse("");
        assertNull(s.weekend().trackName());
        assertTrue(Double.isNaN(s.weekend().trackLengthKm()));
        assertEquals(-1, s.driverInfo().driverCarIdx());
        assertTrue(s.driverInfo().drivers().isEmpty());
        assertTrue(s.sessions().isEmpty());
        assertTrue(s.sectors().isEmpty());
        assertNull(s.player());
        assertNull(SessionInfoParser.parse((String) null).weekend().trackName());
        assertTrue(SessionInfoParser.parse(new byte[0], false).sessions().isEmpty());
    }

    @Test
    void wrongShapesAreTolerated() {
        SessionInfo s = SessionInfoParser.parse("SessionInfo:\n Sessions: none\nDriverInfo:\n Drivers:\n - just text\n"
                + "SplitTimeInfo:\n Sectors:\n  SectorNum: 0\n");
        assertTrue(s.sessions().isEmpty());
        assertTrue(s.driverInfo().drivers().isEmpty());
        assertTrue(s.sectors().isEmpty());
    }

    @Test
    void bytesInCp1252AndUtf8() {
        String name = "J\u00E9r\u00F4me M\u00FCller-\u0160";
        String yaml = "DriverInfo:\n DriverCarIdx: 0\n Drivers:\n - CarIdx: 0\n   UserName: " + name + "\n";
        byte[] cp = yaml.getBytes(java.nio.charset.Charset.forName("windows-1252"));
        assertEquals(name, SessionInfoParser.parse(cp, false).player().userName());
        byte[] utf = yaml.getBytes(StandardCharsets.UTF_8);
        assertEquals(name, SessionInfoParser.parse(utf, true).player().userName());
    }

    @Test
    void liveAreaWithNulAndControlCharacters() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("WeekendInfo:\r\n TrackName: lime\u009Frock\r\n".getBytes(StandardCharsets.UTF_8));
        b.writeBytes(new byte[] { 0, 'X', ':', ' ', '1' });
        b.writeBytes(new byte[4096]);
        SessionInfo s = SessionInfoParser.parse(b.toByteArray(), true);
        assertEquals("limerock", s.weekend().trackName());
        assertTrue(s.tree().path("X").isMissing());
    }
}
