package org.pitbox.server.soak;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.pitbox.client.CloudClient;
import org.pitbox.client.CloudException;
import org.pitbox.client.TransferProgress;
import org.pitbox.protocol.ProtocolJson;
import org.pitbox.protocol.codec.ChannelSpec;
import org.pitbox.protocol.codec.FrameEncoder;
import org.pitbox.protocol.codec.FrameSchema;
import org.pitbox.protocol.live.LiveControl;
import org.pitbox.protocol.live.LiveProtocol;

/**
 * The abusive clients of issue 13, each bounded in count, from one account of their own team (Mallory, its
 * owner) or from no account at all. Each round counts what the server answered in {@link #outcomes}: the test
 * asserts that every abuse was refused or cut off.
 */
final class Abusers implements AutoCloseable {
    private static final int TIMEOUT_MILLIS = 10_000;
    /** Rows of incompressible bytes whose keyframes come close to a publisher's largest legal frame. */
    private static final int BIG_ROW = 48_000;

    final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
    private final int port;
    private final CloudClient mallory;
    private final long team;
    private final Path dir;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Sock> silent = new ArrayList<>();
    private final Random random = new Random(13);

    Abusers(int port, CloudClient mallory, long team, Path dir) {
        this.port = port;
        this.mallory = mallory;
        this.team = team;
        this.dir = dir;
    }

    /** One round of every abuse; returns once the server has answered each. */
    void round(int n, String victimEmail) throws Exception {
        timed("slow bodies", () -> slowBodies(100));
        timed("invented methods", () -> inventedMethods(50));
        timed("login flood", () -> loginFlood(victimEmail, 30));
        timed("unknown types", () -> unknownTypes(1500, 5));
        timed("silent radio", () -> silentReceiversOfRadio(5, 3000));
        timed("big frames", () -> bigFrames("big" + n, 300, 5));
        timed("bombs", () -> bombs(2));
    }

    private interface Abuse {
        void run() throws Exception;
    }

    private void timed(String name, Abuse abuse) throws Exception {
        long start = System.nanoTime();
        try {
            abuse.run();
        } finally {
            System.out.printf("soak: %s took %d ms%n", name, (System.nanoTime() - start) / 1_000_000);
        }
    }

    private void count(String outcome) {
        outcomes.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
    }

    /** Item 1: requests without a token that declare a 1 MB body and send one byte of it. */
    private void slowBodies(int clients) throws IOException {
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                sockets.add(raw("POST /api/v1/teams HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 1000000\r\n\r\n{"));
            }
            for (Socket s : sockets) {
                count("slow body: " + statusLine(s));
            }
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    /** Item 5: 2 KB invented HTTP methods, each a new metric series before issue 13. */
    private void inventedMethods(int requests) throws IOException {
        for (int i = 0; i < requests; i++) {
            StringBuilder method = new StringBuilder();
            for (int k = 0; k < 2048; k++) {
                method.append((char) ('A' + random.nextInt(26)));
            }
            try (Socket s = raw(method + " /health HTTP/1.1\r\nHost: x\r\n\r\n")) {
                count("invented method: " + statusLine(s));
            }
        }
    }

    /** Item 8: wrong passwords for an honest user's email from addresses a trusted proxy names. */
    private void loginFlood(String email, int attempts) throws Exception {
        for (int i = 0; i < attempts; i++) {
            HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auth/login"))
                    .header("Content-Type", "application/json").header("X-Forwarded-For", "10.13.0." + (1 + i % 10))
                    .POST(HttpRequest.BodyPublishers.ofString(ProtocolJson.mapper().writeValueAsString(
                            Map.of("email", email, "password", "not the password " + i))))
                    .build();
            count("wrong login: HTTP " + http.send(r, HttpResponse.BodyHandlers.discarding()).statusCode());
        }
    }

    /** Item 3: unknown message types from a team socket that never reads, then ones over the control cap. */
    private void unknownTypes(int messages, int oversized) throws Exception {
        Sock flood = socket(LiveProtocol.teamPath(team), false);
        String type = "{\"type\":\"" + "x".repeat(7000) + "\"}";
        for (int i = 0; i < messages; i++) {
            flood.ws.sendText(type, true).get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        }
        String huge = "{\"type\":\"" + "x".repeat(1 << 20) + "\"}";
        for (int i = 0; i < oversized; i++) {
            Sock s = socket(LiveProtocol.teamPath(team), true);
            s.ws.sendText(huge, true);
            count("1 MiB unknown type: " + s.closeCode());
        }
    }

