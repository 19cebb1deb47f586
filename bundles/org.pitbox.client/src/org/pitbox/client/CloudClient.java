package org.pitbox.client;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.pitbox.protocol.ApiPaths;
import org.pitbox.protocol.ProtocolJson;
import org.pitbox.protocol.api.ApiError;
import org.pitbox.protocol.api.ChunkList;
import org.pitbox.protocol.api.CompleteUploadRequest;
import org.pitbox.protocol.api.CreateInviteRequest;
import org.pitbox.protocol.api.CreateSessionRequest;
import org.pitbox.protocol.api.CreateTeamRequest;
import org.pitbox.protocol.api.InviteView;
import org.pitbox.protocol.api.LoginRequest;
import org.pitbox.protocol.api.MemberView;
import org.pitbox.protocol.api.RefreshRequest;
import org.pitbox.protocol.api.RegisterRequest;
import org.pitbox.protocol.api.SessionCreated;
import org.pitbox.protocol.api.SessionPage;
import org.pitbox.protocol.api.SessionView;
import org.pitbox.protocol.api.TeamView;
import org.pitbox.protocol.api.TokenPair;
import org.pitbox.protocol.api.UserView;
import org.pitbox.protocol.codec.PackedFile;
import org.pitbox.client.live.RowProjection;
import org.pitbox.iracing.ibt.IbtFile;
import org.pitbox.iracing.ibt.IbtFormatException;

/**
 * The desktop's client of the cloud server's REST API ({@link ApiPaths}). Thread-safe.
 * <p>
 * After {@link #login} or {@link #resume} it keeps the token pair: the access token is refreshed shortly before
 * it expires, and once more when the server still answers 401; every new pair goes to {@link #onTokens}.
 * An upload's chunk or completion, or a download, that the server refuses as busy (503 with Retry-After) is sent
 * again after the wait, a few times. Failures are {@link CloudException}s carrying the server's status and message.
 */
public final class CloudClient {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CHUNK_TIMEOUT = Duration.ofMinutes(10);
    private static final long EARLY_SECONDS = 30;
    private static final int REPORT_BYTES = 1 << 20;
    /** Chunks of an upload on their way at once. */
    private static final int IN_FLIGHT = 2;
    /** Tries of an upload or download the server refuses as busy (503 with Retry-After), and the longest wait. */
    private static final int BUSY_TRIES = 5;
    private static final long MAX_BUSY_SECONDS = 30;

    /**
     * Filters and page of {@link #sessions}: null matches any, text matches whole values ignoring case, and
     * {@code from <= startedAt < to}; {@code page} counts from 0, {@code size} is 1..100.
     */
    public record SessionQuery(String track, String car, String driver, Instant from, Instant to, int page, int size) {
        /** The newest 20 sessions. */
        public static final SessionQuery FIRST = new SessionQuery(null, null, null, null, null, 0, 20);
    }

    /** What an upload says about its file; once the upload is complete the server takes track and car from the file. */
    public record Upload(String track, String car, String driver, Instant startedAt) {
    }

    private record Tokens(String access, String refresh, Instant refreshAt) {
    }

    private final URI baseUri;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    private final ObjectMapper json = ProtocolJson.mapper();
    private volatile Tokens tokens;
    private volatile Consumer<TokenPair> onTokens = pair -> {
    };

    /** @param baseUri the server, e.g. {@code https://pitbox.example.com} */
    public CloudClient(URI baseUri) {
        this(baseUri, Clock.systemUTC());
    }

