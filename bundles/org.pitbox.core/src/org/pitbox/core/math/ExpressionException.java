package org.pitbox.core.math;

/** A math expression that does not parse or names something unknown; the message gives the column. */
public final class ExpressionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int column;

    ExpressionException(String message, int column) {
        this(message, column, "");
    }

    /** @param hint appended after the column, such as "; did you mean 'Speed'?" */
    ExpressionException(String message, int column, String hint) {
        super(message + " at column " + column + hint);
        this.column = column;
    }

    /** 1-based column in the expression text. */
    public int column() {
        return column;
    }
}
