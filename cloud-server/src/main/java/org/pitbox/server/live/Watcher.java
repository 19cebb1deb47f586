package org.pitbox.server.live;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import org.pitbox.core.telemetry.Frame;
import org.pitbox.protocol.codec.CodecException;
import org.pitbox.protocol.codec.FrameDecoder;
import org.pitbox.protocol.codec.FrameSchema;
import org.pitbox.protocol.live.LiveProtocol;

/**
 * Feeds a {@link SessionWatch} off the origin's thread: FRAME messages queue up (at most
 * {@link SessionWatch#QUEUE}, more are dropped and the decoder waits for a keyframe), and one task at a time on the
 * shared executor decodes them and hands the rows over, in order.
 */
final class Watcher {
    private static final System.Logger LOG = System.getLogger(Watcher.class.getName());

    private final SessionWatch watch;
    private final Executor executor;
    private final FrameDecoder decoder;
    private final Frame frame;
    private final byte[] row;
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private boolean draining;
    private boolean ended;
    private long dropped;

    Watcher(SessionWatch watch, Executor executor, FrameSchema schema, Frame frame) {
        this.watch = watch;
        this.executor = executor;
        this.decoder = new FrameDecoder(schema);
        this.frame = frame;
        this.row = new byte[schema.rowLength()];
    }

    /** A FRAME message, in seq order; never waits. */
    synchronized void frame(byte[] message) {
        if (ended) {
            return;
        }
        if (queue.size() >= SessionWatch.QUEUE) {
            dropped++;
            return;
        }
        queue.add(message);
        start();
    }

    /** No frame follows; the watch hears so after the rows queued before. */
    synchronized void end() {
        if (ended) {
            return;
        }
        ended = true;
        start();
    }

    private void start() {
        if (!draining) {
            draining = true;
            executor.execute(this::drain);
        }
    }

    private void drain() {
        while (true) {
            byte[] message;
            synchronized (this) {
                message = queue.poll();
                if (message == null) {
                    draining = false;
                    if (!ended) {
                        return;
                    }
                }
            }
            if (message == null) {
                finish();
                return;
            }
            try {
                if (decoder.decode(LiveProtocol.number(message), LiveProtocol.frameData(message), row)) {
                    frame.row().put(0, row);
                    frame.setTick((int) LiveProtocol.number(message));
                    watch.row(frame);
                }
            } catch (CodecException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a session watcher skipped frame " + LiveProtocol.number(message)
                        + ": " + e.getMessage());
            }
        }
    }

    private void finish() {
        try {
            watch.ended();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "a session watcher failed to end", e);
        }
        if (dropped > 0) {
            LOG.log(System.Logger.Level.INFO, "a session watcher was behind and skipped " + dropped + " frames");
        }
    }
}
