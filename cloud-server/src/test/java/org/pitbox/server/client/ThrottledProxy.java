package org.pitbox.server.client;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.locks.LockSupport;

/** A TCP proxy to a local port that passes at most {@code bytesPerSecond} each way, like a slow link. */
final class ThrottledProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int target;
    private final long bytesPerSecond;

    ThrottledProxy(int target, long bytesPerSecond) throws IOException {
        this.target = target;
        this.bytesPerSecond = bytesPerSecond;
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
        Thread.ofVirtual().start(() -> copy(client, upstream));
        Thread.ofVirtual().start(() -> copy(upstream, client));
    }

    /** Copies until either side closes, then closes both. */
    private void copy(Socket from, Socket to) {
        try (from; to) {
            from.getInputStream().transferTo(new Throttled(to.getOutputStream()));
        } catch (IOException e) {
            // one side closed
        }
    }

    /** Writes in pieces of at most 1 KiB, each no sooner than the rate allows after the one before. */
    private final class Throttled extends FilterOutputStream {
        private long next = System.nanoTime();

        Throttled(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int n; len > 0; off += n, len -= n) {
                n = Math.min(len, 1024);
                next = Math.max(next, System.nanoTime()) + n * 1_000_000_000L / bytesPerSecond;
                for (long wait; (wait = next - System.nanoTime()) > 0;) {
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
