package org.pitbox.server.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/** A TCP proxy to a local port that passes at most {@code bytesPerSecond} each way, like a slow uplink. */
final class ThrottledProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int target;
    private final long bytesPerSecond;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    ThrottledProxy(int target, long bytesPerSecond) throws IOException {
        this.target = target;
        this.bytesPerSecond = bytesPerSecond;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::accept);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket in = server.accept();
                Socket out = new Socket(InetAddress.getLoopbackAddress(), target);
                open.add(in);
                open.add(out);
                Thread.ofVirtual().start(() -> pump(in, out));
                Thread.ofVirtual().start(() -> pump(out, in));
            } catch (IOException e) {
                // closed, or the target refused
            }
        }
    }

    /** Copies in pieces of 1 KiB, each sent no sooner than the rate allows after the one before. */
    private void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            byte[] buffer = new byte[1024];
            long next = System.nanoTime();
            for (int n; (n = in.read(buffer)) >= 0;) {
                next = Math.max(next, System.nanoTime()) + n * 1_000_000_000L / bytesPerSecond;
                for (long wait; (wait = next - System.nanoTime()) > 0;) {
                    LockSupport.parkNanos(wait);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        open.forEach(ThrottledProxy::closeQuietly);
    }
}
