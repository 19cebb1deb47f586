package org.pitbox.server.client;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP proxy to a local port that passes at most {@code bytesPerSecond} each way, like a slow link: the connections
 * share the link, so several at once get no more than one.
 */
final class ThrottledProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int target;
    private final Rate up;
    private final Rate down;

    ThrottledProxy(int target, long bytesPerSecond) throws IOException {
        this.target = target;
        this.up = new Rate(bytesPerSecond);
        this.down = new Rate(bytesPerSecond);
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    link(server.accept());
                } catch (IOException e) {
                    // closed, or the target refused
                }
            }
        });
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    private void link(Socket client) throws IOException {
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
        Thread.ofVirtual().start(() -> copy(client, upstream, up));
        Thread.ofVirtual().start(() -> copy(upstream, client, down));
    }

    /** Copies until either side closes, then closes both. */
    private static void copy(Socket from, Socket to, Rate rate) {
        try (from; to) {
            from.getInputStream().transferTo(new Throttled(to.getOutputStream(), rate));
        } catch (IOException e) {
            // one side closed
        }
    }

    /** One direction of the link: when its next piece may pass. */
    private static final class Rate {
        private static final long CATCH_UP_NANOS = 2_000_000;
        private final long bytesPerSecond;
        private long next = System.nanoTime();

        Rate(long bytesPerSecond) {
            this.bytesPerSecond = bytesPerSecond;
        }

        /**
         * The time at which {@code n} bytes may pass, after all those booked before them. A proxy thread woken late
         * catches up (as bytes queued on a real link still pass at its rate); an idle link does not.
         */
        synchronized long book(int n) {
            next = Math.max(next, System.nanoTime() - CATCH_UP_NANOS) + n * 1_000_000_000L / bytesPerSecond;
            return next;
        }
    }

    /** Writes in pieces of at most 1 KiB, each no sooner than the link's rate allows. */
    private static final class Throttled extends FilterOutputStream {
        private final Rate rate;

        Throttled(OutputStream out, Rate rate) {
            super(out);
            this.rate = rate;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int n; len > 0; off += n, len -= n) {
                n = Math.min(len, 1024);
                long at = rate.book(n);
                for (long wait; (wait = at - System.nanoTime()) > 0;) {
                    LockSupport.parkNanos(wait);
                }
                out.write(b, off, n);
                out.flush();
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
