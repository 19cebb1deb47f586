package org.pitbox.server.sessions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.pitbox.iracing.IbtSummary;
import org.pitbox.iracing.ibt.IbtFile;
import org.pitbox.iracing.ibt.IbtFormatException;
import org.pitbox.iracing.sessioninfo.Driver;
import org.pitbox.iracing.sessioninfo.SessionInfoParser;
import org.pitbox.protocol.api.ChunkList;
import org.pitbox.protocol.api.CreateSessionRequest;
import org.pitbox.protocol.api.LapView;
import org.pitbox.protocol.api.SessionCreated;
import org.pitbox.protocol.api.SessionPage;
import org.pitbox.protocol.api.SessionView;
import org.pitbox.protocol.codec.PackedFile;
import org.pitbox.server.auth.AuthUser;
import org.pitbox.server.auth.Secrets;
import org.pitbox.server.db.DataAccessException;
import org.pitbox.server.http.ApiException;
import org.pitbox.server.http.Require;
import org.pitbox.server.metrics.Metrics;
import org.pitbox.server.sessions.SessionDao.LapRow;
import org.pitbox.server.sessions.SessionDao.SessionRow;
import org.pitbox.server.teams.Role;
import org.pitbox.server.teams.TeamAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Team sessions: the resumable chunked .ibt upload, its check and parse, listing, download and deletion.
 * Uploading needs the driver role or higher; reading any role; deleting the owner role or being the uploader.
 */
public final class SessionService {
    public static final int MAX_PAGE_SIZE = 100;
    /** Sectors of a track and laps of a session the server keeps; a file with more is refused with 422. */
    public static final int MAX_SECTORS = 100;
    public static final int MAX_LAPS = 20_000;
    /** Dates the server takes: a start, a filter's bounds. */
    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    private static final String RANGE = " must lie between " + EARLIEST + " and " + LATEST;
    private static final int MAX_NAME = 200;
    /** Packed uploads unpacked while their chunks arrive, at most, each on a thread of its own. */
    private static final int EARLY_CHECKS = 2;
    private static final Logger LOG = LoggerFactory.getLogger(SessionService.class);

    private final SessionDao sessions;
    private final SessionStore files;
    private final Path work;
    private final TeamAccess access;
    private final int chunkBytes;
    private final Quotas quotas;
    private final Clock clock;
    private final SessionLocks locks = new SessionLocks();
    private final StorageWork storage;
    private final EarlyCheck early;
    private final Metrics.Counter refused;
    private final Metrics.Counter expired;

    /**
     * {@code work}: a local folder for the files being joined, checked and packed; {@code storage}: where the
     * uploads' chunk writes and checks run, and what bounds the downloads.
     */
    public SessionService(SessionDao sessions, SessionStore files, Path work, TeamAccess access, int chunkBytes,
            Quotas quotas, StorageWork storage, Metrics metrics, Clock clock) {
        this.sessions = sessions;
        this.storage = storage;
        this.files = files;
        this.work = work;
        this.access = access;
        this.chunkBytes = chunkBytes;
        this.quotas = quotas;
        this.clock = clock;
        this.early = new EarlyCheck(files, work, quotas.sessionBytes(), EARLY_CHECKS);
        this.refused = metrics.counter("pitbox_quota_refusals_total", "Uploads refused by a quota", "quota");
        this.expired = metrics.counter("pitbox_uploads_expired_total", "Unfinished uploads deleted by the sweep");
    }

    public SessionCreated create(AuthUser user, long teamId, CreateSessionRequest req) {
        access.require(user, teamId, Role.DRIVER);
        String track = Require.text("track", req.track(), MAX_NAME);
        String car = Require.text("car", req.car(), MAX_NAME);
        String driver = Require.text("driver", req.driver(), MAX_NAME);
        Instant startedAt = instant("startedAt", Require.text("startedAt", req.startedAt(), 64));
        long size = Require.present("sizeBytes", req.sizeBytes());
        if (size < 1) {
            throw ApiException.badRequest("invalid_field", "field 'sizeBytes' must be 1 or more");
        }
        String sha = req.sha256() == null ? null : sha256("sha256", req.sha256());
        checkQuotas(user, teamId, size);
        long id = sessions.create(teamId, user.id(), track, car, driver, startedAt, size, sha, clock.instant());
        return new SessionCreated(id, chunkBytes);
    }

