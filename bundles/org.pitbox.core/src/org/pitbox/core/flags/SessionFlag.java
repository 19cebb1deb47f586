package org.pitbox.core.flags;

import java.util.Set;

/** The bits of iRacing's {@code SessionFlags} ({@code irsdk_Flags}), with the words an engineer reads. */
public enum SessionFlag implements BitFlag {
    CHECKERED(0x1, "checkered"), WHITE(0x2, "white"), GREEN(0x4, "green"), YELLOW(0x8, "yellow"), RED(0x10, "red"),
    BLUE(0x20, "blue"), DEBRIS(0x40, "debris"), CROSSED(0x80, "crossed"), YELLOW_WAVING(0x100, "yellow waving"),
    ONE_LAP_TO_GREEN(0x200, "one lap to green"), GREEN_HELD(0x400, "green held"), TEN_TO_GO(0x800, "ten to go"),
    FIVE_TO_GO(0x1000, "five to go"), RANDOM_WAVING(0x2000, "random waving"), CAUTION(0x4000, "caution"),
    CAUTION_WAVING(0x8000, "caution waving"), BLACK(0x10000, "black"), DISQUALIFY(0x20000, "disqualified"),
    SERVICEABLE(0x40000, "serviceable"), FURLED(0x80000, "furled"), REPAIR(0x100000, "repair"),
    SCORING_INVALID(0x200000, "scoring invalid"), START_HIDDEN(0x10000000, "start hidden"),
    START_READY(0x20000000, "start ready"), START_SET(0x40000000, "start set"), START_GO(0x80000000L, "start go");

    private final long bit;
    private final String label;

    SessionFlag(long bit, String label) {
        this.bit = bit;
        this.label = label;
    }

    @Override
    public long bit() {
        return bit;
    }

    /** Lower-case words, such as "yellow waving". */
    public String label() {
        return label;
    }

    /** The flags set in {@code bits}; unknown bits are ignored. */
    public static Set<SessionFlag> decode(long bits) {
        return BitFlag.decode(SessionFlag.class, bits);
    }
}
