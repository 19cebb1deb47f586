package org.pitbox.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.Test;

/**
 * Clients that declare a body and send it slowly or never hold no request thread: a refused request is answered
 * at once and its connection closed, a stalled body ends with the idle timeout, and /health keeps answering.
 */
class SlowClientTest extends ApiTestBase {
    /** More slow clients than Jetty has threads (200). */
    private static final int CLIENTS = 250;
    private static final int DEADLINE_MILLIS = 5_000;

    @Override
    Map<String, String> settings() {
        return Map.of("PITBOX_IDLE_TIMEOUT_SECONDS", "2");
    }

    @Test
    void refusedRequestsAreAnsweredAtOnceWhileTheirBodiesNeverCome() throws Exception {
        List<Socket> sockets = new ArrayList<>();
        try {
            everyClientSends(sockets, "Content-Length: 200000\r\n\r\n{");
            for (Socket s : sockets) {
                String answer = readToEnd(s.getInputStream());
                assertTrue(answer.startsWith("HTTP/1.1 401"), answer);
                assertTrue(answer.contains("\"missing_token\""), answer);
                assertTrue(answer.toLowerCase(java.util.Locale.ROOT).contains("connection: close"), answer);
            }
            assertEquals(200, health());
        } finally {
            closeAll(sockets);
        }
    }

    @Test
    void aStalledBodyEndsWithTheIdleTimeoutAndHoldsNoThread() throws Exception {
        User u = newUser();
        List<Socket> sockets = new ArrayList<>();
        try {
            everyClientSends(sockets, "Authorization: Bearer " + u.token() + "\r\nContent-Length: 1000\r\n\r\n{\"na");
            assertEquals(200, health());
            for (Socket s : sockets) {
                s.setSoTimeout(4 * DEADLINE_MILLIS);
                readToEnd(s.getInputStream()); // the server ends it: an answer and a close, or a close
            }
            QueuedThreadPool pool = (QueuedThreadPool) server.jetty().getThreadPool();
            assertTrue(pool.getBusyThreads() < 20, pool.toString());
            assertEquals(200, health());
        } finally {
            closeAll(sockets);
        }
    }

    @Test
    void anOversizeUploadThatWaitsForContinueReadsA413() throws Exception {
        User u = newUser();
        byte[] body = new byte[8 * CHUNK];
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/api/v1/sessions/1/chunks/0")).expectContinue(true).header("Authorization", "Bearer " + u.token())
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"body_too_large\""), r.body());
    }

    @Test
    void honestSmallBodiesStillReadTheirError() throws Exception {
        for (int i = 0; i < 50; i++) {
            send("POST", "/api/v1/teams", null, "{\"name\":\"" + "x".repeat(1000) + "\"}").fails(401, "missing_token");
        }
    }

    /** {@link #CLIENTS} new connections into {@code sockets}, each sending a team creation with {@code rest}. */
    private void everyClientSends(List<Socket> sockets, String rest) throws IOException {
        for (int i = 0; i < CLIENTS; i++) {
            Socket s = open();
            sockets.add(s);
            s.getOutputStream().write(("POST /api/v1/teams HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + rest).getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static void closeAll(List<Socket> sockets) throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
    }

    private Socket open() throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", server.port()), DEADLINE_MILLIS);
        s.setSoTimeout(DEADLINE_MILLIS);
        return s;
    }

    private int health() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health"))
                .timeout(java.time.Duration.ofMillis(DEADLINE_MILLIS)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** Everything until the server closes; fails with a timeout if it does not within the socket's deadline. */
    private static String readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        try {
            for (int n; (n = in.read(buf)) >= 0; ) {
                out.write(buf, 0, n);
            }
        } catch (java.net.SocketException reset) {
            // closed with unread input on the server's side: what was read is the answer
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
