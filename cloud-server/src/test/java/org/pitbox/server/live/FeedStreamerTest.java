package org.pitbox.server.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pitbox.client.live.Bandwidth;
import org.pitbox.client.live.FeedStreamer;
import org.pitbox.client.live.LiveListener;
import org.pitbox.client.live.LivePublisher;
import org.pitbox.client.live.LiveSession;
import org.pitbox.client.live.LiveSubscriber;
import org.pitbox.client.live.RowProjection;
import org.pitbox.core.sim.TelemetrySimulator;
import org.pitbox.core.source.FeedStatus;
import org.pitbox.core.source.LiveFeed;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.Frame;
import org.pitbox.protocol.codec.ChannelSpec;

/** A driver's feed streamed through the relay at a chosen bandwidth; the engineer reads its rows as telemetry. */
class FeedStreamerTest {
    private static final String KEY = "stream1";

    @TempDir
    Path dir;
    private TestNode node;

    @BeforeEach
    void start() throws Exception {
        node = new TestNode(dir.resolve("server"));
    }

    @AfterEach
    void stop() throws Exception {
        node.close();
    }

    /** The simulator's lap of Martinsville as a feed at 2,000 rows a second (33 times real time). */
    private static final class RowsFeed implements LiveFeed {
        private static final long NANOS_PER_ROW = 500_000;
        private final long start = System.nanoTime();
        private int next;

        @Override
        public ChannelLayout layout() {
            return TelemetrySimulator.layout();
        }

        @Override
        public String sessionInfoYaml() {
            return SimRows.YAML;
        }

        @Override
        public synchronized boolean readLatest(Frame frame) {
            if (next >= SimRows.ROWS.size() || next > (System.nanoTime() - start) / NANOS_PER_ROW) {
                return false;
            }
            frame.row().put(0, SimRows.ROWS.get(next));
            frame.setTick(next++);
            return true;
        }

        synchronized boolean done() {
            return next >= SimRows.ROWS.size();
        }

        @Override
        public FeedStatus status() {
            return FeedStatus.live("rows");
        }

        @Override
        public void close() {
        }
    }

    private FeedStreamer stream(RowsFeed feed, Bandwidth bandwidth) throws Exception {
        return new FeedStreamer(feed, bandwidth, (schema, yaml, rate) -> new LivePublisher(node.uri(""),
                () -> "driver-token", TestNode.TEAM, KEY, schema, yaml,
                LivePublisher.Config.defaults(dir.resolve("spool")).withTickRate(rate), new LiveListener() {
                }));
    }

    @Test
    void everyThirdSampleOfTheEssentialsArrivesAndReadsAsAFeed() throws Exception {
        SubscriberEvents events = new SubscriberEvents();
        LiveSubscriber subscriber = LiveSubscriber.session(node.uri(""), () -> "engineer-token", TestNode.TEAM, KEY,
                LiveSubscriberTest.backoff(), events);
        SubscriberEvents.poll(events.presence, "presence");
        RowsFeed feed = new RowsFeed();
        Bandwidth bandwidth = new Bandwidth(20, true);
        FeedStreamer streamer = stream(feed, bandwidth);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!feed.done() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(streamer.end(Duration.ofSeconds(30)), "the server recorded everything");
        SubscriberEvents.poll(events.ended, "ended");
        subscriber.close();

        LiveSession session = events.sessions.poll(1, TimeUnit.SECONDS);
        assertEquals(20, session.rate());
        assertEquals(streamer.schema(), session.schema());
        int expected = (SimRows.ROWS.size() + 2) / 3;
        assertEquals(expected, streamer.samples());
        assertEquals(expected, events.rows.size(), "one row in three, none lost");

        RowProjection projection = RowProjection.of(TelemetrySimulator.layout(), bandwidth::includes);
        byte[] want = new byte[projection.schema().rowLength()];
        for (int i = 0; i < events.rows.size(); i++) {
            ByteBuffer source = ByteBuffer.wrap(SimRows.ROWS.get(3 * i)).order(ByteOrder.LITTLE_ENDIAN);
            projection.project(source, want);
            assertArrayEquals(want, events.rows.get(i).row(), "row " + i);
        }

        ChannelLayout watched = RowProjection.layoutOf(session.schema());
        byte[] last = events.rows.getLast().row();
        Frame frame = new Frame(watched);
        frame.row().put(0, last);
        ChannelSpec speed = session.schema().channels().stream().filter(c -> c.name().equals("Speed")).findFirst()
                .orElseThrow();
        assertEquals(frame.value(watched.require("Speed"), 0),
                ByteBuffer.wrap(last).order(ByteOrder.LITTLE_ENDIAN).getFloat(speed.offset()), 0);
    }
}
