package org.pitbox.voice.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VoiceProfileTest {
    @TempDir
    Path dir;

    /** Three streams of 3, each a slightly moved identity with a bias. */
    static VoiceProfile profile(double shift) {
        float[][][] a = new float[3][3][3];
        float[][] b = new float[3][3];
        for (int s = 0; s < 3; s++) {
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    a[s][i][j] = (i == j ? 1 : 0) + 0.01f * (s + 1) * (i - j) + 1e-7f;
                }
                b[s][i] = -0.25f * (s + i) - 1.5e-6f;
            }
        }
        return new VoiceProfile(a, b, shift, List.of("fuel level", "box this lap"));
    }

    @Test
    void aSavedProfileLoadsTheSame() throws IOException {
        VoiceProfile p = profile(-1250.5);
        Path file = dir.resolve("voice").resolve("sphinx4-profile.txt");
        p.save(file);
        VoiceProfile back = VoiceProfile.load(file);
        assertEquals(p, back);
        assertEquals(-1250.5, back.marginShift());
        assertEquals(List.of("fuel level", "box this lap"), back.phrases());
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left beside it");
        }
    }

    @Test
    void theRemarksAndTheLeadsAreSavedWithIt() throws IOException {
        VoiceProfile p = profile(0).withLeads(-812.25, List.of("the fuel light is on", "we should talk"),
                new VoiceProfile.Leads(new double[] {1234.5, -20.75}, new double[] {Double.NEGATIVE_INFINITY, -4521}),
                new VoiceProfile.Leads(new double[] {3.5}, new double[] {-1e4, 2500.125}));
        Path file = dir.resolve("p.txt");
        p.save(file);
        VoiceProfile back = VoiceProfile.load(file);
        assertEquals(p, back);
        assertEquals(-812.25, back.marginShift());
        assertEquals(List.of("the fuel light is on", "we should talk"), back.remarks());
        assertArrayEquals(new double[] {1234.5, -20.75}, back.quiet().commands());
        assertArrayEquals(new double[] {Double.NEGATIVE_INFINITY, -4521.0}, back.quiet().remarks());
        assertArrayEquals(new double[] {3.5}, back.noisy().commands());
        assertArrayEquals(new double[] {-1e4, 2500.125}, back.noisy().remarks());
        assertEquals("pitbox-voice-profile 3", Files.readAllLines(file).get(0));
    }

    @Test
    void aProfileOfTheSecondFormatLoadsWithoutItsShift() throws IOException {
        VoiceProfile p = profile(-812.25);
        Path file = dir.resolve("p.txt");
        p.save(file);
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(0, "pitbox-voice-profile 2");
        Files.write(file, lines);
        assertEquals(p.withMarginShift(0), VoiceProfile.load(file), "measured against the earlier phone loop");
    }

    @Test
    void aProfileOfTheFirstFormatStillLoads() throws IOException {
        VoiceProfile p = profile(0);
        Path file = dir.resolve("p.txt");
        p.save(file);
        // the first format: its header, the margin shift, the phrases, then the streams: no remarks, no leads
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(0, "pitbox-voice-profile 1");
        lines.set(1, "margin-shift -300.0");
        int remarks = lines.indexOf("remarks 0");
        lines.subList(remarks, remarks + 5).clear();
        Files.write(file, lines);
        VoiceProfile old = VoiceProfile.load(file);
        assertEquals(p.withMarginShift(-300), old);
        assertEquals(List.of(), old.remarks());
        assertEquals(VoiceProfile.Leads.NONE, old.quiet());
        assertEquals(VoiceProfile.Leads.NONE, old.noisy());
        // and one without a margin shift moves nothing
        lines.remove(1);
        Files.write(file, lines);
        assertEquals(0, VoiceProfile.load(file).marginShift());
        assertEquals(p, VoiceProfile.load(file));
    }

    @Test
    void aLeadMustBeANumber() {
        assertThrows(IllegalArgumentException.class,
                () -> new VoiceProfile.Leads(new double[] {Double.NEGATIVE_INFINITY}, new double[0]));
        assertThrows(IllegalArgumentException.class, () -> new VoiceProfile.Leads(new double[0], new double[] {Double.NaN}));
        assertThrows(IllegalArgumentException.class,
                () -> new VoiceProfile.Leads(new double[0], new double[] {Double.POSITIVE_INFINITY}));
    }

    @Test
    void numbersAreWrittenTheSameWhateverTheLocale() throws IOException {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            Path file = dir.resolve("p.txt");
            profile(12.75).save(file);
            Locale.setDefault(Locale.US);
            assertEquals(profile(12.75), VoiceProfile.load(file));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void savingAgainReplacesTheProfile() throws IOException {
        Path file = dir.resolve("p.txt");
        profile(0).save(file);
        profile(-500).save(file);
        assertEquals(-500, VoiceProfile.load(file).marginShift());
        assertNotEquals(profile(0), VoiceProfile.load(file));
    }

    @Test
    void aDamagedFileSaysWhatIsWrong() throws IOException {
        Path file = dir.resolve("p.txt");
        profile(0).save(file);
        List<String> lines = Files.readAllLines(file);
        Files.write(file, lines.subList(0, lines.size() - 2));
        IOException cut = assertThrows(IOException.class, () -> VoiceProfile.load(file));
        assertTrue(cut.getMessage().contains("ends too early"), cut.getMessage());
        Files.writeString(file, "something else\n");
        assertThrows(IOException.class, () -> VoiceProfile.load(file));
        lines.set(lines.size() - 1, "1.0 x 2.0");
        Files.write(file, lines);
        assertThrows(IOException.class, () -> VoiceProfile.load(file));
    }

    @Test
    void aMatrixMustFitItsBias() {
        assertThrows(IllegalArgumentException.class,
                () -> new VoiceProfile(new float[][][] {{{1, 0}, {0, 1}}}, new float[][] {{0, 0, 0}}, 0, List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new VoiceProfile(new float[0][][], new float[0][], 0, List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new VoiceProfile(new float[][][] {{{1}}}, new float[][] {{0}}, Double.NaN, List.of()));
    }

    @Test
    void theDriversProfileIsKeptUnderPitBoxsHome() {
        Path file = VoiceProfile.defaultFile();
        assertTrue(file.endsWith(Path.of("voice", "sphinx4-profile.txt")), file.toString());
    }
}
