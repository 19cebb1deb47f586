package org.pitbox.voice.engine;

import java.util.Locale;

/**
 * How readily Sphinx4 takes the driver's speech for a command: its margin over the free phone loop moved by
 * {@link #marginShift()} per 10 ms frame. The default suits most voices; a voice PitBox often misses is better
 * served by {@link #RELAXED}, a voice whose remarks it takes for commands by {@link #STRICT}. Check either with
 * {@code voice-eval --dir} on the driver's own recordings.
 */
public enum Strictness {
    STRICT(2000, "Strict: fewer remarks taken for commands"),
    NORMAL(0, "Normal"),
    RELAXED(-2000, "Relaxed: for a voice PitBox often misses");

    private final double marginShift;
    private final String label;

    Strictness(double marginShift, String label) {
        this.marginShift = marginShift;
        this.label = label;
    }

    public double marginShift() {
        return marginShift;
    }

    public String label() {
        return label;
    }

    /** The strictness named (any case), or {@link #NORMAL} for a name it does not know. */
    public static Strictness named(String name) {
        for (Strictness s : values()) {
            if (s.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return s;
            }
        }
        return NORMAL;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
