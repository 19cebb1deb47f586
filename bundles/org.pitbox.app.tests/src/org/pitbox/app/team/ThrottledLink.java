package org.pitbox.app.team;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP proxy in front of a local server that models the driver's upstream: what the client sends passes at most
 * {@link #limitUp} bytes a second, shared by all its connections, and waits in a small buffer (the proxy's receive
 * window) rather than in megabytes of loopback buffers, so a short link pushes back on the sender as a real one
 * does. What the server sends passes at once. The limit can change while connections are open.
 */
final class ThrottledLink implements AutoCloseable {
    /** The proxy's receive buffer: what a short link holds before the sender's socket blocks. */
    static final int BUFFER = 32 << 10;
    private static final int PIECE = 1024;
    private static final long CATCH_UP_NANOS = 2_000_000;

    private final ServerSocket server;
    private final int targetPort;
    private final AtomicLong upBytes = new AtomicLong();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile long bytesPerSecond;
    /** When the next piece may pass upstream (guarded by this). */
    private long next = System.nanoTime();

    /** @param target the server's address, e.g. {@code http://127.0.0.1:41234} */
    ThrottledLink(URI target) throws IOException {
        this.targetPort = target.getPort();
        server = new ServerSocket();
        server.setReceiveBufferSize(BUFFER); // accepted sockets take it, before the window is agreed
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        Thread.ofPlatform().daemon().name("throttled-link-accept").start(() -> {
            while (!server.isClosed()) {
                try {
                    link(server.accept());
                } catch (IOException e) {
                    // closed, or the server refused
                }
            }
        });
    }

    /** The proxy's address, in the form of the server's. */
    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Limits the upstream to {@code bitsPerSecond} from now; 0 lifts the limit. */
    void limitUp(long bitsPerSecond) {
        bytesPerSecond = bitsPerSecond / 8;
    }

    /** Bytes passed upstream so far. */
    long upBytes() {
        return upBytes.get();
    }

    private void link(Socket client) throws IOException {
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        client.setTcpNoDelay(true);
        upstream.setTcpNoDelay(true);
        sockets.add(client);
        sockets.add(upstream);
        Thread.ofPlatform().daemon().name("throttled-link-up").start(() -> copy(client, upstream, true));
        Thread.ofPlatform().daemon().name("throttled-link-down").start(() -> copy(upstream, client, false));
    }

    /** Copies until either side closes, then closes both; upstream a piece at a time, each when the limit allows. */
    private void copy(Socket from, Socket to, boolean up) {
        try (from; to) {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[up ? PIECE : 16 << 10];
            for (int n; (n = in.read(buffer)) > 0;) {
                if (up) {
                    long at = book(n);
                    for (long wait; (wait = at - System.nanoTime()) > 0;) {
                        LockSupport.parkNanos(wait);
                    }
                    upBytes.addAndGet(n);
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed
        }
    }

    /** When {@code n} more bytes may pass: after those booked before them, or now without a limit. */
    private synchronized long book(int n) {
        long rate = bytesPerSecond;
        long now = System.nanoTime();
        if (rate <= 0) {
            next = now;
            return now;
        }
        next = Math.max(next, now - CATCH_UP_NANOS) + n * 1_000_000_000L / rate;
        return next;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