    /** 413 for a session or team over its bytes, 429 for a user with too many unfinished uploads. */
    private void checkQuotas(AuthUser user, long teamId, long size) {
        if (size > quotas.sessionBytes()) {
            throw refusal("session_bytes", 413, "session_too_large", "field 'sizeBytes' must be 1.."
                    + quotas.sessionBytes() + " (the server's limit per session)");
        }
        int open = sessions.openUploads(user.id());
        if (open >= quotas.openUploads()) {
            throw refusal("open_uploads", 429, "too_many_uploads", "you have " + open + " unfinished uploads, the"
                    + " most the server allows; complete or delete one (unfinished uploads expire after "
                    + quotas.uploadExpiry().toHours() + " h)");
        }
        long used = sessions.teamBytes(teamId);
        if (used + size > quotas.teamBytes()) {
            throw refusal("team_bytes", 413, "team_quota_exceeded", "the team's sessions take " + used + " of its "
                    + quotas.teamBytes() + " bytes; this one needs " + size + "; delete sessions to make room");
        }
    }

    private ApiException refusal(String quota, int status, String code, String message) {
        refused.inc(quota);
        return new ApiException(status, code, message);
    }

    /**
     * Deletes every upload left unfinished longer than the expiry: its row, chunks and any half-joined file.
     * Returns how many went.
     */
    public int expireUnfinished() {
        int count = 0;
        for (long id : sessions.unfinishedBefore(clock.instant().minus(quotas.uploadExpiry()))) {
            boolean gone = locks.with(id, () -> {
                if (sessions.find(id).filter(r -> !r.complete()).isEmpty()) {
                    return false;
                }
                sessions.delete(id);
                early.drop(id);
                ioRun(() -> {
                    files.discardChunks(id);
                    Files.deleteIfExists(part(id));
                });
                return true;
            });
            if (gone) {
                expired.inc();
                count++;
            }
        }
        return count;
    }

    public SessionPage list(AuthUser user, long teamId, SessionDao.Filter filter, int page, int size) {
        access.require(user, teamId, Role.VIEWER);
        if ((long) page * size > Integer.MAX_VALUE) {
            throw ApiException.badRequest("invalid_param", "page must be 0.." + Integer.MAX_VALUE / size
                    + " for size " + size);
        }
        List<SessionView> items = sessions.page(teamId, filter, page * size, size).stream()
                .map(r -> view(r, null)).toList();
        return new SessionPage(items, page, size, sessions.count(teamId, filter));
    }

    public SessionView get(AuthUser user, long id) {
        SessionRow row = readable(user, id);
        return view(row, sessions.laps(id).stream().map(SessionService::lapView).toList());
    }

