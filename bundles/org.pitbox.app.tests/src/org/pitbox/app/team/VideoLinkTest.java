package org.pitbox.app.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pitbox.app.team.DemoServerProcess.await;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pitbox.app.live.EngineerLive;
import org.pitbox.app.live.LiveBoard;
import org.pitbox.core.source.FeedStatus;
import org.pitbox.core.source.LiveFeed;
import org.pitbox.core.source.ReplayControl;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.Frame;
import org.pitbox.video.FrameSource;
import org.pitbox.video.VideoPicture;
import org.pitbox.video.VideoSettings;

/**
 * The driver's video and telemetry through a real server over an upstream that is cut short and restored
 * ({@link ThrottledLink}, and the client's socket buffer of a real slow link): cut to 1 Mbit/s, the video's bitrate
 * steps down and pictures still reach the engineer; cut to 250 kbit/s, less than the least video needs, half the
 * pictures go, then video pauses; the driver's video line says each. Meanwhile the engineer gets every telemetry
 * row, in order, a bounded number of rows behind. With the link restored, the video steps back up to its cap. States
 * and counts are asserted, never a time; the figures are printed.
 */
class VideoLinkTest {
    @RegisterExtension
    static final DemoServerExtension SERVER = new DemoServerExtension("video-link");
    /** A scene of noise at 360p30 with a 2 Mbit/s cap: the encoder needs all of the cap. */
    private static final VideoSettings VIDEO = new VideoSettings(640, 360, 30, 2_000_000, 2);
    /** The cut link, then a shorter one that cannot carry the least video. */
    private static final long CUT = 1_000_000, SHORT = 250_000;
    /**
     * Rows the engineer may be behind the driver while the link is short: 15 s of 60 Hz, what the video let onto
     * the socket before the link was cut short (at most 256 KiB, and the system's buffers) takes at 250 kbit/s.
     */
    private static final long MAX_LAG_ROWS = 900;
    /** The client's socket send buffer, as a slow real link's TCP would hold (loopback grows it to megabytes). */
    private static final int SEND_BUFFER = 64 << 10;

