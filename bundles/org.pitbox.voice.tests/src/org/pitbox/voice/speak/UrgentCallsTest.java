package org.pitbox.voice.speak;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pitbox.core.flags.EngineWarning;
import org.pitbox.core.flags.SessionFlag;
import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.ChannelType;
import org.pitbox.core.telemetry.Frame;

class UrgentCallsTest {
    private final ChannelLayout layout = ChannelLayout.packed(List.of(
            new ChannelDescriptor("SessionTime", ChannelType.DOUBLE, 1, false, "s", "", 0),
            new ChannelDescriptor("SessionFlags", ChannelType.BITFIELD, 1, false, "", "", 0),
            new ChannelDescriptor("EngineWarnings", ChannelType.BITFIELD, 1, false, "", "", 0),
            new ChannelDescriptor("OnPitRoad", ChannelType.BOOL, 1, false, "", "", 0)));
    private final Frame frame = new Frame(layout);
    private final UrgentCalls calls = new UrgentCalls();

    private List<String> at(double time, long flags, boolean pitRoad, long warnings, double lapsOfFuel) {
        frame.row().putDouble(layout.require("SessionTime").offsetOf(0), time);
        frame.row().putInt(layout.require("SessionFlags").offsetOf(0), (int) flags);
        frame.row().putInt(layout.require("EngineWarnings").offsetOf(0), (int) warnings);
        frame.row().put(layout.require("OnPitRoad").offsetOf(0), (byte) (pitRoad ? 1 : 0));
        return calls.update(frame, lapsOfFuel);
    }

    @Test
    void flagsAreCalledWhenTheyAreShown() {
        long green = SessionFlag.GREEN.bit();
        assertEquals(List.of(), at(0, green, false, 0, 10), "green at the start is no call");
        assertEquals(List.of("Yellow flag."), at(1, green | SessionFlag.YELLOW_WAVING.bit(), false, 0, 10));
        assertEquals(List.of(), at(2, green | SessionFlag.YELLOW_WAVING.bit(), false, 0, 10), "said once");
        assertEquals(List.of(), at(3, 0, false, 0, 10));
        assertEquals(List.of("Green, green, green."), at(4, green, false, 0, 10), "green after a yellow");
        assertEquals(List.of("White flag: last lap."), at(5, green | SessionFlag.WHITE.bit(), false, 0, 10));
        assertEquals(List.of("Checkered flag."), at(6, SessionFlag.CHECKERED.bit(), false, 0, 10));
    }

    @Test
    void pitRoadWithoutTheLimiterIsCalledOncePerVisit() {
        long limiter = EngineWarning.PIT_LIMITER.bit();
        assertEquals(List.of(), at(10, 0, true, 0, 10), "just on pit road");
        assertEquals(List.of("Pit limiter!"), at(11.2, 0, true, 0, 10));
        assertEquals(List.of(), at(12, 0, true, 0, 10), "said once");
        at(20, 0, false, 0, 10);
        at(30, 0, true, limiter, 10);
        assertEquals(List.of(), at(32, 0, true, limiter, 10), "limiter on");
    }

    @Test
    void fuelCriticalIsCalledOnceUntilARefuel() {
        assertEquals(List.of(), at(0, 0, false, 0, Double.NaN), "unknown fuel is no call");
        assertEquals(List.of(), at(1, 0, false, 0, 2));
        assertEquals(List.of("Fuel critical: 1.4 laps left. Box this lap."), at(2, 0, false, 0, 1.4));
        assertEquals(List.of(), at(3, 0, false, 0, 1.0), "said once");
        at(4, 0, false, 0, 12);
        assertEquals(1, at(5, 0, false, 0, 1.2).size(), "again after a refuel");
    }
}
