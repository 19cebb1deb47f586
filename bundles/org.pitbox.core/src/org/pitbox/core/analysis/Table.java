package org.pitbox.core.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Rows of values under titled columns. A cell is a {@link String}, a {@link Double} (in the column's unit;
 * NaN for no value) or {@code null} for an empty cell. Build one with {@link #builder(String)}.
 */
public record Table(String title, List<Column> columns, List<List<Object>> rows) {

    /** A column heading and the unit of its numbers (may be empty). */
    public record Column(String name, String unit) {
        public Column {
            Objects.requireNonNull(name, "name");
            unit = Objects.requireNonNullElse(unit, "");
        }
    }

    public Table {
        Objects.requireNonNull(title, "title");
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("table " + title + ": row of " + row.size() + " cells under "
                        + columns.size() + " columns");
            }
            for (Object cell : row) {
                if (cell != null && !(cell instanceof String) && !(cell instanceof Double)) {
                    throw new IllegalArgumentException("table " + title + ": cell " + cell + " is a "
                            + cell.getClass().getSimpleName() + ", not a String or Double");
                }
            }
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
    }

    public static Builder builder(String title) {
        return new Builder(title);
    }

    /** Collects columns, then rows; numbers of any type become Doubles. */
    public static final class Builder {
        private final String title;
        private final List<Column> columns = new ArrayList<>();
        private final List<List<Object>> rows = new ArrayList<>();

        private Builder(String title) {
            this.title = title;
        }

        public Builder column(String name, String unit) {
            columns.add(new Column(name, unit));
            return this;
        }

        public Builder row(Object... cells) {
            rows.add(Arrays.stream(cells).map(c -> c instanceof Number n ? (Object) n.doubleValue() : c).toList());
            return this;
        }

        public Table build() {
            return new Table(title, columns, rows);
        }
    }
}