    /**
     * Stores chunk {@code n}; true when it is new, false when the same bytes were there already. The body is read
     * while a place of the storage work is held, so the chunks in memory are bounded too.
     */
    public boolean putChunk(AuthUser user, long id, int n, InputStream body) {
        SessionRow row = uploading(user, id);
        int count = chunkCount(row);
        if (n < 0 || n >= count) {
            throw ApiException.badRequest("invalid_chunk", "chunk must be 0.." + (count - 1) + ", got " + n);
        }
        long expected = Math.min(chunkBytes, row.sizeBytes() - (long) n * chunkBytes);
        SessionStore.PutResult result;
        try (StorageWork.Place place = storage.enter(user.id())) {
            byte[] bytes = new byte[(int) expected];
            int got;
            boolean more;
            try {
                got = body.readNBytes(bytes, 0, bytes.length);
                more = got == expected && body.read() >= 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (got != expected || more) {
                throw ApiException.badRequest("invalid_chunk", "chunk " + n + " must be " + expected
                        + " bytes, got " + (more ? "more" : Integer.toString(got)));
            }
            result = place.call(() -> locks.with(id, () -> io(() -> files.putChunk(id, n, bytes))));
        }
        if (result == SessionStore.PutResult.CONFLICT) {
            throw ApiException.conflict("chunk_conflict", "chunk " + n + " was already received with other bytes");
        }
        early.arrived(id, n, count);
        return result == SessionStore.PutResult.STORED;
    }

    public ChunkList chunks(AuthUser user, long id) {
        SessionRow row = readable(user, id);
        List<Integer> received = row.complete()
                ? IntStream.range(0, chunkCount(row)).boxed().toList()
                : io(() -> files.received(id));
        return new ChunkList(id, chunkBytes, chunkCount(row), received);
    }

    /**
     * Joins the chunks (the .ibt, or its {@link PackedFile} form, which is unpacked first, most often already while
     * the chunks arrived: {@link EarlyCheck}), checks the .ibt's SHA-256, parses it and stores its laps, on a storage
     * thread. A wrong checksum, a file that is
     * no .ibt or one beyond the caps drop the chunks (422); any other failure keeps them for another try.
     */
    public SessionView complete(AuthUser user, long id, String sha256Hex) {
        String sha = sha256("sha256", Require.text("sha256", sha256Hex, 64));
        storage.call(user.id(), () -> locks.with(id, () -> {
            SessionRow row = uploading(user, id);
            if (row.sha256() != null && !row.sha256().equals(sha)) {
                throw new ApiException(422, "checksum_mismatch", "sha256 differs from the one given at creation");
            }
            int count = chunkCount(row);
            List<Integer> received = io(() -> files.received(id));
            if (received.size() != count) {
                List<Integer> missing = new ArrayList<>();
                for (int n = 0; n < count && missing.size() < 20; n++) {
                    if (!received.contains(n)) {
                        missing.add(n);
                    }
                }
                throw ApiException.conflict("chunks_missing", "missing chunks: " + missing.stream()
                        .map(String::valueOf).collect(Collectors.joining(", ")) + (missing.size() == 20 ? ", ..." : ""));
            }
            Path part = part(id);
            Path unpacked = work.resolve(id + ".ibt.unpacked");
            EarlyCheck.Result checked = early.finish(id);
            try {
                String uploaded = io(() -> assemble(id, count, part));
                boolean packed = checked != null || io(() -> IbtPack.isPacked(part));
                Path ibt = checked != null ? checked.file() : packed ? unpacked : part;
                String actual = checked != null ? checked.sha256() : packed ? unpackUpload(id, part, unpacked)
                        : uploaded;
                if (!actual.equals(sha)) {
                    discardChunks(id);
                    throw new ApiException(422, "checksum_mismatch", "the " + (packed ? "unpacked" : "uploaded")
                            + " bytes have sha256 " + actual + ", not " + sha
                            + "; the chunks were dropped, upload them again");
                }
                SessionDao.Parsed parsed = parsed(summary(ibt, () -> discardChunks(id)), sha,
                        io(() -> Files.size(ibt)));
                ioRun(() -> {
                    if (packed) {
                        files.putSession(id, part);
                    } else {
                        putSession(id, part, sha);
                    }
                });
                store(id, parsed);
            } finally {
                ioRun(() -> {
                    Files.deleteIfExists(part);
                    Files.deleteIfExists(unpacked);
                    if (checked != null) {
                        Files.deleteIfExists(checked.file());
                    }
                });
            }
            discardChunks(id);
            return null;
        }));
        return get(user, id);
    }

    /** A complete session's .ibt: its size, how to write it, and its place among the downloads, to close after. */
    public record Download(long sizeBytes, IoWriter body, StorageWork.Place place) {
    }

    /** Writes a file to a stream. */
    @FunctionalInterface
    public interface IoWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * The .ibt of a complete session, rebuilt from its stored form on a download thread while it is written; 503
     * when as many downloads as the server allows are streaming.
     */
    public Download download(AuthUser user, long id) {
        SessionRow row = readable(user, id);
        if (!row.complete()) {
            throw ApiException.conflict("upload_incomplete", "the session's upload is not complete");
        }
        StorageWork.Place place = storage.download(user.id());
        return new Download(row.sizeBytes(), out -> {
            try {
                place.call(() -> {
                    try (InputStream in = files.session(id)) {
                        PackedFile.unpack(in, out, Long.MAX_VALUE);
                    }
                    return null;
                });
            } catch (UncheckedIOException e) {
                throw e.getCause(); // the client left, say
            }
        }, place);
    }

    /** A stored session's video from a byte on: its whole size, and the stream from that byte. */
    public record Video(long sizeBytes, long from, InputStream body) {
    }

    /** A session's video (MP4) from byte {@code from}; 404 when the session has none, 416 past its end. */
    public Video video(AuthUser user, long id, long from) {
        SessionRow row = readable(user, id);
        if (row.videoBytes() == null) {
            throw ApiException.notFound("no_video", "the session has no video");
        }
        if (from < 0 || from >= row.videoBytes()) {
            throw new ApiException(416, "range_not_satisfiable", "the video has " + row.videoBytes() + " bytes");
        }
        return new Video(row.videoBytes(), from, io(() -> files.video(id, from)));
    }

    /** Stores a recorded session's video (an MP4 file, which the store may move away). */
    public void storeVideo(long id, Path mp4) throws IOException {
        long bytes = Files.size(mp4);
        files.putVideo(id, mp4);
        sessions.setVideo(id, bytes);
    }

    public void delete(AuthUser user, long id) {
        SessionRow row = find(id);
        Role role = access.require(user, row.teamId(), Role.VIEWER, notFound());
        if (role != Role.OWNER && row.uploaderId() != user.id()) {
            throw ApiException.forbidden("only a team owner or the uploader can delete a session");
        }
        locks.run(id, () -> {
            sessions.delete(id);
            early.drop(id);
            ioRun(() -> {
                files.discardChunks(id);
                files.deleteSession(id);
            });
        });
    }

    /**
     * Stores a finished .ibt (e.g. a recorded live session) for a team, without access checks: the caller
     * vouches that {@code userId} may write to {@code teamId}. The file is copied; returns the session id. On any
     * failure nothing is stored and the file is left as it was.
     */
    public long storeRecorded(long teamId, long userId, Path ibtFile) throws IOException {
        IbtSummary summary = summary(ibtFile, () -> { });
        Driver player = summary.info().player();
        long start = summary.header().sessionStartDate();
        Instant startedAt = start > 0 && start <= LATEST.getEpochSecond() ? Instant.ofEpochSecond(start)
                : clock.instant();
        String sha = IbtPack.sha256(ibtFile);
        Path packed = IbtPack.packChecked(ibtFile, sha, work);
        try {
            long id = sessions.create(teamId, userId, fit(summary.trackName()), fit(summary.carName()),
                    fit(player != null && player.userName() != null ? player.userName() : "unknown driver"),
                    startedAt, Files.size(ibtFile), null, clock.instant());
            try {
                files.putSession(id, packed);
                sessions.complete(id, parsed(summary, sha, Files.size(ibtFile)));
                return id;
            } catch (IOException | RuntimeException e) {
                try {
                    sessions.delete(id);
                    files.deleteSession(id);
                } catch (IOException | RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
                throw e;
            }
        } finally {
            Files.deleteIfExists(packed);
        }
    }

    /** Parses the query's filters; 400 for bad dates. */
    public static SessionDao.Filter filter(String track, String car, String driver, String from, String to) {
        return new SessionDao.Filter(blankToNull(track), blankToNull(car), blankToNull(driver),
                from == null ? null : dateOrInstant("from", from, false),
                to == null ? null : dateOrInstant("to", to, true));
    }

    public static int pageNumber(String text) {
        int page = integer("page", text, 0);
        if (page < 0) {
            throw ApiException.badRequest("invalid_param", "page must be 0 or more");
        }
        return page;
    }

    public static int pageSize(String text) {
        int size = integer("size", text, 20);
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiException.badRequest("invalid_param", "size must be 1.." + MAX_PAGE_SIZE);
        }
        return size;
    }

    /**
     * The file's summary; 422 when it is no .ibt or has more sectors or laps than the server keeps, after
     * {@code onRefused} ran. Sectors are counted before the laps are cut, so a bomb of them costs nothing.
     */
    private static IbtSummary summary(Path file, Runnable onRefused) {
        try (IbtFile ibt = IbtFile.open(file)) {
            int sectors = SessionInfoParser.parse(ibt.sessionInfoYaml()).sectors().size();
            if (sectors > MAX_SECTORS) {
                throw new ApiException(422, "too_many_sectors", "the file's track has " + sectors
                        + " sectors; the server keeps at most " + MAX_SECTORS);
            }
            IbtSummary summary = IbtSummary.of(ibt);
            if (summary.laps().size() > MAX_LAPS) {
                throw new ApiException(422, "too_many_laps", "the file has " + summary.laps().size()
                        + " laps; the server keeps at most " + MAX_LAPS + " per session");
            }
            return summary;
        } catch (ApiException e) {
            onRefused.run();
            throw e;
        } catch (IbtFormatException | RuntimeException e) {
            onRefused.run();
            throw new ApiException(422, "invalid_ibt", "not a valid .ibt file: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Marks the session complete with its laps; 500 when the database refuses, with the upload kept. */
    private void store(long id, SessionDao.Parsed parsed) {
        try {
            sessions.complete(id, parsed);
        } catch (DataAccessException e) {
            LOG.error("session {} could not be stored; its upload is kept", id, e);
            dropUnfinished(id);
            throw new ApiException(500, "session_not_stored", "the session could not be stored: the database"
                    + " refused it; its upload is kept, complete it again later");
        }
    }

    /** Removes the stored file of a session the database does not have as complete. */
    private void dropUnfinished(long id) {
        try {
            if (sessions.find(id).filter(SessionRow::complete).isEmpty()) {
                files.deleteSession(id);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("the file of unfinished session {} stays until it is completed or deleted", id, e);
        }
    }

    private static SessionDao.Parsed parsed(IbtSummary s, String sha, long sizeBytes) {
        List<LapRow> laps = s.laps().stream().map(l -> new LapRow(l.number(), l.lapTime(), l.sectorTimes(),
                l.fuelUsed(), l.flags().stream().map(f -> f.name().toLowerCase(Locale.ROOT)).sorted().toList()))
                .toList();
        return new SessionDao.Parsed(fit(s.trackName()), fit(s.carName()), sha, sizeBytes, s.header().recordCount(),
                s.durationSeconds(), laps);
    }

    /** A name from a file, cut to what the database keeps. */
    private static String fit(String name) {
        return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME);
    }

    /** Where {@code complete} joins the chunks before the file is checked. */
    private Path part(long id) {
        return work.resolve(id + ".ibt.part");
    }

    /** Joins chunks 0..count-1 into {@code target}; returns the hex SHA-256 of the whole. */
    private String assemble(long id, int count, Path target) throws IOException {
        MessageDigest digest = Secrets.sha256();
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(target), digest)) {
            for (int n = 0; n < count; n++) {
                try (InputStream in = files.chunk(id, n)) {
                    in.transferTo(out);
                }
            }
        }
        return IbtPack.hex(digest);
    }

    /** Packs the .ibt {@code file} and stores the packed form. Leaves {@code file} where it is. */
    private void putSession(long id, Path file, String sha) throws IOException {
        Path packed = IbtPack.packChecked(file, sha, work);
        try {
            files.putSession(id, packed);
        } finally {
            Files.deleteIfExists(packed);
        }
    }

    /**
     * Unpacks an uploaded packed file into {@code ibt}, returning the hex SHA-256 of the .ibt; 422 after dropping the
     * chunks when it is damaged or unpacks beyond the session limit.
     */
    private String unpackUpload(long id, Path packed, Path ibt) {
        try {
            return IbtPack.unpack(packed, ibt, quotas.sessionBytes());
        } catch (IOException e) {
            discardChunks(id);
            throw new ApiException(422, "invalid_packed_file", e.getMessage() + "; the chunks were dropped");
        }
    }

    private void discardChunks(long id) {
        early.drop(id);
        ioRun(() -> files.discardChunks(id));
    }

    private SessionRow find(long id) {
        return sessions.find(id).orElseThrow(SessionService::notFound);
    }

    private SessionRow readable(AuthUser user, long id) {
        SessionRow row = find(id);
        access.require(user, row.teamId(), Role.VIEWER, notFound());
        return row;
    }

    /** The session for chunk work: only its uploader, and only while uploading. */
    private SessionRow uploading(AuthUser user, long id) {
        SessionRow row = find(id);
        access.require(user, row.teamId(), Role.DRIVER, notFound());
        if (row.uploaderId() != user.id()) {
            throw ApiException.forbidden("only the uploader can upload this session's chunks");
        }
        if (row.complete()) {
            throw ApiException.conflict("upload_complete", "the session's upload is already complete");
        }
        return row;
    }

    private int chunkCount(SessionRow row) {
        return (int) ((row.sizeBytes() + chunkBytes - 1) / chunkBytes);
    }

    private static ApiException notFound() {
        return ApiException.notFound("session_not_found", "no such session");
    }

    private static SessionView view(SessionRow r, List<LapView> laps) {
        return new SessionView(r.id(), r.teamId(), r.uploaderId(), r.track(), r.car(), r.driver(),
                r.startedAt().toString(), r.sizeBytes(), r.sha256(),
                r.complete() ? SessionView.COMPLETE : SessionView.UPLOADING, r.createdAt().toString(),
                r.recordCount(), r.durationSeconds(), r.lapCount(), laps, r.videoBytes());
    }

    private static LapView lapView(LapRow l) {
        return new LapView(l.number(), l.lapTime(), l.sectorTimes().stream().map(t -> t.isNaN() ? null : t).toList(),
                Double.isNaN(l.fuelUsed()) ? null : l.fuelUsed(), l.flags());
    }

    private static Instant instant(String field, String text) {
        Instant t;
        try {
            t = Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("invalid_field", "field '" + field
                    + "' must be an ISO-8601 instant such as 2025-05-01T18:30:00Z");
        }
        if (!inRange(t)) {
            throw ApiException.badRequest("invalid_field", "field '" + field + "'" + RANGE);
        }
        return t;
    }

    private static boolean inRange(Instant t) {
        return !t.isBefore(EARLIEST) && !t.isAfter(LATEST);
    }

    private static String sha256(String field, String hex) {
        String h = hex.strip().toLowerCase(Locale.ROOT);
        if (!h.matches("[0-9a-f]{64}")) {
            throw ApiException.badRequest("invalid_field", "field '" + field + "' must be 64 hex digits");
        }
        return h;
    }

    private static Instant dateOrInstant(String param, String text, boolean endOfDay) {
        boolean day = text.length() == 10;
        Instant t;
        try {
            t = day ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("invalid_param", param + " must be a date (2025-05-01) or an instant"
                    + " (2025-05-01T18:30:00Z)");
        }
        if (!inRange(t)) {
            throw ApiException.badRequest("invalid_param", param + RANGE);
        }
        return day && endOfDay ? t.plus(1, ChronoUnit.DAYS) : t;
    }

    private static int integer(String param, String text, int dflt) {
        if (text == null || text.isBlank()) {
            return dflt;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid_param", param + " must be a number");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @FunctionalInterface
    private interface IoWork<T> {
        T run() throws IOException;
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }

    private static void ioRun(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T io(IoWork<T> work) {
        try {
            return work.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
