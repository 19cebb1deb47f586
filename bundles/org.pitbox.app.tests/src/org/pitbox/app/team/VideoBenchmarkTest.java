package org.pitbox.app.team;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pitbox.app.team.DemoServerProcess.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pitbox.app.live.EngineerLive;
import org.pitbox.app.live.LiveBoard;
import org.pitbox.video.EncodedVideo;
import org.pitbox.video.FrameSource;
import org.pitbox.video.H264Decoder;
import org.pitbox.video.H264Encoder;
import org.pitbox.video.ScreenCapture;
import org.pitbox.video.VideoPicture;
import org.pitbox.video.VideoPipeline;
import org.pitbox.video.VideoSettings;
import org.pitbox.video.VideoStats;

/**
 * {@code ./pitbox benchmark video} (which sets {@code -Dpitbox.benchmark=true}): a minute of the driver's video
 * ({@code -Dpitbox.benchmark.seconds} to change) of a {@link RacingWindow} drawn 60 times a second and captured with
 * x11grab, encoded by the real pipeline: at 720p30 and 2 Mbit/s and at 480p15 and 1 Mbit/s, the bitrate over the
 * minute and its worst 1 s and 5 s windows against the cap, PSNR-Y, capture and encode per picture, dropped pictures
 * and the capture and encoder threads' CPU share; then 720p30 again through {@link TeamSession} with the
 * simulator's telemetry streaming to a real server (the demo server's jar) and an engineer decoding, for the
 * driver's cost with the simulator running and glass-to-glass: from drawn to decoded, by the picture number read
 * back. The figures go to {@code target/benchmarks/video.txt}; nothing is asserted but that pictures came. Too long
 * for CI.
 */
@EnabledIfSystemProperty(named = "pitbox.benchmark", matches = "true", disabledReason = "a benchmark of some"
        + " minutes: ./pitbox benchmark video")
