package org.pitbox.core.math;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.pitbox.core.telemetry.ChannelLayout;

/**
 * What is wrong with a math channel being typed, for a dialog that validates as the user types: the field,
 * a sentence, and for the expression the 1-based column of the problem (0 when it has none).
 *
 * @param field   the field to fix
 * @param message what is wrong, in words for the user
 * @param column  1-based column in the expression, 0 when the problem is not at one place
 */
public record MathChannelCheck(Field field, String message, int column) {
    /** The fields of a math channel. */
    public enum Field {
        NAME, EXPRESSION, UNIT
    }

    /**
     * Checks a math channel before it is saved.
     *
     * @param layout   the channels the expression may use; null checks the syntax only
     * @param reserved names a math channel may not take (recorded channels, "Delta")
     * @param existing the user's math channels
     * @param editing  the name of the channel being edited (it may keep its name), null for a new one
     * @return the first problem, empty when the channel can be saved
     */
    public static Optional<MathChannelCheck> of(String name, String expression, String unit, ChannelLayout layout,
            Collection<String> reserved, List<MathChannel> existing, String editing) {
        String n = name == null ? "" : name.strip();
        String e = expression == null ? "" : expression.strip();
        String u = unit == null ? "" : unit.strip();
        if (n.isEmpty()) {
            return problem(Field.NAME, "Give the channel a name, such as SpeedKmh.", 0);
        }
        if (n.contains("=") || n.startsWith("#") || n.indexOf('\n') >= 0 || n.indexOf('\r') >= 0) {
            return problem(Field.NAME, "A name cannot contain '=' or start with '#'.", 0);
        }
        if (reserved.contains(n) || layout != null && layout.find(n).isPresent()) {
            return problem(Field.NAME, "'" + n + "' is a recorded channel; pick another name.", 0);
        }
        if (!n.equals(editing) && MathChannels.find(existing, n) >= 0) {
            return problem(Field.NAME, "There is a math channel named '" + n + "' already.", 0);
        }
        if (e.isEmpty()) {
            return problem(Field.EXPRESSION, "Type an expression, such as Speed * 3.6 or Throttle - Brake.", 0);
        }
        try {
            // parsed as typed, so the columns match what the user sees
            Expression parsed = Expression.parse(expression);
            if (layout != null) {
                parsed.check(layout);
            }
        } catch (ExpressionException x) {
            return problem(Field.EXPRESSION, x.getMessage(), x.column());
        }
        if (u.contains("[") || u.contains("]") || u.indexOf('\n') >= 0) {
            return problem(Field.UNIT, "A unit cannot contain brackets.", 0);
        }
        return Optional.empty();
    }

    private static Optional<MathChannelCheck> problem(Field field, String message, int column) {
        return Optional.of(new MathChannelCheck(field, message, column));
    }
}
