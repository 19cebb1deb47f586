package org.pitbox.iracing.ibt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.core.telemetry.ChannelType;
import org.pitbox.core.telemetry.Rows;
import org.pitbox.iracing.testdata.SharedData;

class IbtFileTest {
    static Stream<RealFiles.Facts> files() {
        return RealFiles.ALL.stream();
    }

    @ParameterizedTest
    @MethodSource("files")
    void factsMatchTheDataReadme(RealFiles.Facts facts) throws IOException {
        try (IbtFile f = IbtFile.open(SharedData.iracing(facts.path()))) {
            IbtHeader h = f.header();
            if (facts.version() != 0) {
                assertEquals(facts.version(), h.version());
            }
            assertEquals(facts.vars(), h.numVars());
            assertEquals(facts.vars(), f.layout().channels().size());
            if (facts.bufLen() != 0) {
                assertEquals(facts.bufLen(), h.bufLen());
            }
            assertEquals(facts.records(), f.recordCount());
            double max = 0;
            for (float v : f.floats(f.layout().require("Speed"), 0)) {
                max = Math.max(max, v);
            }
            assertEquals(facts.maxSpeed(), max, 0.0051, "max Speed");
            assertTrue(f.sessionInfoYaml().contains("WeekendInfo:"), "session info present");
            assertEquals(f.sessionInfoBytes().length, h.main().sessionInfoLength());
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void varBufInvariants(RealFiles.Facts facts) throws IOException {
        Path p = SharedData.iracing(facts.path());
        try (IbtFile f = IbtFile.open(p)) {
            IbtHeader h = f.header();
            IrsdkHeader m = h.main();
            assertEquals(144, m.varHeaderOffset());
            assertEquals(144 + 144 * m.numVars(), m.sessionInfoOffset());
            assertEquals(m.sessionInfoOffset() + m.sessionInfoLength(), h.dataOffset());
            assertEquals(Files.size(p), h.dataOffset() + (long) m.bufLen() * f.recordCount());
            assertEquals(1, m.numBuf());
            assertEquals(60, f.tickRate());
            assertTrue(h.finalised());
            double[] time = f.doubles(f.layout().require("SessionTime"), 0);
            assertEquals(h.sessionStartTime(), time[0]);
            assertEquals(h.sessionEndTime(), time[time.length - 1]);
            Set<Integer> laps = new HashSet<>();
            for (int lap : f.ints(f.layout().require("Lap"), 0)) {
                laps.add(lap);
            }
            assertEquals(h.lapCount(), laps.size());
            assertTrue(h.sessionStartDate() > 1_400_000_000L, "start date is a plausible Unix time");
        }
    }

    @Test
    void bulkDecodeEqualsPerValueReads() throws IOException {
        try (IbtFile f = IbtFile.open(SharedData.iracing("ibt/teamjorge_valid_test_file.ibt"))) {
            Set<ChannelType> seen = new HashSet<>();
            for (ChannelDescriptor c : f.layout().channels()) {
                for (int i = 0; i < c.count(); i++) {
                    double[] bulk = f.column(c, i);
                    for (int r = 0; r < f.recordCount(); r++) {
                        double one = Rows.asDouble(f.rows(), f.rowStart(r), c, i);
                        assertEquals(Double.doubleToLongBits(one), Double.doubleToLongBits(bulk[r]), c.name());
                    }
                }
                seen.add(c.type());
            }
            assertTrue(seen.containsAll(Set.of(ChannelType.BOOL, ChannelType.INT, ChannelType.BITFIELD,
                    ChannelType.FLOAT, ChannelType.DOUBLE)));
            ChannelDescriptor arr = f.layout().channels().stream().filter(ChannelDescriptor::isArray).findFirst()
                    .orElseThrow();
            assertTrue(arr.countAsTime(), "the 2024 file's array is a 360 Hz channel");
        }
    }

    @Test
    void blockDecodeOfEveryColumnEqualsColumns() throws IOException {
        try (IbtFile f = IbtFile.open(SharedData.iracing("ibt/robroberts_skmodified_langley_2015-05-28_14-45-12.ibt"))) {
            int columns = f.layout().channels().stream().mapToInt(ChannelDescriptor::count).sum();
            int from = 7;
            int count = f.recordCount() - 9;
            double[][] out = new double[columns][count];
            f.decodeRows(from, count, out);
            int k = 0;
            for (ChannelDescriptor c : f.layout().channels()) {
                for (int i = 0; i < c.count(); i++, k++) {
                    double[] all = f.column(c, i);
                    assertArrayEquals(Arrays.copyOfRange(all, from, from + count), out[k], c.name());
                }
            }
        }
    }

    @Test
    void unfinalisedFileStillReadsItsRows(@TempDir Path tmp) throws IOException {
        Path src = SharedData.iracing("ibt/robroberts_sk.ibt");
        byte[] bytes = Files.readAllBytes(src);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(140, 0);
        Path zeroed = tmp.resolve("zeroed.ibt");
        Files.write(zeroed, bytes);
        byte[] partial = new byte[bytes.length - 100];
        System.arraycopy(bytes, 0, partial, 0, partial.length);
        Path cut = tmp.resolve("cut.ibt");
        Files.write(cut, partial);
        try (IbtFile orig = IbtFile.open(src); IbtFile z = IbtFile.open(zeroed); IbtFile c = IbtFile.open(cut)) {
            assertEquals(201, z.recordCount());
            assertFalse(z.header().finalised());
            assertEquals(0, z.header().declaredRecordCount());
            assertEquals(orig.rows(), z.rows());
            assertEquals(200, c.recordCount(), "the trailing partial row is ignored");
            assertFalse(c.header().finalised());
            ChannelDescriptor speed = orig.layout().require("Speed");
            float[] all = orig.floats(speed, 0);
            float[] head = new float[200];
            System.arraycopy(all, 0, head, 0, 200);
            assertArrayEquals(head, c.floats(speed, 0));
        }
    }
}