class VideoBenchmarkTest {
    @RegisterExtension
    static final DemoServerExtension SERVER = new DemoServerExtension("video-benchmark");
    private static final int X = 40;
    private static final int Y = 40;
    /** Every how many pictures one is kept to compare with its decoded form. */
    private static final int PSNR_EVERY = 30;
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    @Test
    void aMinuteOfVideo() throws Exception {
        int seconds = Integer.getInteger("pitbox.benchmark.seconds", 60);
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "PitBox video benchmark, %s, %d cores; %d s each of a window drawn at"
                + " 60 Hz (a panning landscape, a car, the picture number) captured with x11grab",
                LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME.withLocale(Locale.ROOT))
                        .substring(0, 16), CORES, seconds));
        for (VideoSettings s : List.of(VideoSettings.P720_30, VideoSettings.P480_15)) {
            String line = local(s, seconds);
            System.out.println("video benchmark: " + line);
            lines.add(line);
        }
        String live = live(VideoSettings.P720_30, seconds);
        System.out.println("video benchmark: " + live);
        lines.add(live);
        Path file = Path.of("target", "benchmarks", "video.txt");
        Files.createDirectories(file.getParent());
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /** The pipeline alone: the minute's stream kept, decoded afterwards for PSNR-Y against what was captured. */
    private static String local(VideoSettings s, int seconds) throws Exception {
        List<EncodedVideo> units = new CopyOnWriteArrayList<>();
        Map<Long, byte[]> kept = new ConcurrentHashMap<>();
        Cost cost = new Cost();
        String encoder;
        VideoStats end;
        try (RacingWindow window = new RacingWindow(X, Y, s.width(), s.height(), 60)) {
            Thread.sleep(1000);
            FrameSource capture = new Keeping(ScreenCapture.region(null, X, Y, s.width(), s.height(), s), kept);
            VideoPipeline pipeline = new VideoPipeline(capture, new H264Encoder(s), units::add);
            try {
                cost.run(pipeline::stats, seconds);
                end = pipeline.stats();
                encoder = end.encoder();
            } finally {
                pipeline.close();
            }
        }
        assertTrue(units.size() > s.fps() * seconds / 2, "pictures came: " + units.size());
        // bitrate: over the whole stream, and its worst windows
        long first = units.get(0).micros();
        long last = units.get(units.size() - 1).micros();
        double span = (last - first) / 1e6 + 1.0 / s.fps();
        long bits = units.stream().mapToLong(EncodedVideo::bits).sum();
        double mean = bits / span;
        double[] w1 = window(units, 1_000_000), w5 = window(units, 5_000_000);
        // PSNR-Y of the pictures kept
        double sum = 0, min = Double.MAX_VALUE;
        int compared = 0;
        try (H264Decoder decoder = new H264Decoder()) {
            for (EncodedVideo u : units) {
                VideoPicture p = decoder.decode(u);
                byte[] original = p == null ? null : kept.get(p.micros());
                if (original != null) {
                    double psnr = psnrY(original, p);
                    sum += psnr;
                    min = Math.min(min, psnr);
                    compared++;
                }
            }
        }
        return String.format(Locale.ROOT, "%dp%d at %.1f Mbit/s (%s): %.2f Mbit/s over %.0f s (%+.1f %% of the cap);"
                + " worst 1 s window %.2f Mbit/s (%+.0f %%), worst 5 s %.2f (%+.1f %%), least 1 s %.2f; PSNR-Y %.1f dB"
                + " mean, %.1f least (%d pictures); %s; %d of %d pictures captured, %d encoded, %d dropped",
                s.height(), s.fps(), s.bitrate() / 1e6, encoder, mean / 1e6, span, 100 * (mean / s.bitrate() - 1),
                w1[1] / 1e6, 100 * (w1[1] / s.bitrate() - 1), w5[1] / 1e6, 100 * (w5[1] / s.bitrate() - 1),
                w1[0] / 1e6, sum / Math.max(1, compared), compared == 0 ? 0 : min, compared, cost.describe(end),
                end.captured(), s.fps() * seconds, end.encoded(), end.dropped());
    }

    /**
     * Through the driver's real path with the simulator running: telemetry at 60 Hz and the video to the demo
     * server, the engineer decoding; glass-to-glass from the window's drawing to the engineer's decoded picture.
     */
    private static String live(VideoSettings s, int seconds) throws Exception {
        LiveBoard board = new LiveBoard();
        Cost cost = new Cost();
        long[] latency = new long[s.fps() * seconds * 2];
        AtomicLong pictures = new AtomicLong(), unread = new AtomicLong();
        try (DriverAndEngineer team = new DriverAndEngineer(board);
                RacingWindow window = new RacingWindow(X, Y, s.width(), s.height(), 60)) {
            TeamSession driver = team.driver;
            EngineerLive engineer = team.engineer;
            AtomicLong measuring = new AtomicLong(); // 1 while measuring
            AtomicLong count = new AtomicLong();
            team.onVideo(picture -> {
                long now = System.nanoTime();
                pictures.incrementAndGet();
                if (measuring.get() == 0) {
                    return;
                }
                long drawn = window.shownAt(CounterScene.counter(picture));
                long l = now - drawn;
                int i = (int) count.get();
                if (drawn == 0 || l < 0 || l > 10_000_000_000L || i >= latency.length) {
                    unread.incrementAndGet();
                } else {
                    latency[i] = l;
                    count.incrementAndGet();
                }
            });
            team.signInDriver(SERVER.base());
            team.goLive(SERVER.base());
            driver.startVideo(s, () -> ScreenCapture.region(null, X, Y, s.width(), s.height(), s));
            await(() -> pictures.get() >= s.fps(), 60, "pictures reach the engineer: " + engineer.videoStatus());
            long rows0 = board.rows();
            long pictures0 = pictures.get();
            measuring.set(1);
            cost.run(() -> driver.videoSender().stats(), seconds);
            measuring.set(0);
            VideoStats end = driver.videoSender().stats();
            long rows = board.rows() - rows0;
            long decoded = pictures.get() - pictures0;
            String link = driver.link().text();
            String status = driver.videoStatus();
            driver.stopStreaming();
            int n = (int) count.get();
            assertTrue(n > 0, "pictures were read back: " + unread.get() + " unreadable");
            long[] sorted = Arrays.copyOf(latency, n);
            Arrays.sort(sorted);
            return String.format(Locale.ROOT, "%dp%d at %.1f Mbit/s through the server to an engineer, with the"
                    + " simulator streaming telemetry at 60 Hz (%d rows taken by the engineer): glass-to-glass (drawn"
                    + " -> x11grab -> encoded -> relayed -> decoded) p50 %.0f ms, p99 %.0f ms over %d pictures (%d"
                    + " unreadable); %d pictures decoded of %d; %s; %d captured, %d encoded, %d dropped; the driver"
                    + " saw \"%s\", the link \"%s\"",
                    s.height(), s.fps(), s.bitrate() / 1e6, rows, sorted[n / 2] / 1e6, sorted[n * 99 / 100] / 1e6, n,
                    unread.get(), decoded, s.fps() * seconds, cost.describe(end), end.captured(), end.encoded(),
                    end.dropped(), status, link);
        }
    }

    /** The rate in each window of {@code micros} starting at a picture: {least, most} in bits a second. */
    private static double[] window(List<EncodedVideo> units, long micros) {
        double least = Double.MAX_VALUE, most = 0;
        long end = units.get(units.size() - 1).micros();
        int j = 0;
        long bits = 0;
        for (int i = 0; i < units.size(); i++) {
            long from = units.get(i).micros();
            if (from + micros > end) {
                break;
            }
            while (j < units.size() && units.get(j).micros() < from + micros) {
                bits += units.get(j++).bits();
            }
            double rate = bits * 1e6 / micros;
            least = Math.min(least, rate);
            most = Math.max(most, rate);
            bits -= units.get(i).bits();
        }
        return new double[] {least == Double.MAX_VALUE ? 0 : least, most};
    }

    private static double psnrY(byte[] original, VideoPicture decoded) {
        double se = 0;
        int[] argb = decoded.argb();
        for (int i = 0; i < argb.length; i++) {
            double e = (original[i] & 255) - luma(argb[i]);
            se += e * e;
        }
        double mse = Math.max(se / argb.length, 1e-9);
        return 10 * Math.log10(255 * 255 / mse);
    }

    private static double luma(int rgb) {
        return 0.299 * (rgb >> 16 & 255) + 0.587 * (rgb >> 8 & 255) + 0.114 * (rgb & 255);
    }

    /** The captured pictures, keeping the luma of one in {@link #PSNR_EVERY} by its time. */
    private static final class Keeping implements FrameSource {
        private final FrameSource source;
        private final Map<Long, byte[]> kept;
        private long n;

        Keeping(FrameSource source, Map<Long, byte[]> kept) {
            this.source = source;
            this.kept = kept;
        }

        @Override
        public VideoPicture grab() throws IOException {
            VideoPicture p = source.grab();
            if (n++ % PSNR_EVERY == 0) {
                int[] argb = p.argb();
                byte[] y = new byte[argb.length];
                for (int i = 0; i < argb.length; i++) {
                    y[i] = (byte) Math.round(luma(argb[i]));
                }
                kept.put(p.micros(), y);
            }
            return p;
        }

        @Override
        public void close() {
            source.close();
        }
    }

    /**
     * The cost over a run: the pipeline's capture and encode percentiles each 10 s (it keeps the last 300), and
     * this process's CPU time.
     */
    private static final class Cost {
        private final List<VideoStats> samples = new ArrayList<>();
        private double processShare;

        void run(java.util.function.Supplier<VideoStats> stats, int seconds) throws Exception {
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            long end = t0 + TimeUnit.SECONDS.toNanos(seconds);
            for (long next = t0 + 10_000_000_000L;; next += 10_000_000_000L) {
                long at = Math.min(next, end);
                long wait = at - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                samples.add(stats.get());
                if (at == end) {
                    break;
                }
            }
            processShare = (processCpuNanos() - cpu0) / (double) (System.nanoTime() - t0);
        }

        /** Capture (CPU) and encode (wall) per picture: the median p50 and the worst p99 of the 10 s samples. */
        String describe(VideoStats end) {
            double[] c50 = samples.stream().mapToDouble(VideoStats::captureP50Millis).sorted().toArray();
            double[] e50 = samples.stream().mapToDouble(VideoStats::encodeP50Millis).sorted().toArray();
            double c99 = samples.stream().mapToDouble(VideoStats::captureP99Millis).max().orElse(0);
            double e99 = samples.stream().mapToDouble(VideoStats::encodeP99Millis).max().orElse(0);
            return String.format(Locale.ROOT, "capture %.1f ms CPU p50, %.1f p99; encode %.1f ms p50, %.1f p99 per"
                    + " picture; CPU: the capture thread %.0f %% and the encoder's %.0f %% of a core (%.0f %% of the"
                    + " %d cores), this process %.0f %% of the %d cores", c50[c50.length / 2], c99, e50[e50.length / 2],
                    e99, 100 * end.captureCpuShare(), 100 * end.encoderCpuShare(),
                    100 * (end.captureCpuShare() + end.encoderCpuShare()) / CORES, CORES, 100 * processShare / CORES,
                    CORES);
        }

        /** This process's CPU time, from /proc/self/stat (user and system, in clock ticks of 10 ms). */
        private static long processCpuNanos() {
            try {
                String stat = Files.readString(Path.of("/proc/self/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }
    }
}
