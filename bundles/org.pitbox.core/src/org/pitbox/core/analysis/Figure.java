package org.pitbox.core.analysis;

import java.util.Objects;

/** One key number, such as the theoretical best lap in seconds; NaN when the session cannot tell. */
public record Figure(String name, double value, String unit) {

    public Figure {
        Objects.requireNonNull(name, "name");
        unit = Objects.requireNonNullElse(unit, "");
    }
}
