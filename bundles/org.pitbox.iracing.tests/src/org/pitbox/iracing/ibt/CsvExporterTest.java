package org.pitbox.iracing.ibt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.ChannelType;
import org.pitbox.iracing.testdata.SharedData;

class CsvExporterTest {
    /** The independent decoder, relative to the test bundle (the working directory of the tests). */
    private static final Path SCRIPT = Paths.get(System.getProperty("user.dir"), "scripts", "ibt_csv.py");

    @ParameterizedTest
    @ValueSource(strings = {"florendg_test.ibt", "teamjorge_valid_test_file.ibt", "robroberts_sk.ibt",
            "robroberts_skmodified_martinsville_2016-02-07_21-01-44.ibt"})
    void everyChannelMatchesThePythonDecoder(String name, @TempDir Path tmp) throws Exception {
        Path file = SharedData.iracing("ibt/" + name);
        byte[] expected = python(file, List.of(), tmp);
        byte[] actual = export(file, List.of());
        assertArrayEquals(expected, actual, "CSV of " + name + " differs from scripts/ibt_csv.py");
    }

    @Test
    void channelSubsetOfALongFileMatches(@TempDir Path tmp) throws Exception {
        Path file = SharedData.iracing("ibt/robroberts_skmodified_langley_2015-05-28_14-50-46.ibt");
        List<String> channels = List.of("SessionTime", "Lap", "Speed", "RPM", "Gear", "OnPitRoad", "EngineWarnings",
                "Lat", "Lon", "LapDistPct");
        assertArrayEquals(python(file, channels, tmp), export(file, channels));
    }

    @Test
    void randomFloatsAndDoublesMatchThePythonDecoder(@TempDir Path tmp) throws Exception {
        ChannelLayout layout = ChannelLayout.packed(List.of(
                new ChannelDescriptor("F", ChannelType.FLOAT, 4, false, "", "", 0),
                new ChannelDescriptor("D", ChannelType.DOUBLE, 2, false, "", "", 0),
                new ChannelDescriptor("C", ChannelType.CHAR, 1, false, "", "", 0),
                new ChannelDescriptor("B", ChannelType.BITFIELD, 1, false, "", "", 0)));
        Path file = tmp.resolve("random.ibt");
        Random rnd = new Random(7);
        ByteBuffer row = ByteBuffer.allocate(layout.rowLength()).order(ByteOrder.LITTLE_ENDIAN);
        float[] specials = {0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE,
            Float.MAX_VALUE, Float.MIN_NORMAL, 1e7f, 9999999f, 1e-3f, 9.999999e-4f, 1f, 0.1f, 100f};
        try (IbtWriter w = IbtWriter.create(file, layout, "", 60, 0)) {
            for (int i = 0; i < 3000; i++) {
                row.putFloat(0, i < specials.length ? specials[i] : Float.intBitsToFloat(rnd.nextInt()));
                row.putFloat(4, rnd.nextFloat() * 1000 - 500);
                row.putFloat(8, (float) Math.scalb(rnd.nextDouble(), rnd.nextInt(80) - 40));
                row.putFloat(12, rnd.nextInt(2000) / 8f);
                row.putDouble(16, Double.longBitsToDouble(rnd.nextLong()));
                row.putDouble(24, i == 0 ? Double.MIN_VALUE : i == 1 ? 1e23 : rnd.nextInt(100000) / 60.0);
                row.put(32, (byte) rnd.nextInt()).putInt(33, rnd.nextInt());
                w.append(row, 0);
            }
        }
        assertArrayEquals(python(file, List.of(), tmp), export(file, List.of()));
    }

    @Test
    void floatsParseBackToTheSameBits() throws IOException {
        try (IbtFile f = IbtFile.open(SharedData.iracing("ibt/teamjorge_valid_test_file.ibt"))) {
            String[] lines = exportString(f, List.of()).split("\n");
            List<ChannelDescriptor> columns = new ArrayList<>();
            List<Integer> elements = new ArrayList<>();
            for (ChannelDescriptor c : f.layout().channels()) {
                for (int i = 0; i < c.count(); i++) {
                    columns.add(c);
                    elements.add(i);
                }
            }
            assertEquals(f.recordCount() + 1, lines.length);
            for (int r = 0; r < f.recordCount(); r++) {
                String[] cells = lines[r + 1].split(",");
                assertEquals(columns.size(), cells.length);
                for (int k = 0; k < cells.length; k++) {
                    ChannelDescriptor c = columns.get(k);
                    int at = f.rowStart(r) + c.offsetOf(elements.get(k));
                    if (c.type() == ChannelType.FLOAT) {
                        assertEquals(f.rows().getInt(at), Float.floatToRawIntBits(Float.parseFloat(cells[k])));
                    } else if (c.type() == ChannelType.DOUBLE) {
                        assertEquals(f.rows().getLong(at),
                                Double.doubleToRawLongBits(Double.parseDouble(cells[k])));
                    }
                }
            }
        }
    }

    @Test
    void headerNamesArrayElementsAndUnknownChannelsFail() throws IOException {
        try (IbtFile f = IbtFile.open(SharedData.iracing("ibt/teamjorge_valid_test_file.ibt"))) {
            ChannelDescriptor arr = f.layout().channels().stream().filter(ChannelDescriptor::isArray).findFirst()
                    .orElseThrow();
            String header = exportString(f, List.of("Speed", arr.name())).split("\n")[0];
            StringBuilder want = new StringBuilder("Speed");
            for (int i = 0; i < arr.count(); i++) {
                want.append(',').append(arr.name()).append('[').append(i).append(']');
            }
            assertEquals(want.toString(), header);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> exportString(f, List.of("Speed", "NoSuchThing")));
            assertEquals("unknown channel: NoSuchThing", e.getMessage());
        }
    }

    private static String exportString(IbtFile f, List<String> channels) throws IOException {
        StringWriter w = new StringWriter();
        CsvExporter.export(f, channels, w);
        return w.toString();
    }

    private static byte[] export(Path file, List<String> channels) throws IOException {
        try (IbtFile f = IbtFile.open(file)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            CsvExporter.export(f, channels, out);
            return out.toByteArray();
        }
    }

    private static byte[] python(Path file, List<String> channels, Path tmp) throws Exception {
        assumeTrue(Files.isRegularFile(SCRIPT), "independent decoder not found at " + SCRIPT + "; skipping");
        List<String> cmd = new ArrayList<>(List.of("python3", SCRIPT.toString(), file.toString()));
        cmd.addAll(channels);
        Path out = tmp.resolve("python-" + file.getFileName() + ".csv");
        Path err = tmp.resolve("python.err");
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        } catch (IOException e) {
            assumeTrue(false, "python3 is not available (" + e.getMessage() + "); skipping the cross-check");
            throw e;
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("python decoder timed out on " + file.getFileName());
        }
        assertEquals(0, p.exitValue(), () -> "python decoder failed: " + readQuietly(err));
        return Files.readAllBytes(out);
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