    /**
     * Item 3: receivers of a session that never read, while a talker sends radio of the longest legal text and
     * once a text over the control cap.
     */
    private void silentReceiversOfRadio(int receivers, int messages) throws Exception {
        String path = LiveProtocol.subscribePath(team, "radio");
        for (int i = 0; i < receivers; i++) {
            socket(path, false);
        }
        Sock talker = socket(path, true);
        String radio = ProtocolJson.mapper().writeValueAsString(LiveControl.radio("r".repeat(2000)));
        for (int i = 0; i < messages; i++) {
            talker.ws.sendText(radio, true).get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        }
        talker.ws.sendText(ProtocolJson.mapper().writeValueAsString(LiveControl.radio("r".repeat(100_000))), true);
        count("100 kB radio: " + talker.closeCode());
    }

    /**
     * Item 2: a publisher of big incompressible keyframes (filling the catch-up buffer), then publishers of
     * 1 MiB frames; all leave their sessions without ending them.
     */
    private void bigFrames(String key, int frames, int oversized) throws Exception {
        FrameSchema schema = new FrameSchema(List.of(new ChannelSpec("Noise", ChannelSpec.INT, BIG_ROW / 4, 0)),
                BIG_ROW);
        String open = ProtocolJson.mapper().writeValueAsString(LiveControl.open(schema.toBytes(), SoakData.YAML));
        String path = LiveProtocol.publishPath(team, key);
        Sock big = socket(path, true);
        big.ws.sendText(open, true).get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        FrameEncoder keyframes = new FrameEncoder(schema, 1);
        byte[] row = new byte[BIG_ROW];
        for (int seq = 1; seq <= frames; seq++) {
            random.nextBytes(row);
            byte[] data = keyframes.encode(row);
            try {
                big.ws.sendBinary(ByteBuffer.wrap(LiveProtocol.frame(seq, data, 0, data.length)), true)
                        .get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                throw new IOException("frame " + seq + ": " + big.closeCode() + " " + big.reason, e);
            }
        }
        big.ws.abort();
        for (int i = 0; i < oversized; i++) {
            Sock s = socket(LiveProtocol.publishPath(team, key + "-" + i), true);
            s.ws.sendText(open, true).get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            s.ws.sendBinary(ByteBuffer.wrap(LiveProtocol.frame(1, new byte[1 << 20], 0, 1 << 20)), true);
            count("1 MiB frame: " + s.closeCode());
        }
    }

    /** Item 4: .ibt uploads declaring 5,000 sectors. */
    private void bombs(int uploads) throws IOException {
        Path bomb = SoakData.bomb(dir.resolve("bomb.ibt"), 5000);
        for (int i = 0; i < uploads; i++) {
            try {
                mallory.upload(team, bomb, new CloudClient.Upload("Bomb", "Car", "Mallory", Instant.now()), null,
                        TransferProgress.NONE, () -> false);
                count("bomb: stored");
            } catch (CloudException e) {
                count("bomb: HTTP " + e.status() + " " + e.code());
            }
        }
    }

    private Socket raw(String request) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
        s.setSoTimeout(TIMEOUT_MILLIS);
        s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        return s;
    }

    /** The answer's status code, read until the server closes; "no answer" when it never answers. */
    private static String statusLine(Socket s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = s.getInputStream();
        byte[] buf = new byte[4096];
        try {
            for (int n; out.size() < 12 && (n = in.read(buf)) >= 0;) {
                out.write(buf, 0, n);
            }
        } catch (SocketException reset) {
            // closed with our unread body on the server's side: what came is the answer
        }
        String answer = out.toString(StandardCharsets.ISO_8859_1);
        return answer.startsWith("HTTP/1.1 ") && answer.length() >= 12 ? "HTTP " + answer.substring(9, 12)
                : "no answer";
    }

    private Sock socket(String path, boolean reads) throws Exception {
        Sock s = new Sock(reads);
        s.ws = http.newWebSocketBuilder().header("Authorization", "Bearer " + mallory.accessToken())
                .buildAsync(URI.create("ws://127.0.0.1:" + port + path), s).get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        if (!reads) {
            silent.add(s);
        }
        return s;
    }

    @Override
    public void close() {
        silent.forEach(s -> s.ws.abort());
        http.shutdownNow();
    }

    /** An abuser's WebSocket: reads all it is sent, or nothing at all. */
    private static final class Sock implements WebSocket.Listener {
        private final boolean reads;
        private final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private volatile String reason;
        private volatile WebSocket ws;

        Sock(boolean reads) {
            this.reads = reads;
        }

        /** How the server closed the socket: "closed 1009", or "not closed" after the timeout. */
        String closeCode() {
            try {
                int code = closed.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
                return code < 0 ? "connection lost" : "closed " + code;
            } catch (Exception e) {
                ws.abort();
                return "not closed";
            }
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            if (reads) {
                webSocket.request(Long.MAX_VALUE);
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            this.reason = reason;
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }
    }
}
