package org.pitbox.server.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The HTTP server of a fake outside service: on a random loopback port, each exchange on a thread of its own. */
public final class FakeHttp implements AutoCloseable {
    /** Answers one exchange; an IOException leaves it to HttpServer, which drops the connection (a cut stream). */
    @FunctionalInterface
    public interface Answer {
        void answer(HttpExchange x) throws IOException, InterruptedException;
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    public FakeHttp(Answer answer) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", x -> {
            try {
                answer.answer(x);
                x.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    /** Sends a whole body with its status and headers. */
    public static void send(HttpExchange x, int status, Map<String, String> headers, String contentType, byte[] body)
            throws IOException {
        headers.forEach((k, v) -> x.getResponseHeaders().set(k, v));
        x.getResponseHeaders().set("Content-Type", contentType);
        x.sendResponseHeaders(status, body.length);
        x.getResponseBody().write(body);
    }
}
