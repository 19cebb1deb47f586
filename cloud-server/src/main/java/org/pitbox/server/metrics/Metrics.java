package org.pitbox.server.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;

/**
 * A tiny metrics registry written out in the Prometheus text format (version 0.0.4). Register once, keep the
 * returned object, update it from any thread. Names follow Prometheus rules, e.g. {@code pitbox_frames_relayed_total}.
 * Label values should come from fixed sets; past {@link #MAX_SERIES} combinations per metric, new ones are counted
 * under the values {@value #OVERFLOW}, so no input can grow the registry without bound.
 */
public final class Metrics {
    public static final int MAX_SERIES = 1000;
    public static final String OVERFLOW = "other";

    private final Map<String, Metric> metrics = new ConcurrentSkipListMap<>();

    private interface Metric {
        void write(StringBuilder out);
    }

    /** A monotonically rising count, one per combination of label values. */
    public static final class Counter implements Metric {
        private final String name;
        private final String help;
        private final List<String> labels;
        private final Map<List<String>, LongAdder> children = new ConcurrentHashMap<>();

        private Counter(String name, String help, List<String> labels) {
            this.name = name;
            this.help = help;
            this.labels = labels;
            if (labels.isEmpty()) {
                children.put(List.of(), new LongAdder()); // an unlabelled counter reads 0 before its first event
            }
        }

        public void inc(String... labelValues) {
            add(1, labelValues);
        }

        public void add(long n, String... labelValues) {
            children.computeIfAbsent(key(labels, labelValues, children), k -> new LongAdder()).add(n);
        }

        public long get(String... labelValues) {
            LongAdder a = children.get(List.of(labelValues));
            return a == null ? 0 : a.sum();
        }

        @Override
        public void write(StringBuilder out) {
            header(out, name, help, "counter");
            children.forEach((values, v) -> sample(out, name, labels, values, "", "", v.sum()));
        }
    }

    /** Counts of observations below bucket bounds, plus their sum and count. */
    public static final class Histogram implements Metric {
        private final String name;
        private final String help;
        private final List<String> labels;
        private final double[] bounds;
        private final Map<List<String>, long[]> counts = new ConcurrentHashMap<>();
        private final Map<List<String>, double[]> sums = new ConcurrentHashMap<>();

        private Histogram(String name, String help, List<String> labels, double[] bounds) {
            this.name = name;
            this.help = help;
            this.labels = labels;
            this.bounds = bounds.clone();
            Arrays.sort(this.bounds);
        }

        public void observe(double value, String... labelValues) {
            List<String> key = key(labels, labelValues, counts);
            long[] c = counts.computeIfAbsent(key, k -> new long[bounds.length + 1]);
            double[] s = sums.computeIfAbsent(key, k -> new double[1]);
            synchronized (c) {
                for (int i = 0; i < bounds.length; i++) {
                    if (value <= bounds[i]) {
                        c[i]++;
                    }
                }
                c[bounds.length]++;
                s[0] += value;
            }
        }

        @Override
        public void write(StringBuilder out) {
            header(out, name, help, "histogram");
            counts.forEach((values, c) -> {
                synchronized (c) {
                    for (int i = 0; i < bounds.length; i++) {
                        sample(out, name + "_bucket", labels, values, "le", number(bounds[i]), c[i]);
                    }
                    sample(out, name + "_bucket", labels, values, "le", "+Inf", c[bounds.length]);
                    sample(out, name + "_sum", labels, values, "", "", sums.get(values)[0]);
                    sample(out, name + "_count", labels, values, "", "", c[bounds.length]);
                }
            });
        }
    }

    public Counter counter(String name, String help, String... labelNames) {
        return register(name, new Counter(name, help, List.of(labelNames)));
    }

    public Histogram histogram(String name, String help, double[] buckets, String... labelNames) {
        return register(name, new Histogram(name, help, List.of(labelNames), buckets));
    }

    /** A value read when the metrics are written, e.g. the number of live sessions. */
    public void gauge(String name, String help, DoubleSupplier value) {
        register(name, out -> {
            header(out, name, help, "gauge");
            sample(out, name, List.of(), List.of(), "", "", value.getAsDouble());
        });
    }

    /** Everything in the Prometheus text format. */
    public String text() {
        StringBuilder out = new StringBuilder();
        metrics.values().forEach(m -> m.write(out));
        return out.toString();
    }

    private <T extends Metric> T register(String name, T metric) {
        if (!name.matches("[a-zA-Z_:][a-zA-Z0-9_:]*")) {
            throw new IllegalArgumentException("bad metric name " + name);
        }
        if (metrics.putIfAbsent(name, metric) != null) {
            throw new IllegalArgumentException("metric " + name + " is registered already");
        }
        return metric;
    }

    /** The series of these label values, or the overflow series when the metric has too many already. */
    private static List<String> key(List<String> labels, String[] values, Map<List<String>, ?> series) {
        if (values.length != labels.size()) {
            throw new IllegalArgumentException("expected label values for " + labels);
        }
        List<String> key = List.of(values);
        if (series.size() < MAX_SERIES || series.containsKey(key)) {
            return key;
        }
        return labels.stream().map(l -> OVERFLOW).toList();
    }

    private static void header(StringBuilder out, String name, String help, String type) {
        out.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n"))
                .append('\n').append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void sample(StringBuilder out, String name, List<String> labels, List<String> values,
            String extraLabel, String extraValue, double value) {
        out.append(name);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            parts.add(labels.get(i) + "=\"" + escape(values.get(i)) + "\"");
        }
        if (!extraLabel.isEmpty()) {
            parts.add(extraLabel + "=\"" + extraValue + "\"");
        }
        if (!parts.isEmpty()) {
            out.append('{').append(String.join(",", parts)).append('}');
        }
        out.append(' ').append(number(value)).append('\n');
    }

    private static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%s", v);
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
