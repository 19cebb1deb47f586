package org.pitbox.core.math;

import java.util.Objects;

/**
 * A user's derived channel.
 *
 * @param name       shown name; no '=', '#' at the start or line breaks
 * @param expression the expression text, see {@link Expression}
 * @param unit       unit text, may be empty; no brackets or line breaks
 */
public record MathChannel(String name, String expression, String unit) {

    public MathChannel {
        name = Objects.requireNonNull(name, "name").strip();
        expression = Objects.requireNonNull(expression, "expression").strip();
        unit = unit == null ? "" : unit.strip();
        if (name.isEmpty() || name.contains("=") || name.startsWith("#") || breaks(name)) {
            throw new IllegalArgumentException("bad math channel name: '" + name + "'");
        }
        if (expression.isEmpty() || breaks(expression)) {
            throw new IllegalArgumentException(name + ": bad expression");
        }
        if (unit.contains("[") || unit.contains("]") || breaks(unit)) {
            throw new IllegalArgumentException(name + ": bad unit '" + unit + "'");
        }
    }

    /** @throws ExpressionException when the expression does not parse */
    public Expression compile() {
        return Expression.parse(expression);
    }

    private static boolean breaks(String s) {
        return s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
    }
}
