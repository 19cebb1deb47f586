package org.pitbox.iracing.ibt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.ChannelType;
import org.pitbox.iracing.testdata.SharedData;

class IbtWriterTest {
    @Test
    void realFilesRoundTripExactly(@TempDir Path tmp) throws IOException {
        for (String name : List.of("teamjorge_valid_test_file.ibt", "florendg_test.ibt",
                "robroberts_skmodified_langley_2015-05-28_14-50-46.ibt")) {
            Path src = SharedData.iracing("ibt/" + name);
            Path out = tmp.resolve(name);
            try (IbtFile a = IbtFile.open(src)) {
                IbtWriter.write(a, out);
                try (IbtFile b = IbtFile.open(out)) {
                    assertSame(a, b);
                    IbtHeader ha = a.header();
                    IbtHeader hb = b.header();
                    assertEquals(2, hb.version());
                    assertTrue(hb.finalised());
                    assertEquals(ha.sessionStartDate(), hb.sessionStartDate());
                    assertEquals(ha.sessionStartTime(), hb.sessionStartTime());
                    assertEquals(ha.sessionEndTime(), hb.sessionEndTime());
                    assertEquals(ha.lapCount(), hb.lapCount());
                    assertArrayEquals(a.sessionInfoBytes(), b.sessionInfoBytes());
                }
            }
            if (name.startsWith("teamjorge")) {
                byte[] orig = Files.readAllBytes(src);
                byte[] copy = Files.readAllBytes(out);
                assertEquals(orig.length, copy.length);
                assertEquals(ByteBuffer.wrap(orig, 144, orig.length - 144), ByteBuffer.wrap(copy, 144,
                        copy.length - 144), "a version-2 file is rewritten byte for byte after the header");
            }
        }
    }

    @Test
    void streamingWriterMatchesBulkWrite(@TempDir Path tmp) throws IOException {
        Path src = SharedData.iracing("ibt/robroberts_skmodified_martinsville_2016-02-07_21-01-44.ibt");
        Path out = tmp.resolve("stream.ibt");
        try (IbtFile a = IbtFile.open(src)) {
            try (IbtWriter w = IbtWriter.create(out, a.layout(), a.sessionInfoYaml(), a.tickRate(), 1234L)) {
                for (int i = 0; i < a.recordCount(); i++) {
                    w.append(a.rows(), a.rowStart(i));
                    if (i == 500) {
                        try (IbtFile partial = IbtFile.open(out)) {
                            assertFalse(partial.header().finalised(), "unfinalised while streaming");
                        }
                    }
                }
                assertEquals(a.recordCount(), w.recordCount());
            }
            try (IbtFile b = IbtFile.open(out)) {
                assertSame(a, b);
                assertEquals(1234L, b.header().sessionStartDate());
                assertEquals(a.header().lapCount(), b.header().lapCount());
            }
        }
    }

    @Test
    void syntheticRecordingWithEveryType(@TempDir Path tmp) throws IOException {
        ChannelLayout layout = ChannelLayout.packed(List.of(
                new ChannelDescriptor("SessionTime", ChannelType.DOUBLE, 1, false, "s", "time", 0),
                new ChannelDescriptor("Lap", ChannelType.INT, 1, false, "", "", 0),
                new ChannelDescriptor("Flags", ChannelType.BITFIELD, 1, false, "irsdk_Flags", "", 0),
                new ChannelDescriptor("Gear", ChannelType.CHAR, 1, false, "", "", 0),
                new ChannelDescriptor("OnPitRoad", ChannelType.BOOL, 1, false, "", "", 0),
                new ChannelDescriptor("LatAccel", ChannelType.FLOAT, 6, true, "m/s^2", "360 Hz", 0)));
        Path out = tmp.resolve("synthetic.ibt");
        ByteBuffer row = ByteBuffer.allocate(layout.rowLength()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        try (IbtWriter w = IbtWriter.create(out, layout, "WeekendInfo:\n TrackName: x\n", 60, 0)) {
            for (int i = 0; i < 1000; i++) {
                row.putDouble(0, 10 + i / 60.0).putInt(8, i / 300).putInt(12, 0x80000000 | i).put(16, (byte) -1)
                        .put(17, (byte) (i % 2));
                for (int k = 0; k < 6; k++) {
                    row.putFloat(18 + 4 * k, i + k / 6f);
                }
                w.append(row, 0);
            }
        }
        try (IbtFile f = IbtFile.open(out)) {
            assertEquals(layout.channels(), f.layout().channels());
            assertEquals(1000, f.recordCount());
            assertEquals(4, f.header().lapCount());
            assertEquals(10.0, f.header().sessionStartTime());
            assertEquals(10 + 999 / 60.0, f.header().sessionEndTime());
            assertEquals(255.0, f.value(3, layout.require("Gear"), 0));
            assertEquals(2147483651.0, f.value(3, layout.require("Flags"), 0));
            assertEquals(999 + 5 / 6f, f.floats(layout.require("LatAccel"), 5)[999]);
            assertEquals("WeekendInfo:\n TrackName: x\n", f.sessionInfoYaml());
        }
    }

    static void assertSame(IbtFile a, IbtFile b) {
        assertEquals(a.layout().channels(), b.layout().channels());
        assertEquals(a.layout().rowLength(), b.layout().rowLength());
        assertEquals(a.sessionInfoYaml(), b.sessionInfoYaml());
        assertEquals(a.tickRate(), b.tickRate());
        assertEquals(a.recordCount(), b.recordCount());
        assertEquals(a.rows(), b.rows(), "row bytes");
    }
}
