package org.pitbox.core.live;

/**
 * A readout's text, rebuilt only when its value at the shown precision changes, so a paint at display rate
 * allocates only when the figure on screen changes.
 */
public final class CachedText {
    private final StringBuilder buffer = new StringBuilder(16);
    private long key = Long.MIN_VALUE;
    private String text = "--";

    /** The cached text when {@code newKey} is the one it was built for; else null and the caller builds it. */
    public String lookup(long newKey) {
        return newKey == key ? text : null;
    }

    /** An empty buffer for building the text of {@code newKey}. */
    public StringBuilder start(long newKey) {
        key = newKey;
        buffer.setLength(0);
        return buffer;
    }

    /** Keeps what was built since {@link #start(long)}. */
    public String finish() {
        text = buffer.toString();
        return text;
    }

    /** Appends {@code scaled} / 10^decimals with exactly {@code decimals} places. */
    static void fixed(StringBuilder b, long scaled, int decimals) {
        long scale = decimals == 0 ? 1 : decimals == 1 ? 10 : decimals == 2 ? 100 : 1000;
        b.append(scaled / scale);
        if (decimals > 0) {
            b.append('.');
            long fraction = scaled % scale;
            for (long s = scale / 10; s > fraction && s > 1; s /= 10) {
                b.append('0');
            }
            b.append(fraction);
        }
    }
}
