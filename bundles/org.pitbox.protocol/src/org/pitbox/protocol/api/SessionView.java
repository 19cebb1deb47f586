package org.pitbox.protocol.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A stored session. {@code status} is {@code uploading} until the upload completes, then {@code complete};
 * track and car then come from the file. {@code laps} is only in {@code GET /sessions/{id}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionView(long id, long teamId, long uploaderId, String track, String car, String driver,
        String startedAt, long sizeBytes, String sha256, String status, String createdAt, Integer recordCount,
        Double durationSeconds, Integer lapCount, List<LapView> laps) {
    public static final String UPLOADING = "uploading";
    public static final String COMPLETE = "complete";
}
