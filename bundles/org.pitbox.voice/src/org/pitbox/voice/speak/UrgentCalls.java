package org.pitbox.voice.speak;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.pitbox.core.flags.EngineWarning;
import org.pitbox.core.flags.SessionFlag;
import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.Frame;

/**
 * The calls PitBox makes on its own, urgently, from live frames: a flag shown (yellow, red, black, white,
 * checkered, green after a caution), on pit road for {@link #LIMITER_SECONDS} without the pit limiter, and fuel
 * for less than {@link #CRITICAL_LAPS} laps (said once, again after a refuel). The feed's thread calls it.
 */
public final class UrgentCalls {
    static final double LIMITER_SECONDS = 1;
    static final double CRITICAL_LAPS = 1.5;
    private static final Set<SessionFlag> CALLED = EnumSet.of(SessionFlag.YELLOW, SessionFlag.YELLOW_WAVING,
            SessionFlag.CAUTION, SessionFlag.CAUTION_WAVING, SessionFlag.RED, SessionFlag.BLACK, SessionFlag.WHITE,
            SessionFlag.CHECKERED, SessionFlag.GREEN);

    private ChannelLayout layout;
    private ChannelDescriptor flags;
    private ChannelDescriptor warnings;
    private ChannelDescriptor pitRoad;
    private ChannelDescriptor time;
    private Set<SessionFlag> shown = EnumSet.noneOf(SessionFlag.class);
    private boolean caution;
    private double pitRoadSince = Double.NaN;
    private boolean limiterCalled;
    private boolean fuelCalled;

    /** The calls this frame makes, given the laps of fuel left now (NaN when unknown). */
    public List<String> update(Frame frame, double lapsOfFuel) {
        if (frame.layout() != layout) {
            layout = frame.layout();
            flags = layout.find("SessionFlags").orElse(null);
            warnings = layout.find("EngineWarnings").orElse(null);
            pitRoad = layout.find("OnPitRoad").orElse(null);
            time = layout.find("SessionTime").orElse(null);
            shown = EnumSet.noneOf(SessionFlag.class);
        }
        List<String> calls = new ArrayList<>();
        flags(frame, calls);
        limiter(frame, calls);
        if (lapsOfFuel < CRITICAL_LAPS && !fuelCalled) {
            fuelCalled = true;
            calls.add(String.format(Locale.ROOT, "Fuel critical: %.1f laps left. Box this lap.", lapsOfFuel));
        } else if (lapsOfFuel >= CRITICAL_LAPS + 1) {
            fuelCalled = false;
        }
        return calls;
    }

    private void flags(Frame frame, List<String> calls) {
        if (flags == null) {
            return;
        }
        Set<SessionFlag> now = EnumSet.noneOf(SessionFlag.class);
        now.addAll(SessionFlag.decode((long) frame.value(flags, 0) & 0xFFFFFFFFL));
        now.retainAll(CALLED);
        for (SessionFlag f : now) {
            if (!shown.contains(f)) {
                String call = call(f);
                if (call != null && calls.stream().noneMatch(call::equals)) {
                    calls.add(call);
                }
            }
        }
        boolean yellow = now.contains(SessionFlag.YELLOW) || now.contains(SessionFlag.YELLOW_WAVING)
                || now.contains(SessionFlag.CAUTION) || now.contains(SessionFlag.CAUTION_WAVING);
        caution = yellow || caution && !now.contains(SessionFlag.GREEN);
        shown = now;
    }

    private String call(SessionFlag f) {
        return switch (f) {
            case YELLOW, YELLOW_WAVING -> "Yellow flag.";
            case CAUTION, CAUTION_WAVING -> "Full course caution.";
            case RED -> "Red flag, red flag.";
            case BLACK -> "Black flag: you are called to the pits.";
            case WHITE -> "White flag: last lap.";
            case CHECKERED -> "Checkered flag.";
            case GREEN -> caution ? "Green, green, green." : null;
            default -> null;
        };
    }

    private void limiter(Frame frame, List<String> calls) {
        if (pitRoad == null || warnings == null || time == null) {
            return;
        }
        boolean onPitRoad = frame.value(pitRoad, 0) != 0;
        boolean limiter = EngineWarning.decode((long) frame.value(warnings, 0)).contains(EngineWarning.PIT_LIMITER);
        double t = frame.value(time, 0);
        if (!onPitRoad) {
            pitRoadSince = Double.NaN;
            limiterCalled = false;
            return;
        }
        if (Double.isNaN(pitRoadSince)) {
            pitRoadSince = t;
        }
        if (!limiter && !limiterCalled && t - pitRoadSince >= LIMITER_SECONDS) {
            limiterCalled = true;
            calls.add("Pit limiter!");
        }
    }
}
