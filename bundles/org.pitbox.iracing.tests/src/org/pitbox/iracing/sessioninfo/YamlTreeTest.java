package org.pitbox.iracing.sessioninfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class YamlTreeTest {

    private static final String DOC = """
            ---
            WeekendInfo:
             TrackName: spielberg gp
             TrackLength: 4.28 km
             WeekendOptions:
              TimeOfDay: 12:00 pm
             TelemetryOptions:
              TelemetryDiskFile: ""

            SessionInfo:
             Sessions:
             - SessionNum: 0
               SessionSubType:\s
               ResultsPositions:
               ResultsFastestLap:
               - CarIdx: 255
                 FastestTime: -1.0000
             - SessionNum: 1
               ResultsPositions:
               - Position: 1
                 CarIdx: 3
               - Position: 2
                 CarIdx: 0
             CurrentSessionNum: 1

            DriverInfo:
             Drivers:
             - CarIdx: 0
               UserName: Dr. Who: #1 "Doc"
               TeamName: ,Comma Team
               CarNumber: "64"
               FrequencyName: "@ALL \\"X\\""
               Note: 'it''s'
               Setup: {a: 1, b: [2]} # not a comment
            ...
            Garbage: after end
            """;

    @Test
    void nestedMapsAndIndentlessSequences() {
        YamlTree t = YamlTree.parse(DOC);
        assertEquals("spielberg gp", t.path("WeekendInfo", "TrackName").asString());
        assertEquals(4.28, t.path("WeekendInfo", "TrackLength").asDouble());
        assertEquals("12:00 pm", t.path("WeekendInfo", "WeekendOptions", "TimeOfDay").asString());
        assertEquals("", t.path("WeekendInfo", "TelemetryOptions", "TelemetryDiskFile").asString());
        YamlNode sessions = t.path("SessionInfo", "Sessions");
        assertEquals(2, sessions.size());
        assertEquals("", sessions.path(0, "SessionSubType").asString());
        assertTrue(sessions.path(0, "ResultsPositions").isScalar());
        assertEquals(255, sessions.path(0, "ResultsFastestLap", 0, "CarIdx").asInt(-1));
        assertEquals(-1.0, sessions.path(0, "ResultsFastestLap", 0, "FastestTime").asDouble());
        assertEquals(2, sessions.path(1, "ResultsPositions").size());
        assertEquals(0, sessions.path(1, "ResultsPositions", 1, "CarIdx").asInt(-1));
        assertEquals(1, t.path("SessionInfo", "CurrentSessionNum").asInt(-1));
        assertTrue(t.path("Garbage").isMissing());
        assertEquals(t.warnings().toString(), "[]");
    }

    @Test
    void unquotedAwkwardScalars() {
        YamlNode d = YamlTree.parse(DOC).path("DriverInfo", "Drivers", 0);
        assertEquals("Dr. Who: #1 \"Doc\"", d.get("UserName").asString());
        assertEquals(",Comma Team", d.get("TeamName").asString());
        assertEquals("64", d.get("CarNumber").asString());
        assertEquals("@ALL \"X\"", d.get("FrequencyName").asString());
        assertEquals("it's", d.get("Note").asString());
        assertEquals("{a: 1, b: [2]} # not a comment", d.get("Setup").asString());
    }

    @Test
    void valueContinuedOnNextLine() {
        String yaml = "DriverInfo:\n DriverSetupName: my\nsetup.sto\n DriverSetupIsModified: 0\n Drivers:\n - CarIdx: 0\n";
        YamlTree t = YamlTree.parse(yaml);
        assertEquals("my\nsetup.sto", t.path("DriverInfo", "DriverSetupName").asString());
        assertEquals(0, t.path("DriverInfo", "DriverSetupIsModified").asInt(-1));
        assertEquals(0, t.path("DriverInfo", "Drivers", 0, "CarIdx").asInt(-1));
        assertTrue(t.warnings().isEmpty());
    }

    @Test
    void emptyValueFollowedByPlainLineTakesIt() {
        YamlTree t = YamlTree.parse("A:\n B:\n  text here\n C: 1\n");
        assertEquals("text here", t.path("A", "B").asString());
        assertEquals(1, t.path("A", "C").asInt(-1));
    }

    @Test
    void nestedItemsAndScalarItems() {
        YamlTree t = YamlTree.parse("L:\n -\n   K: v\n - plain\n -\n - x: 1\n   y: 2\n");
        assertEquals(4, t.path("L").size());
        assertEquals("v", t.path("L", 0, "K").asString());
        assertEquals("plain", t.path("L", 1).asString());
        assertEquals("", t.path("L", 2).asString());
        assertEquals(2, t.path("L", 3, "y").asInt(-1));
    }

    @Test
    void truncatedMidLine() {
        String full = DOC.substring(0, DOC.indexOf("CarIdx: 3") + 5);
        YamlTree t = YamlTree.parse(full);
        assertEquals("spielberg gp", t.path("WeekendInfo", "TrackName").asString());
        YamlNode last = t.path("SessionInfo", "Sessions", 1, "ResultsPositions", 0);
        assertEquals(1, last.get("Position").asInt(-1));
        assertTrue(last.get("CarIdx").isMissing());
        for (int cut = 0; cut < DOC.length(); cut += 7) {
            YamlTree.parse(DOC.substring(0, cut));
        }
    }

    @Test
    void emptyAndNullInput() {
        assertEquals(0, YamlTree.parse("").root().size());
        assertEquals(0, YamlTree.parse(null).root().size());
        assertEquals(0, YamlTree.parse("---\n...\n").root().size());
        assertTrue(YamlTree.parse("").path("A", 0, "B").isMissing());
        assertEquals(null, YamlTree.parse("").path("A").asString());
    }

    @Test
    void malformedLinesAreSkippedWithWarnings() {
        YamlTree t = YamlTree.parse("A: 1\n  stray line\nB:\n - x: 1\n  - bad item\n   Deep: 2\nC: 3\n: nokey\n");
        assertEquals("1\nstray line", t.path("A").asString());
        assertEquals(3, t.path("C").asInt(-1));
        assertFalse(t.warnings().isEmpty());
        t.warnings().forEach(w -> assertTrue(w.startsWith("line ")));
    }

    @Test
    void deeplyNestedGarbageIsBounded() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            b.append(" ".repeat(i)).append("K").append(i).append(":\n");
        }
        for (int i = 0; i < 5000; i++) {
            b.append(" ".repeat(i % 200)).append("- ".repeat(i % 7)).append("x: y\n");
        }
        YamlTree t = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> YamlTree.parse(b.toString()));
        int depth = 0;
        for (YamlNode n = t.path("K0"); n.isMap(); n = n.get(n.keys().iterator().next())) {
            depth++;
        }
        assertTrue(depth < YamlParser.MAX_DEPTH, "depth " + depth);
        assertTrue(t.warnings().size() <= YamlParser.MAX_WARNINGS + 1);
    }

    @Test
    void megabyteOfRandomBytesFinishesFast() {
        Random r = new Random(42);
        byte[] raw = new byte[1 << 20];
        r.nextBytes(raw);
        byte[] noNul = raw.clone();
        for (int i = 0; i < noNul.length; i++) {
            if (noNul[i] == 0) {
                noNul[i] = '\n';
            } else if (i % 50 == 0) {
                noNul[i] = (byte) "\n :-".charAt(r.nextInt(4));
            }
        }
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            SessionInfoParser.parse(raw, false);
            SessionInfoParser.parse(raw, true);
            SessionInfo s = SessionInfoParser.parse(noNul, false);
            assertTrue(s.sessions().isEmpty());
            SessionInfoParser.parse(noNul, true);
            SessionInfoParser.parse(new String(noNul, java.nio.charset.StandardCharsets.ISO_8859_1));
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "4.28 km|4.28", "38.89 C|38.89", "-0.00 m|-0.0", "+0.05 deg|0.05",
            "48.14%|48.14", "600.0000 sec|600.0", "1.5e3 x|1500.0", "2e|2.0", "89C, 96C|89.0", ".5|0.5",
            "unlimited|NaN", "0xffffff|NaN", "-|NaN", "''|NaN", "km 4|NaN" })
    void asDoubleStripsUnits(String text, double expected) {
        assertEquals(expected, YamlNode.scalar(text).asDouble());
    }

    @Test
    void asIntAndFallbacks() {
        assertEquals(13000, YamlNode.scalar("13000.000").asInt(-1));
        assertEquals(-1, YamlNode.scalar("unlimited").asInt(-1));
        assertEquals(-1, YamlNode.scalar("1e20").asInt(-1));
        assertEquals(7, YamlNode.MISSING.asInt(7));
        assertTrue(Double.isNaN(YamlNode.MISSING.asDouble()));
        assertEquals("d", YamlNode.MISSING.asString("d"));
        assertTrue(YamlNode.scalar("1").asBoolean());
        assertFalse(YamlNode.scalar("0").asBoolean());
        assertTrue(YamlNode.MISSING.path("a", 1, 2.0).isMissing());
    }
}
