package org.pitbox.protocol.api;

/**
 * {@code POST /teams/{teamId}/sessions}: announces an .ibt upload.
 *
 * @param startedAt ISO-8601 instant, e.g. {@code 2025-05-01T18:30:00Z}
 * @param sizeBytes the exact file size
 * @param sha256    optional hex SHA-256 of the whole file; checked again on completion
 */
public record CreateSessionRequest(String track, String car, String driver, String startedAt, Long sizeBytes,
        String sha256) {
}
