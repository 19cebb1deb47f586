package org.pitbox.protocol.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A stored session. {@code status} is {@code uploading} until the upload completes, then {@code complete};
 * track and car then come from the file. {@code laps} is only in {@code GET /sessions/{id}}. {@code videoBytes}: the
 * size of the session's video ({@code GET /sessions/{id}/video}), absent when it has none.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionView(long id, long teamId, long uploaderId, String track, String car, String driver,
        String startedAt, long sizeBytes, String sha256, String status, String createdAt, Integer recordCount,
        Double durationSeconds, Integer lapCount, List<LapView> laps, Long videoBytes) {
    public static final String UPLOADING = "uploading";
    public static final String COMPLETE = "complete";
}
