package org.pitbox.core.flags;

import java.util.Set;

/** The bits of iRacing's {@code EngineWarnings} ({@code irsdk_EngineWarnings}), with readable words. */
public enum EngineWarning implements BitFlag {
    WATER_TEMP(0x1, "water temperature"), FUEL_PRESSURE(0x2, "fuel pressure"), OIL_PRESSURE(0x4, "oil pressure"),
    ENGINE_STALLED(0x8, "engine stalled"), PIT_LIMITER(0x10, "pit limiter"), REV_LIMITER(0x20, "rev limiter"),
    OIL_TEMP(0x40, "oil temperature"), REPAIR_NEEDED(0x80, "repair needed"),
    OPTIONAL_REPAIR(0x100, "optional repair");

    private final long bit;
    private final String label;

    EngineWarning(long bit, String label) {
        this.bit = bit;
        this.label = label;
    }

    @Override
    public long bit() {
        return bit;
    }

    public String label() {
        return label;
    }

    /** The warnings set in {@code bits}; unknown bits are ignored. */
    public static Set<EngineWarning> decode(long bits) {
        return BitFlag.decode(EngineWarning.class, bits);
    }
}
