package org.pitbox.server.metrics;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

/**
 * The server's metrics: a small facade over a Micrometer Prometheus registry, which also carries the JVM's memory,
 * GC, thread, class-loading, CPU and uptime metrics. Register once, keep the returned object, update it from any
 * thread. Names are written as Prometheus shows them, e.g. {@code pitbox_frames_relayed_total}. Label values should
 * come from fixed sets; past {@link #MAX_SERIES} combinations per metric, new ones are counted under the values
 * {@value #OVERFLOW}, so no input can grow the registry without bound.
 */
public final class Metrics implements AutoCloseable {
    public static final int MAX_SERIES = 1000;
    public static final String OVERFLOW = "other";
    /** The buckets of {@link #timer}, in seconds: 5 ms to 10 s. */
    public static final double[] LATENCY_BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Set<String> names = ConcurrentHashMap.newKeySet();

    public Metrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** The series of one metric, one per combination of label values, capped at {@link #MAX_SERIES}. */
    private static final class Series<M> {
        private final String name;
        private final List<String> labels;
        private final Function<Tags, M> create;
        private final Map<List<String>, M> children = new ConcurrentHashMap<>();

        Series(String name, String[] labels, Function<Tags, M> create) {
            this.name = name;
            this.labels = List.of(labels);
            this.create = create;
            if (labels.length == 0) {
                get(); // an unlabelled metric reads 0 before its first event
            }
        }

        M get(String... values) {
            if (values.length != labels.size()) {
                throw new IllegalArgumentException(name + " expects label values for " + labels);
            }
            List<String> key = List.of(values);
            M m = children.get(key);
            if (m != null) {
                return m;
            }
            if (children.size() >= MAX_SERIES) {
                key = labels.stream().map(l -> OVERFLOW).toList();
            }
            return children.computeIfAbsent(key, k -> {
                Tags tags = Tags.empty();
                for (int i = 0; i < k.size(); i++) {
                    tags = tags.and(labels.get(i), k.get(i));
                }
                return create.apply(tags);
            });
        }

        M peek(String... values) {
            return children.get(List.of(values));
        }
    }

    /** A monotonically rising count, one per combination of label values. */
    public static final class Counter {
        private final Series<io.micrometer.core.instrument.Counter> series;

        private Counter(Series<io.micrometer.core.instrument.Counter> series) {
            this.series = series;
        }

        public void inc(String... labelValues) {
            add(1, labelValues);
        }

        public void add(long n, String... labelValues) {
            series.get(labelValues).increment(n);
        }

        public long get(String... labelValues) {
            io.micrometer.core.instrument.Counter c = series.peek(labelValues);
            return c == null ? 0 : (long) c.count();
        }
    }

    /** Counts of observations below bucket bounds, plus their sum and count. */
    public static final class Histogram {
        private final Series<DistributionSummary> series;

        private Histogram(Series<DistributionSummary> series) {
            this.series = series;
        }

        public void observe(double value, String... labelValues) {
            series.get(labelValues).record(value);
        }
    }

    /** Durations, shown in seconds with {@link #LATENCY_BUCKETS}. */
    public static final class Timer {
        private final Series<io.micrometer.core.instrument.Timer> series;

        private Timer(Series<io.micrometer.core.instrument.Timer> series) {
            this.series = series;
        }

        public void record(Duration duration, String... labelValues) {
            series.get(labelValues).record(duration);
        }

        /** Records the time since {@code startNanos}, a {@link System#nanoTime()} reading. */
        public void since(long startNanos, String... labelValues) {
            record(Duration.ofNanos(System.nanoTime() - startNanos), labelValues);
        }
    }

    public Counter counter(String name, String help, String... labelNames) {
        claim(name);
        return new Counter(new Series<>(name, labelNames,
                tags -> io.micrometer.core.instrument.Counter.builder(name).description(help).tags(tags)
                        .register(registry)));
    }

    public Histogram histogram(String name, String help, double[] buckets, String... labelNames) {
        claim(name);
        double[] bounds = buckets.clone();
        Arrays.sort(bounds);
        return new Histogram(new Series<>(name, labelNames, tags -> DistributionSummary.builder(name)
                .description(help).tags(tags).serviceLevelObjectives(bounds).register(registry)));
    }

    /** A latency metric; name it {@code ..._seconds}, e.g. {@code pitbox_http_request_duration_seconds}. */
    public Timer timer(String name, String help, String... labelNames) {
        claim(name);
        Duration[] bounds = Arrays.stream(LATENCY_BUCKETS).mapToObj(s -> Duration.ofNanos((long) (s * 1e9)))
                .toArray(Duration[]::new);
        return new Timer(new Series<>(name, labelNames, tags -> io.micrometer.core.instrument.Timer.builder(name)
                .description(help).tags(tags).serviceLevelObjectives(bounds).register(registry)));
    }

    /** A value read when the metrics are written, e.g. the number of live sessions. */
    public void gauge(String name, String help, DoubleSupplier value) {
        claim(name);
        Gauge.builder(name, value, DoubleSupplier::getAsDouble).description(help).strongReference(true)
                .register(registry);
    }

    /** The executor, wrapped so its tasks, queue and pool show as {@code executor_*} metrics named {@code name}. */
    public ScheduledExecutorService executor(String name, ScheduledExecutorService executor) {
        return ExecutorServiceMetrics.monitor(registry, executor, name);
    }

    /** The Micrometer registry, for binders (Jetty, HikariCP, ...). */
    public MeterRegistry registry() {
        return registry;
    }

    /** Everything in the Prometheus text format (version 0.0.4). */
    public String text() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }

    private void claim(String name) {
        if (!name.matches("[a-zA-Z_:][a-zA-Z0-9_:]*")) {
            throw new IllegalArgumentException("bad metric name " + name);
        }
        if (!names.add(name)) {
            throw new IllegalArgumentException("metric " + name + " is registered already");
        }
    }
}
