package org.pitbox.iracing.sessioninfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pitbox.iracing.testdata.SharedData;

/** Parses the real session strings (never prints their content: it holds real names). */
class RealSessionInfoTest {

    @ParameterizedTest
    @CsvSource({
            "sessioninfo/sessioninfo_teamjorge_valid_test_file.yaml, spielberg gp, Red Bull Ring, 4.28",
            "sessioninfo/sessioninfo_teamjorge_live_test_file.yaml, monza full, Autodromo Nazionale Monza, 5.75",
            "sessioninfo/sessioninfo_robroberts_skmodified_martinsville_2016-02-07_21-01-44.yaml, martinsville,"
                    + " Martinsville Speedway, 0.79" })
    void yamlFiles(String file, String trackName, String displayName, double lengthKm) throws IOException {
        byte[] raw = Files.readAllBytes(SharedData.iracing(file));
        check(SessionInfoParser.parse(raw, false), trackName, displayName, lengthKm);
    }

    @ParameterizedTest
    @CsvSource({
            "ibt/teamjorge_valid_test_file.ibt, spielberg gp, Red Bull Ring, 4.28",
            "ibt/florendg_test.ibt, indianapolis 2022 road, Indianapolis Motor Speedway, 3.85",
            "ibt/robroberts_sk.ibt, newsmyrna, New Smyrna Speedway, 0.78",
            "ibt/robroberts_sk2.ibt, newsmyrna, New Smyrna Speedway, 0.78",
            "ibt/robroberts_skmodified_langley_2015-05-28_14-45-12.ibt, langley, Langley Speedway, 0.58",
            "ibt/robroberts_skmodified_langley_2015-05-28_14-45-28.ibt, langley, Langley Speedway, 0.58",
            "ibt/robroberts_skmodified_langley_2015-05-28_14-50-46.ibt, langley, Langley Speedway, 0.58",
            "ibt/robroberts_skmodified_langley_2015-08-24_20-48-50.ibt, langley, Langley Speedway, 0.58",
            "ibt/robroberts_skmodified_martinsville_2016-02-07_21-01-44.ibt, martinsville, Martinsville Speedway, 0.79",
            "ibt/robroberts_skmodified_tour_martinsville_2015-05-30_20-32-44.ibt, martinsville, Martinsville Speedway,"
                    + " 0.79",
            "live/teamjorge_live_monza_2024.bin, monza full, Autodromo Nazionale Monza, 5.75",
            "live/leonb_memmap_silverstone_2015.bin, silverstone gp, Silverstone Circuit, 5.05" })
    void embeddedInRecordings(String file, String trackName, String displayName, double lengthKm) throws IOException {
        SessionInfo s = SessionInfoParser.parse(embedded(SharedData.iracing(file)), false);
        check(s, trackName, displayName, lengthKm);
    }

    @Test
    void yamlFileMatchesTheIbtItCameFrom() throws IOException {
        String fromFile = SessionInfoText.decode(
                Files.readAllBytes(SharedData.iracing("sessioninfo/sessioninfo_teamjorge_valid_test_file.yaml")), false);
        String fromIbt = SessionInfoText.decode(embedded(SharedData.iracing("ibt/teamjorge_valid_test_file.ibt")), false);
        assertTrue(fromFile.equals(fromIbt), "decoded texts differ");
    }

    @Test
    void multiDriverRecording() throws IOException {
        SessionInfo s = SessionInfoParser.parse(
                embedded(SharedData.iracing("ibt/robroberts_skmodified_langley_2015-08-24_20-48-50.ibt")), false);
        assertEquals(11, s.driverInfo().driverCarIdx());
        assertTrue(s.driverInfo().drivers().size() > 1);
        assertEquals(11, s.player().carIdx());
    }

    @Test
    void redBullRingDetails() throws IOException {
        SessionInfo s = SessionInfoParser.parse(Files.readString(
                SharedData.iracing("sessioninfo/sessioninfo_teamjorge_valid_test_file.yaml")));
        assertEquals(80.0, s.weekend().pitSpeedLimitKph());
        assertEquals(403, s.weekend().trackId());
        assertEquals(13000.0, s.driverInfo().redlineRpm());
        assertEquals(11629.0, s.driverInfo().shiftLightBlinkRpm());
        assertEquals(146.667, s.driverInfo().fuelMaxLtr());
        assertEquals("ARA_23S1_W13_RBR_R_2.sto", s.driverInfo().setupName());
        assertEquals("Mercedes-AMG W13 E Performance", s.player().carScreenName());
        assertEquals("64", s.player().carNumber());
        assertEquals(List.of(0.0, 0.271918, 0.668198), s.sectors().stream().map(Sector::startPct).toList());
        SessionEntry testing = s.sessions().get(0);
        assertEquals("Offline Testing", testing.type());
        assertEquals(SessionEntry.UNLIMITED_LAPS, testing.laps());
        assertEquals(68.6711, testing.results().get(0).fastestTime());
        assertEquals(56.5, s.tree().path("CarSetup", "DriveBrake", "BrakeSystemConfig", "TotalBrakeBias").asDouble());
        assertEquals(22, s.tree().path("CameraInfo", "Groups").size());
    }

    @Test
    void warmParseIsUnderAMillisecond() throws IOException {
        String yaml = Files.readString(SharedData.iracing("sessioninfo/sessioninfo_teamjorge_live_test_file.yaml"));
        for (int i = 0; i < 2000; i++) {
            SessionInfoParser.parse(yaml);
        }
        int runs = 500;
        long t0 = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            SessionInfoParser.parse(yaml);
        }
        double ms = (System.nanoTime() - t0) / 1e6 / runs;
        System.out.printf("session info parse: %.3f ms for %d chars%n", ms, yaml.length());
        assertTrue(ms < 5.0, "parse took " + ms + " ms"); // 1 ms target, slack for loaded CI machines
    }

    private static void check(SessionInfo s, String trackName, String displayName, double lengthKm) {
        assertTrue(s.warnings().isEmpty(), s.warnings().toString());
        assertEquals(trackName, s.weekend().trackName());
        assertEquals(displayName, s.weekend().trackDisplayName());
        assertEquals(lengthKm, s.weekend().trackLengthKm());
        assertTrue(s.weekend().trackLengthMeters() > 0);
        assertFalse(s.sectors().isEmpty());
        assertEquals(0.0, s.sectors().get(0).startPct());
        for (int i = 1; i < s.sectors().size(); i++) {
            assertEquals(i, s.sectors().get(i).sectorNum());
            assertTrue(s.sectors().get(i).startPct() > s.sectors().get(i - 1).startPct());
            assertTrue(s.sectors().get(i).startPct() < 1.0);
        }
        int player = s.driverInfo().driverCarIdx();
        assertTrue(player >= 0 && player < 64);
        assertNotNull(s.player(), "player car index not among drivers");
        assertTrue(s.driverInfo().redlineRpm() > 0);
        assertFalse(s.sessions().isEmpty());
        assertNotNull(s.sessions().get(0).type());
    }

    /** The session string of an .ibt or live dump: header int32 LE at 16 = length, at 20 = offset. */
    static byte[] embedded(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        ByteBuffer h = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        int len = h.getInt(16);
        int off = h.getInt(20);
        byte[] out = new byte[len];
        System.arraycopy(all, off, out, 0, len);
        return out;
    }
}