    /** @param clock tells when the access token is due for a refresh (tests share the server's) */
    public CloudClient(URI baseUri, Clock clock) {
        String scheme = baseUri.getScheme();
        if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) || baseUri.getHost() == null) {
            throw new IllegalArgumentException("the server address must look like https://host[:port], not " + baseUri);
        }
        this.baseUri = URI.create(baseUri.toString().replaceFirst("/+$", ""));
        this.clock = clock;
    }

    public URI baseUri() {
        return baseUri;
    }

    /** Told every new token pair (login, resume, refresh), e.g. to store the refresh token securely. */
    public void onTokens(Consumer<TokenPair> listener) {
        onTokens = listener;
    }

    public boolean signedIn() {
        return tokens != null;
    }

    /** The current refresh token, null when signed out. */
    public String refreshToken() {
        Tokens t = tokens;
        return t == null ? null : t.refresh;
    }

    /** The signed-in user's id on the server (the access token's subject), null when signed out. */
    public String userId() {
        Tokens t = tokens;
        if (t == null) {
            return null;
        }
        String[] parts = t.access.split("\\.");
        try {
            return json.readTree(Base64.getUrlDecoder().decode(parts[1])).path("sub").asText(null);
        } catch (IOException | RuntimeException e) {
            return null; // not a JWT
        }
    }

    /**
     * A valid access token, refreshed first when it is about to expire; for the live clients'
     * {@code Supplier<String>}.
     *
     * @throws UncheckedIOException with a {@link CloudException} when signed out or the refresh fails
     */
    public String accessToken() {
        try {
            return validToken();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates an account; it does not sign in. */
    public UserView register(String email, String password, String displayName) throws IOException {
        return anonymous(ApiPaths.AUTH + "/register", new RegisterRequest(email, password, displayName),
                type(UserView.class));
    }

    public synchronized void login(String email, String password) throws IOException {
        store(anonymous(ApiPaths.AUTH + "/login", new LoginRequest(email, password), type(TokenPair.class)));
    }

    /** Signs in with a stored refresh token (which is then used up: the listener gets the new one). */
    public synchronized void resume(String refreshToken) throws IOException {
        store(anonymous(ApiPaths.AUTH + "/refresh", new RefreshRequest(refreshToken), type(TokenPair.class)));
    }

    /** Forgets the tokens and revokes the refresh token on the server; does nothing when signed out. */
    public synchronized void logout() throws IOException {
        Tokens t = tokens;
        tokens = null;
        if (t != null) {
            anonymous(ApiPaths.AUTH + "/logout", new RefreshRequest(t.refresh), null);
        }
    }

    /** The caller's teams with the caller's role in each. */
    public List<TeamView> teams() throws IOException {
        TeamView[] teams = call("GET", ApiPaths.TEAMS, null, type(TeamView[].class));
        return List.of(teams);
    }

    /** A new team, owned by the caller. */
    public TeamView createTeam(String name) throws IOException {
        return call("POST", ApiPaths.TEAMS, new CreateTeamRequest(name), type(TeamView.class));
    }

    public List<MemberView> members(long teamId) throws IOException {
        MemberView[] members = call("GET", ApiPaths.TEAMS + "/" + teamId + "/members", null,
                type(MemberView[].class));
        return List.of(members);
    }

    /** A single-use invite code for a role of {@code Roles}. */
    public InviteView invite(long teamId, String role) throws IOException {
        return call("POST", ApiPaths.TEAMS + "/" + teamId + "/invites", new CreateInviteRequest(role),
                type(InviteView.class));
    }

    /** Joins the invite's team. */
    public TeamView acceptInvite(String code) throws IOException {
        return call("POST", ApiPaths.INVITES + "/" + encode(code) + "/accept", null, type(TeamView.class));
    }

    /** One page of the team's sessions, newest first. */
    public SessionPage sessions(long teamId, SessionQuery query) throws IOException {
        StringBuilder path = new StringBuilder(ApiPaths.TEAMS).append('/').append(teamId).append("/sessions?page=")
                .append(query.page()).append("&size=").append(query.size());
        param(path, "track", query.track());
        param(path, "car", query.car());
        param(path, "driver", query.driver());
        param(path, "from", query.from());
        param(path, "to", query.to());
        return call("GET", path.toString(), null, type(SessionPage.class));
    }

    /** A session with its laps. */
    public SessionView session(long sessionId) throws IOException {
        return call("GET", sessionPath(sessionId), null, type(SessionView.class));
    }

    /** Which chunks of an upload the server has. */
    public ChunkList chunks(long sessionId) throws IOException {
        return call("GET", sessionPath(sessionId) + "/chunks", null, type(ChunkList.class));
    }

    /**
     * Uploads an .ibt as a new session of the team, or continues the upload {@code resumeId} (null for none)
     * sending only the chunks the server lacks. A resume id that is gone or belongs to another file or team
     * starts a new upload; the id in use goes to {@link TransferProgress#session} before any chunk is sent.
     * The bytes sent are the file packed with the telemetry codec ({@link PackedFile}, about a fifth of the .ibt;
     * the server rebuilds the .ibt and checks its SHA-256), or the file as it is when it cannot be packed.
     *
     * @param cancelled checked before each chunk
     * @return the complete session
     * @throws CancellationException when cancelled, once the chunks on their way have arrived; the chunks sent so far
     *                               stay on the server
     */
    public SessionView upload(long teamId, Path file, Upload about, Long resumeId, TransferProgress progress,
            BooleanSupplier cancelled) throws IOException {
        Path packed = Files.createTempFile("pitbox-upload", ".pbz");
        try {
            String sha = pack(file, packed);
            return send(teamId, sha != null ? packed : file, sha != null ? sha : sha256(file), about, resumeId,
                    progress, cancelled);
        } finally {
            Files.deleteIfExists(packed);
        }
    }

    /**
     * Packs the .ibt {@code file} into {@code packed} and returns the .ibt's SHA-256, read in the same pass; null when
     * the file cannot be read as an .ibt or its rows not as the codec's (the server then checks it as it is).
     */
    private static String pack(Path file, Path packed) throws IOException {
        MessageDigest sha = sha256();
        try (IbtFile ibt = IbtFile.open(file); InputStream in = new DigestInputStream(Files.newInputStream(file), sha);
                OutputStream out = Files.newOutputStream(packed)) {
            if (ibt.layout().rowLength() != ibt.header().bufLen()) {
                return null;
            }
            PackedFile.pack(in, ibt.header().dataOffset(), ibt.recordCount(), RowProjection.schemaOf(ibt.layout()),
                    out);
            in.transferTo(OutputStream.nullOutputStream()); // pack reads to the end; this only makes sure
            return HexFormat.of().formatHex(sha.digest());
        } catch (IbtFormatException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Uploads {@code file}, the .ibt of SHA-256 {@code sha} as it is or packed, with up to {@link #IN_FLIGHT} chunks
     * on their way at once, so the link never waits for the server's answer to a chunk.
     */
    private SessionView send(long teamId, Path file, String sha, Upload about, Long resumeId,
            TransferProgress progress, BooleanSupplier cancelled) throws IOException {
        long size = Files.size(file);
        SessionView old = resumable(resumeId, teamId, size, sha);
        long id = old != null ? old.id() : create(teamId, about, size, sha).id();
        progress.session(id);
        if (old != null && SessionView.COMPLETE.equals(old.status())) {
            progress.progress(size, size);
            return old;
        }
        ChunkList list = chunks(id);
        Set<Integer> have = Set.copyOf(list.received());
        int chunk = list.uploadChunkSize();
        long done = have.stream().mapToLong(n -> Math.min(chunk, size - (long) n * chunk)).sum();
        progress.progress(done, size);
        Deque<Future<Integer>> sending = new ArrayDeque<>();
        try (FileChannel in = FileChannel.open(file);
                ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            try {
                for (int n = 0; n < list.chunkCount(); n++) {
                    if (have.contains(n)) {
                        continue;
                    }
                    if (sending.size() == IN_FLIGHT) {
                        done += sent(sending.removeFirst());
                        progress.progress(done, size);
                    }
                    if (cancelled.getAsBoolean()) {
                        while (!sending.isEmpty()) { // the chunks on their way arrive, and stay
                            done += sent(sending.removeFirst());
                            progress.progress(done, size);
                        }
                        throw new CancellationException("upload cancelled");
                    }
                    long from = (long) n * chunk;
                    byte[] bytes = new byte[(int) Math.min(chunk, size - from)];
                    read(in, ByteBuffer.wrap(bytes), from, file);
                    String path = sessionPath(id) + "/chunks/" + n;
                    sending.add(senders.submit(() -> {
                        check(storage(token -> request("PUT", path, token, "application/octet-stream",
                                BodyPublishers.ofByteArray(bytes), CHUNK_TIMEOUT), BodyHandlers.ofByteArray()), null);
                        return bytes.length;
                    }));
                }
                while (!sending.isEmpty()) {
                    done += sent(sending.removeFirst());
                    progress.progress(done, size);
                }
            } finally {
                sending.forEach(f -> f.cancel(true));
            }
        }
        BodyPublisher complete = jsonBody(new CompleteUploadRequest(sha));
        return check(storage(token -> request("POST", sessionPath(id) + "/complete", token, "application/json",
                complete, TIMEOUT), BodyHandlers.ofByteArray()), type(SessionView.class));
    }

    /** The bytes of a chunk once the server has it; its failure as it was thrown. */
    private static int sent(Future<Integer> chunk) throws IOException {
        try {
            return chunk.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while uploading");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(e.getCause());
        }
    }

    /**
     * Downloads a complete session's .ibt to {@code target} (replaced only when the whole file arrived and its
     * SHA-256 matches).
     *
     * @param cancelled checked as the bytes arrive
     * @throws CancellationException when cancelled; {@code target} is then untouched
     */
    public SessionView download(long sessionId, Path target, TransferProgress progress, BooleanSupplier cancelled)
            throws IOException {
        SessionView session = session(sessionId);
        fetch(sessionPath(sessionId) + "/ibt", target, session.sizeBytes(), session.sha256(), progress, cancelled);
        return session;
    }

    /**
     * Downloads a session's video (an MP4 on the session's clock) to {@code target}, replaced only when all
     * {@code size} bytes arrived.
     *
     * @throws CancellationException when cancelled; {@code target} is then untouched
     */
    public void downloadVideo(long sessionId, long size, Path target, TransferProgress progress,
            BooleanSupplier cancelled) throws IOException {
        fetch(sessionPath(sessionId) + "/video", target, size, null, progress, cancelled);
    }

    /** GETs {@code path} into {@code target} through a part file, checked by its SHA-256, or by size without one. */
    private void fetch(String path, Path target, long size, String sha256, TransferProgress progress,
            BooleanSupplier cancelled) throws IOException {
        HttpResponse<InputStream> r = storage(token -> request("GET", path, token, null, null, TIMEOUT),
                BodyHandlers.ofInputStream());
        try (InputStream in = r.body()) {
            if (r.statusCode() != 200) {
                throw error(r.statusCode(), in.readAllBytes());
            }
            Path part = Files.createTempFile(target.toAbsolutePath().getParent(), target.getFileName() + ".", ".part");
            try {
                MessageDigest sha = sha256();
                try (OutputStream out = new DigestOutputStream(Files.newOutputStream(part), sha)) {
                    copy(in, out, size, progress, cancelled);
                }
                if (sha256 != null && !HexFormat.of().formatHex(sha.digest()).equals(sha256)) {
                    throw new CloudException(0, null, "the downloaded file differs from the stored session"
                            + " (SHA-256 mismatch)");
                }
                if (sha256 == null && Files.size(part) != size) {
                    throw new CloudException(0, null, "the download ended after " + Files.size(part) + " of its "
                            + size + " bytes");
                }
                move(part, target);
            } finally {
                Files.deleteIfExists(part);
            }
        }
    }

    private SessionCreated create(long teamId, Upload about, long size, String sha) throws IOException {
        return call("POST", ApiPaths.TEAMS + "/" + teamId + "/sessions", new CreateSessionRequest(about.track(),
                about.car(), about.driver(), about.startedAt().toString(), size, sha), type(SessionCreated.class));
    }

    private static void copy(InputStream in, OutputStream out, long total, TransferProgress progress,
            BooleanSupplier cancelled) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long done = 0;
        long reported = 0;
        for (int n; (n = in.read(buf)) >= 0;) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("download cancelled");
            }
            out.write(buf, 0, n);
            done += n;
            if (done - reported >= REPORT_BYTES) {
                progress.progress(done, total);
                reported = done;
            }
        }
        progress.progress(done, total);
    }

    /**
     * The session to resume: null when there is none, or it is gone or for another file or team. A complete one
     * counts its .ibt's bytes, an unfinished one those sent ({@code size}).
     */
    private SessionView resumable(Long id, long teamId, long size, String sha) throws IOException {
        if (id == null) {
            return null;
        }
        try {
            SessionView v = session(id);
            boolean same = SessionView.COMPLETE.equals(v.status()) || v.sizeBytes() == size;
            return v.teamId() == teamId && same && sha.equals(v.sha256()) ? v : null;
        } catch (CloudException e) {
            if (e.status() == 404) {
                return null;
            }
            throw e;
        }
    }

    private String validToken() throws IOException {
        Tokens t = tokens;
        if (t == null) {
            throw notSignedIn();
        }
        return clock.instant().isBefore(t.refreshAt) ? t.access : refreshed(t.access);
    }

    /** A new access token, unless another thread has replaced {@code stale} already; 401 signs out. */
    private synchronized String refreshed(String stale) throws IOException {
        Tokens t = tokens;
        if (t == null) {
            throw notSignedIn();
        }
        if (!t.access.equals(stale)) {
            return t.access;
        }
        try {
            store(anonymous(ApiPaths.AUTH + "/refresh", new RefreshRequest(t.refresh), type(TokenPair.class)));
        } catch (CloudException e) {
            if (e.status() == 401) {
                tokens = null;
            }
            throw e;
        }
        return tokens.access;
    }

    private void store(TokenPair pair) {
        long early = Math.min(EARLY_SECONDS, pair.expiresIn() / 2);
        tokens = new Tokens(pair.accessToken(), pair.refreshToken(),
                clock.instant().plusSeconds(pair.expiresIn() - early));
        onTokens.accept(pair);
    }

    private CloudException notSignedIn() {
        return new CloudException(0, null, "not signed in to " + baseUri);
    }

    /** An authenticated JSON call; {@code answer} null ignores the answer's body. */
    <T> T call(String method, String path, Object body, JavaType answer) throws IOException {
        BodyPublisher publisher = body == null ? BodyPublishers.noBody() : jsonBody(body);
        return check(authed(token -> request(method, path, token, body == null ? null : "application/json",
                publisher, TIMEOUT), BodyHandlers.ofByteArray()), answer);
    }

    private <T> T anonymous(String path, Object body, JavaType answer) throws IOException {
        return check(send(request("POST", path, null, "application/json", jsonBody(body), TIMEOUT),
                BodyHandlers.ofByteArray()), answer);
    }

    /** Sends with a valid access token; after a 401 refreshes it and sends once more. */
    <T> HttpResponse<T> authed(Function<String, HttpRequest> request, BodyHandler<T> handler)
            throws IOException {
        String token = validToken();
        HttpResponse<T> r = send(request.apply(token), handler);
        if (r.statusCode() != 401) {
            return r;
        }
        if (r.body() instanceof InputStream in) {
            in.close();
        } else if (r.body() instanceof Stream<?> lines) {
            lines.close();
        }
        return send(request.apply(refreshed(token)), handler);
    }

    /** {@link #authed}, sent again after the wait while the server answers busy (503 with a short Retry-After). */
    private <T> HttpResponse<T> storage(Function<String, HttpRequest> request, BodyHandler<T> handler)
            throws IOException {
        for (int tries = 1;; tries++) {
            HttpResponse<T> r = authed(request, handler);
            long wait = r.statusCode() == 503 ? r.headers().firstValue("Retry-After").map(CloudClient::seconds)
                    .orElse(-1L) : -1;
            if (wait < 0 || wait > MAX_BUSY_SECONDS || tries == BUSY_TRIES) {
                return r;
            }
            if (r.body() instanceof InputStream in) {
                in.close();
            }
            try {
                Thread.sleep(Duration.ofSeconds(wait));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for " + baseUri);
            }
        }
    }

    /** Whole seconds, or -1 when the text is none. */
    private static long seconds(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    HttpRequest request(String method, String path, String token, String contentType, BodyPublisher body,
            Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUri + path)).timeout(timeout)
                .method(method, body == null ? BodyPublishers.noBody() : body);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        // a chunk waits for the server's 100 Continue: a refusal (an expired token, say) is read, not cut off
        b.expectContinue("application/octet-stream".equals(contentType));
        return b.build();
    }

    private <T> HttpResponse<T> send(HttpRequest request, BodyHandler<T> handler) throws IOException {
        try {
            return http.send(request, handler);
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new CloudException("cannot reach the server at " + baseUri, e);
        } catch (HttpTimeoutException e) {
            throw new CloudException("the server at " + baseUri + " did not answer in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while talking to " + baseUri);
        }
    }

    private <T> T check(HttpResponse<byte[]> r, JavaType answer) throws IOException {
        if (r.statusCode() / 100 != 2) {
            throw error(r.statusCode(), r.body());
        }
        return answer == null ? null : json.readValue(r.body(), answer);
    }

    /** The server's {@code ApiError}, or a plain status when the body is something else (e.g. a proxy's page). */
    CloudException error(int status, byte[] body) {
        try {
            ApiError e = json.readValue(body, ApiError.class);
            if (e != null && e.message() != null) {
                return new CloudException(status, e.code(), e.message());
            }
        } catch (IOException e) {
            // not a PitBox error body
        }
        return new CloudException(status, null, "the server at " + baseUri + " answered HTTP " + status);
    }

    BodyPublisher jsonBody(Object body) throws IOException {
        return BodyPublishers.ofByteArray(json.writeValueAsBytes(body));
    }

    JavaType type(Class<?> c) {
        return json.constructType(c);
    }

    private static String sessionPath(long id) {
        return ApiPaths.SESSIONS + "/" + id;
    }

    private static void param(StringBuilder path, String name, Object value) {
        if (value != null) {
            path.append('&').append(name).append('=').append(encode(value.toString()));
        }
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void read(FileChannel in, ByteBuffer buf, long from, Path file) throws IOException {
        while (buf.hasRemaining()) {
            if (in.read(buf, from + buf.position()) < 0) {
                throw new EOFException(file + " got shorter during the upload");
            }
        }
    }

    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) >= 0;) {
                sha.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
