package org.pitbox.client.live;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.pitbox.core.source.LiveFeed;
import org.pitbox.core.telemetry.Frame;
import org.pitbox.protocol.codec.FrameSchema;

/**
 * Streams a running {@link LiveFeed} to the team: a thread of its own takes every sample of the feed
 * ({@link LiveFeed#readNext}), keeps one in {@link Bandwidth#every()} with the chosen channels and hands it to
 * a {@link LivePublisher}, which spools and sends it. The feed is only read, never closed here.
 */
public final class FeedStreamer implements AutoCloseable {
    /** Opens the publisher for the schema and rate the streamer sends. */
    @FunctionalInterface
    public interface PublisherFactory {
        LivePublisher open(FrameSchema schema, String sessionInfo, int tickRate) throws IOException;
    }

    private static final long IDLE_NANOS = 2_000_000;

    private final LiveFeed feed;
    private final Bandwidth bandwidth;
    private final RowProjection projection;
    private final LivePublisher publisher;
    private final AtomicLong samples = new AtomicLong();
    private final Thread pump;
    private volatile boolean running = true;

    public FeedStreamer(LiveFeed feed, Bandwidth bandwidth, PublisherFactory factory) throws IOException {
        this.feed = feed;
        this.bandwidth = bandwidth;
        this.projection = RowProjection.of(feed.layout(), bandwidth::includes);
        this.publisher = factory.open(projection.schema(), feed.sessionInfoYaml(), bandwidth.rate());
        this.pump = Thread.ofPlatform().daemon().name("pitbox-feed-streamer").start(this::pump);
    }

    private void pump() {
        Frame frame = new Frame(feed.layout());
        byte[] out = new byte[projection.schema().rowLength()];
        int every = bandwidth.every();
        while (running) {
            boolean fresh;
            try {
                fresh = feed.readNext(frame);
            } catch (RuntimeException e) {
                return; // the feed was closed under us: what was taken is in the spool
            }
            if (!fresh) {
                LockSupport.parkNanos(IDLE_NANOS);
                continue;
            }
            if (frame.tick() % every == 0) {
                projection.project(frame.row(), out);
                publisher.publish(out);
                samples.incrementAndGet();
            }
        }
    }

    public Bandwidth bandwidth() {
        return bandwidth;
    }

    public FrameSchema schema() {
        return projection.schema();
    }

    /** Samples handed to the publisher so far. */
    public long samples() {
        return samples.get();
    }

    public LiveStatus status() {
        return publisher.status();
    }

    /** Turns the server's coach hints on or off. */
    public void coach(boolean on) {
        publisher.coach(on);
    }

    public boolean radio(String text) {
        return publisher.radio(text);
    }

    /** The driver's radio as sound (16 kHz mono, cut to 10 s) with the words heard, null when none. */
    public boolean radioClip(short[] samples, String text) {
        return publisher.radioClip(samples, text);
    }

    /** A picture of the driver's view; see {@link LivePublisher#publishVideo}. */
    public LivePublisher.VideoResult publishVideo(long micros, boolean key, byte[] accessUnit) {
        return publisher.publishVideo(micros, key, accessUnit);
    }

    /** See {@link LivePublisher#sessionMicros}. */
    public long sessionMicros(long nanoTime) {
        return publisher.sessionMicros(nanoTime);
    }

    /** Ends the live session: everything taken so far is sent and recorded; true when the server has it all. */
    public boolean end(Duration timeout) throws InterruptedException {
        detach();
        return publisher.end(timeout);
    }

    /** Stops without ending the session; unsent data stays in the spool. */
    @Override
    public void close() {
        detach();
        publisher.close();
    }

    /** Stops taking samples at once (the feed is about to close); {@link #end} still sends what was taken. */
    public void detach() {
        running = false;
        try {
            pump.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
