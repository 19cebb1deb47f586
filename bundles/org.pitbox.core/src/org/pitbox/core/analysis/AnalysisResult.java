package org.pitbox.core.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What an analysis found: a short text summary and its data. Build one with {@link #builder()}. */
public record AnalysisResult(String summary, List<Series> series, List<Marker> markers, List<Table> tables,
        List<Figure> figures) {

    public AnalysisResult {
        summary = Objects.requireNonNullElse(summary, "");
        series = List.copyOf(series);
        markers = List.copyOf(markers);
        tables = List.copyOf(tables);
        figures = List.copyOf(figures);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A figure by name, or null. */
    public Figure figure(String name) {
        return figures.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
    }

    /** A table by title, or null. */
    public Table table(String title) {
        return tables.stream().filter(t -> t.title().equals(title)).findFirst().orElse(null);
    }

    public static final class Builder {
        private String summary = "";
        private final List<Series> series = new ArrayList<>();
        private final List<Marker> markers = new ArrayList<>();
        private final List<Table> tables = new ArrayList<>();
        private final List<Figure> figures = new ArrayList<>();

        private Builder() {
        }

        public Builder summary(String text) {
            summary = text;
            return this;
        }

        public Builder series(Series s) {
            series.add(s);
            return this;
        }

        public Builder marker(Marker m) {
            markers.add(m);
            return this;
        }

        public Builder table(Table t) {
            tables.add(t);
            return this;
        }

        public Builder figure(String name, double value, String unit) {
            figures.add(new Figure(name, value, unit));
            return this;
        }

        public AnalysisResult build() {
            return new AnalysisResult(summary, series, markers, tables, figures);
        }
    }
}
