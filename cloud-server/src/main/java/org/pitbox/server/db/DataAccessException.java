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
        return "23505".equals(((SQLException) getCause()).getSQLState());
    }
}