    @Test
    void videoStepsDownAndBackUpWhileTelemetryKeepsFlowing() throws Exception {
        RowCheck board = new RowCheck();
        DriverAndEngineer team = new DriverAndEngineer(board);
        TeamSession driver = team.driver;
        EngineerLive engineer = team.engineer;
        List<String> driverLines = new CopyOnWriteArrayList<>();
        driver.addListener(driverLines::add);
        AtomicLong pictures = new AtomicLong();
        team.onVideo(picture -> pictures.incrementAndGet());
        // read by the JDK's HTTP client for each new connection (a property it has for testing)
        System.setProperty("jdk.httpclient.sendBufferSize", Integer.toString(SEND_BUFFER));
        try (ThrottledLink link = new ThrottledLink(URI.create(SERVER.base()))) {
            team.signInDriver(link.uri().toString());
            CountingFeed rows = team.goLive(SERVER.base(), CountingFeed::new);

            // what telemetry alone needs upstream, over 5 s
            long bytes0 = link.upBytes();
            long rows0 = rows.count();
            Thread.sleep(5000);
            double telemetryBytesPerRow = (link.upBytes() - bytes0) / (double) (rows.count() - rows0);
            long telemetryBits = Math.round(telemetryBytesPerRow * 60 * 8);
            assertTrue(telemetryBits < SHORT / 2, "telemetry fits the short link: " + telemetryBits + " bit/s");

            driver.startVideo(VIDEO, () -> new NoiseScene(VIDEO.width(), VIDEO.height(), VIDEO.fps()));
            String full = "Video 360p30 at 2.0 Mbit/s (";
            assertTrue(driver.videoStatus().startsWith(full), driver.videoStatus());
            await(() -> pictures.get() >= 60, 60, "60 pictures reach the engineer: " + engineer.videoStatus());
            long sentBefore = driver.videoSender().stats().encoded();
            System.out.printf("video link: telemetry %.0f bytes a row, %.3f Mbit/s at 60 Hz; before the cut: %s%n",
                    telemetryBytesPerRow, telemetryBits / 1e6, driver.videoSender().stats());

            // 1 Mbit/s: the bitrate steps down, pictures still go
            Lag lag = new Lag(rows, board);
            Lines lines = new Lines(driver, lag);
            link.limitUp(CUT);
            lines.until(() -> driver.videoStatus().startsWith("Video lowered to"), 60,
                    "the video steps down on a 1 Mbit/s link: " + lines);
            long picturesAtCut = pictures.get();
            lines.during(10, "the 1 Mbit/s link is held");
            long picturesOnCut = pictures.get() - picturesAtCut;
            System.out.println("video link: at 1 Mbit/s: " + lines.seen() + ", " + picturesOnCut
                    + " pictures reached the engineer in 10 s; telemetry at most " + lag.max + " rows behind");
            assertTrue(picturesOnCut > 0, "pictures still go at 1 Mbit/s");
            // less than the least video needs (0.5 Mbit/s, half of the pictures): down to a pause
            link.limitUp(SHORT);
            lines.until(() -> driver.videoStatus().startsWith("Video paused"), 90,
                    "the video pauses on a " + SHORT / 1000 + " kbit/s link: " + lines);
            // a while longer, paused and resumed: telemetry still flows
            lines.during(12, "the cut link is held");
            lines.trace.forEach(l -> System.out.println("video link: cut " + l));
            List<String> down = lines.seen();
            System.out.println("video link: on the cut link: " + down + "; telemetry at most " + lag.max
                    + " rows behind; engineer: " + engineer.videoStatus());
            int lowered = first(down, l -> l.startsWith("Video lowered to") && l.endsWith(": the link is short")
                    && !l.contains("pictures a second"));
            int halved = first(down, l -> l.contains(" at 15 pictures a second: the link is short"));
            int paused = first(down, l -> l.startsWith("Video paused: the link is short"));
            assertTrue(lowered >= 0 && halved > lowered && paused > halved,
                    "the bitrate steps down, then the pictures, then video pauses: " + down);
            assertTrue(down.contains("Video lowered to 0.5 Mbit/s at 15 pictures a second: the link is short"),
                    "pictures are halved at the least bitrate: " + down);
            assertTrue(lag.max < MAX_LAG_ROWS, "telemetry is at most " + MAX_LAG_ROWS + " rows behind: " + lag.max);
            assertEquals(0, board.gaps, "no telemetry row is lost");

            link.limitUp(0);
            long picturesAtRestore = pictures.get();
            Lines up = new Lines(driver, lag);
            up.until(() -> driver.videoStatus().startsWith(full), 180, "the video steps back up to its cap: " + up);
            up.trace.forEach(l -> System.out.println("video link: restored " + l));
            System.out.println("video link: restored: " + up.seen() + "; " + driver.videoSender().stats());
            int allPictures = first(up.seen(), l -> l.equals("Video lowered to 0.5 Mbit/s: the link is short"));
            int raised = first(up.seen(), l -> l.equals("Video lowered to 0.8 Mbit/s: the link is short"));
            assertTrue(allPictures >= 0 && raised > allPictures,
                    "all pictures again first, then the bitrate a step at a time: " + up.seen());
            await(() -> pictures.get() > picturesAtRestore + 60, 60, "pictures reach the engineer again");
            assertTrue(driver.videoSender().stats().encoded() > sentBefore);
            assertTrue(lag.max < MAX_LAG_ROWS, "telemetry is at most " + MAX_LAG_ROWS + " rows behind: " + lag.max);

            driver.stopStreaming();
            assertTrue(driverLines.contains("Live session ended; the server recorded all of it"), driverLines.toString());
            long published = rows.count();
            await(() -> board.last >= published, 30, "the engineer has the last row: " + board.last + " of "
                    + published);
            System.out.println("video link: " + published + " rows published, the engineer took rows " + board.first
                    + " to " + board.last + " with " + board.gaps + " missing; at most " + lag.max + " behind");
            assertEquals(0, board.gaps, "no telemetry row is lost");
            assertEquals(published, board.last, "the engineer has every row up to the last");
        } finally {
            System.clearProperty("jdk.httpclient.sendBufferSize");
            team.close();
        }
    }

