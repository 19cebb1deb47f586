package org.pitbox.core.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.core.sim.SimulatedRecording;
import org.pitbox.core.telemetry.Frame;

class ExpressionTest {
    private static final double EPS = 1e-9;
    private static final TinyRecording REC = new TinyRecording(new double[] {0, 0.1, 0.2, 0.2, 0.4},
            new double[] {10, 20, 40, 40, 30}, new int[] {1, 2, 3, 3, 0});

    private static double[] eval(String text) {
        return Expression.parse(text).evaluate(REC);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "1 + 2 * 3; 7", "(1 + 2) * 3; 9", "2 ^ 3 ^ 2; 512", "-2 ^ 2; -4", "2 ^ -1; 0.5", "10 - 4 - 3; 3",
        "8 / 4 / 2; 1", "- -3; 3", "1.5e2 + .5; 150.5", "3 > 2; 1", "3 < 2; 0", "2 <= 2; 1", "2 >= 3; 0",
        "2 == 2; 1", "2 != 2; 0", "1 && 0; 0", "1 || 0; 1", "0 / 0 || 0; 0", "abs(-3); 3", "sqrt(16); 4",
        "min(3, 1, 2); 1", "max(0, -4); 0", "clamp(5, 0, 2); 2", "clamp(-5, 0, 2); 0", "if(1 > 2, 10, 20); 20",
        "1 + 2 == 3; 1"})
    void constants(String text, double expected) {
        assertEquals(expected, eval(text)[0], EPS, text);
    }

    @Test
    void channelsAndArithmetic() {
        assertArrayEquals(new double[] {36, 72, 144, 144, 108}, eval("Speed * 3.6"), 1e-4);
        assertArrayEquals(new double[] {0, 0, 1, 1, 0}, eval("Gear == 3"), EPS);
        assertArrayEquals(new double[] {0, 0, 0, 0, 1}, eval("OnPitRoad"), EPS);
        assertArrayEquals(new double[] {0.4, 0.5, 0.7, 0.7, 0.6}, eval("CarIdxLapDistPct[3]"), 1e-6);
        assertArrayEquals(new double[] {0.1, 0.2, 0.4, 0.4, 0.3}, eval("CarIdxLapDistPct"), 1e-6);
        assertArrayEquals(new double[] {11, 22, 43, 43, 30}, eval("if(Gear > 0, Speed + Gear, Speed)"), 1e-6);
    }

    @Test
    void prevAndDerivative() {
        assertArrayEquals(new double[] {10, 10, 20, 40, 40}, eval("prev(Speed)"), 1e-6);
        // 0 at the start, then per second; time stands still at row 3, so the rate is held
        assertArrayEquals(new double[] {0, 100, 200, 200, -50}, eval("d(Speed)"), 1e-4);
        assertArrayEquals(new double[] {0, 100, 200, 200, -50}, eval("if(Gear > 5, 0, d(Speed))"), 1e-4,
                "d sees every sample inside if");
    }

    @Test
    void liveFramesKeepState() {
        Expression.Live live = Expression.parse("d(Speed) + prev(Gear)").live(TinyRecording.LAYOUT, 10);
        assertEquals(1, live.update(TinyRecording.frame(0, 10, 1, 0)), 1e-4);
        assertEquals(101, live.update(TinyRecording.frame(0.1, 20, 2, 1)), 1e-4);
        Frame f = TinyRecording.frame(0.3, 60, 3, 3);
        assertEquals(202, live.update(f), 1e-4);
    }

    @Test
    void errorsNameTheColumn() {
        ExpressionException e = assertThrows(ExpressionException.class, () -> eval("Sped * 3.6"));
        assertEquals("unknown channel 'Sped' at column 1; did you mean 'Speed'?", e.getMessage());
        assertEquals(1, e.column());
        e = assertThrows(ExpressionException.class, () -> eval("1 + ab(Speed)"));
        assertEquals("unknown function 'ab' at column 5; did you mean 'abs'?", e.getMessage());
        e = assertThrows(ExpressionException.class, () -> eval("(1 + 2"));
        assertEquals("expected ')' at column 7", e.getMessage());
        e = assertThrows(ExpressionException.class, () -> eval("1 + * 2"));
        assertEquals(5, e.column());
        e = assertThrows(ExpressionException.class, () -> eval("clamp(1, 2)"));
        assertEquals("clamp takes 3 arguments, got 2 at column 1", e.getMessage());
        e = assertThrows(ExpressionException.class, () -> eval("CarIdxLapDistPct[4]"));
        assertEquals("channel 'CarIdxLapDistPct' has 4 elements, no element 4 at column 1", e.getMessage());
        e = assertThrows(ExpressionException.class, () -> eval("Speed 3"));
        assertEquals("unexpected '3' at column 7", e.getMessage());
        e = assertThrows(ExpressionException.class, () -> eval("   "));
        assertEquals("empty expression at column 1", e.getMessage());
        e = assertThrows(ExpressionException.class, () -> eval("xyzzy"));
        assertEquals("unknown channel 'xyzzy' at column 1", e.getMessage());
    }

    @Test
    void listsChannels() {
        assertEquals(Set.of("LFtempCL", "LFtempCM", "LFtempCR"),
                Expression.parse("(LFtempCL + LFtempCM + LFtempCR) / 3").channels());
    }

    @Test
    void examplesFromTheIssueOnASimulatedSession() {
        SimulatedRecording r = SimulatedRecording.run(SimOptions.defaults().withLaps(1));
        for (String text : List.of("Speed * 3.6", "Throttle - Brake", "abs(SteeringWheelAngle) * 57.3",
                "(LFtempCL + LFtempCM + LFtempCR) / 3", "max(0, LongAccel)", "Gear == 3", "d(Speed)")) {
            double[] v = Expression.parse(text).evaluate(r);
            assertEquals(r.recordCount(), v.length);
        }
        double[] kph = Expression.parse("Speed * 3.6").evaluate(r);
        double[] speed = r.column("Speed");
        for (int i = 0; i < speed.length; i += 97) {
            assertEquals(speed[i] * 3.6, kph[i], 1e-9);
        }
        double[] accel = Expression.parse("d(Speed)").evaluate(r);
        double[] longAccel = r.column("LongAccel");
        int mid = r.recordCount() / 2;
        assertTrue(Math.abs(accel[mid] - longAccel[mid]) < 5, accel[mid] + " vs " + longAccel[mid]);
    }

    @Test
    void quickTimingOfAnHourLongColumn() {
        SimulatedRecording r = SimulatedRecording.run(SimOptions.defaults().withLaps(3));
        Expression e = Expression.parse("(LFtempCL + LFtempCM + LFtempCR) / 3 + d(Speed) * if(Gear == 3, 1, 0)");
        double[] out = new double[r.recordCount()];
        int rows = 0;
        long start = System.nanoTime();
        while (rows < 216_000) {
            e.evaluate(r, out);
            rows += r.recordCount();
        }
        System.out.printf("math channel: %d rows in %.1f ms%n", rows, (System.nanoTime() - start) / 1e6);
    }
}
