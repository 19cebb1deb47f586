package org.pitbox.server.db;

import java.sql.SQLException;

/** A database error the caller cannot handle; answered with 500 and logged without parameters. */
public final class DataAccessException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DataAccessException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    /** True when a unique or primary key constraint refused the row (SQLState 23505 in H2 and PostgreSQL). */
    public boolean isDuplicateKey() {
        return "23505".equals(sqlState());
    }

    /** True when a constraint refused the row: key, foreign key, not null, check (SQLState class 23). */
    public boolean isConstraintViolation() {
        return sqlState().startsWith("23");
    }

    /** True when a value does not fit its column: too long, out of range (SQLState class 22). */
    public boolean isDataError() {
        return sqlState().startsWith("22");
    }

    /** The five-character SQLState, or "" when the driver gave none. */
    public String sqlState() {
        String state = ((SQLException) getCause()).getSQLState();
        return state == null ? "" : state;
    }
}
