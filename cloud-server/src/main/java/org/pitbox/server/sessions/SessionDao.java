package org.pitbox.server.sessions;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Session metadata and laps; the files themselves live in {@link FileStore}. */
public interface SessionDao {
    record SessionRow(long id, long teamId, long uploaderId, String track, String car, String driver,
            Instant startedAt, long sizeBytes, String sha256, boolean complete, Instant createdAt,
            Integer recordCount, Double durationSeconds, Integer lapCount, Long videoBytes) {
    }

    /** A lap: NaN for a sector the lap did not cover and for unknown fuel; flags as API words. */
    record LapRow(int number, double lapTime, List<Double> sectorTimes, double fuelUsed, List<String> flags) {
    }

    /** What a parsed file adds to a session; laps in the file's order, whatever their numbers. */
    record Parsed(String track, String car, String sha256, long sizeBytes, int recordCount, double durationSeconds,
            List<LapRow> laps) {
    }

    /** List filters; null means any. Text matches ignore case; {@code from} inclusive, {@code to} exclusive. */
    record Filter(String track, String car, String driver, Instant from, Instant to) {
    }

    long create(long teamId, long uploaderId, String track, String car, String driver, Instant startedAt,
            long sizeBytes, String sha256, Instant now);

    Optional<SessionRow> find(long id);

    List<SessionRow> page(long teamId, Filter filter, int offset, int limit);

    long count(long teamId, Filter filter);

    /** Marks an uploading session complete with what its file held; false when it was complete already. */
    boolean complete(long id, Parsed parsed);

    /** The session's laps in the order they were stored. */
    List<LapRow> laps(long id);

    void delete(long id);

    /** Notes that the session has a stored video of {@code bytes}. */
    void setVideo(long id, long bytes);

    /** Declared bytes of all the team's sessions, complete or uploading. */
    long teamBytes(long teamId);

    /** How many uploads the user has started and not completed. */
    int openUploads(long uploaderId);

    /** Uploads created before {@code before} and not completed. */
    List<Long> unfinishedBefore(Instant before);
}