    private static int first(List<String> lines, java.util.function.Predicate<String> p) {
        for (int i = 0; i < lines.size(); i++) {
            if (p.test(lines.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** The driver's video line each time it changes. */
    private static final class Lines {
        private final TeamSession driver;
        private final List<String> seen = new ArrayList<>();
        final List<String> trace = new ArrayList<>();
        private final long start = System.nanoTime();
        private long traced;

        private final Lag lag;

        Lines(TeamSession driver, Lag lag) {
            this.driver = driver;
            this.lag = lag;
        }

        synchronized void take() {
            long now = System.nanoTime();
            if (now - traced >= 1_000_000_000L) {
                traced = now;
                trace.add(String.format(java.util.Locale.ROOT, "%.0f s: %s | %s | engineer %d rows behind",
                        (now - start) / 1e9, driver.videoStatus(), driver.link().text(), lag.now()));
            }
            String s = driver.videoStatus();
            if (s.startsWith("Video 360p30")) {
                s = "Video 360p30 at its cap";
            }
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(s)) {
                seen.add(s);
            }
        }

        /** Waits until {@code done}, taking the driver's video line and the engineer's lag at each look. */
        void until(BooleanSupplier done, int seconds, String what) throws InterruptedException {
            await(() -> {
                take();
                lag.take();
                return done.getAsBoolean();
            }, seconds, what);
        }

        /** Takes them for {@code seconds}, failing saying {@code what} if that takes more than 30 s. */
        void during(int seconds, String what) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            until(() -> System.nanoTime() > end, 30, what);
        }

        synchronized List<String> seen() {
            return List.copyOf(seen);
        }

        @Override
        public synchronized String toString() {
            return seen.toString();
        }
    }

    /** How many rows the engineer's newest is behind the driver's newest, at most. */
    private static final class Lag {
        private final CountingFeed rows;
        private final RowCheck board;
        volatile long max;

        Lag(CountingFeed rows, RowCheck board) {
            this.rows = rows;
            this.board = board;
        }

        void take() {
            max = Math.max(max, now());
        }

        long now() {
            return rows.count() - board.last;
        }
    }

    /** The engineer's board, which also checks that the rows come one after another. */
    private static final class RowCheck extends LiveBoard {
        volatile long first = -1;
        volatile long last = -1;
        volatile long gaps;

        @Override
        public void row(long seq, byte[] row) {
            if (first < 0) {
                first = seq;
            } else if (seq != last + 1) {
                gaps += Math.max(1, seq - last - 1);
            }
            last = seq;
            super.row(seq, row);
        }
    }

    /** The simulator's feed, counting the rows the streamer takes from it. */
    private static final class CountingFeed implements LiveFeed {
        private final LiveFeed feed;
        private final AtomicLong rows = new AtomicLong();

        CountingFeed(LiveFeed feed) {
            this.feed = feed;
        }

        long count() {
            return rows.get();
        }

        @Override
        public ChannelLayout layout() {
            return feed.layout();
        }

        @Override
        public String sessionInfoYaml() {
            return feed.sessionInfoYaml();
        }

        @Override
        public boolean readLatest(Frame frame) {
            return feed.readLatest(frame);
        }

        @Override
        public boolean readNext(Frame frame) {
            boolean fresh = feed.readNext(frame);
            if (fresh) {
                rows.incrementAndGet();
            }
            return fresh;
        }

        @Override
        public Optional<ReplayControl> replayControl() {
            return feed.replayControl();
        }

        @Override
        public FeedStatus status() {
            return feed.status();
        }

        @Override
        public void close() {
            feed.close();
        }
    }

    /** {@link CounterScene} under noise that changes every picture, so the encoder spends all of its cap. */
    private static final class NoiseScene implements FrameSource {
        private final CounterScene scene;
        private long seed = 0x9E3779B97F4A7C15L;

        NoiseScene(int width, int height, int fps) {
            scene = new CounterScene(width, height, fps);
        }

        @Override
        public VideoPicture grab() {
            VideoPicture p = scene.grab();
            int[] argb = p.argb();
            for (int i = 16 * p.width(); i < argb.length; i++) {
                seed ^= seed << 13;
                seed ^= seed >>> 7;
                seed ^= seed << 17;
                int n = (int) seed & 0x3F;
                argb[i] = 0xFF000000 | (argb[i] & 0xC0C0C0) | n << 16 | n << 8 | n;
            }
            return p;
        }

        @Override
        public void close() {
        }
    }
}
