package org.pitbox.core.analysis;

import java.util.Objects;

/**
 * An event on a lap: at lap distance {@code pct} (0..1) of lap {@code lap}, a {@code label} such as
 * "T3 brake" and a value with its unit (NaN when the label says it all).
 */
public record Marker(int lap, double pct, String label, double value, String unit) {

    public Marker {
        Objects.requireNonNull(label, "label");
        unit = Objects.requireNonNullElse(unit, "");
    }
}
