package org.pitbox.protocol.api;

import java.util.List;

/** {@code GET /sessions/{id}/chunks}: which chunks arrived, to resume an upload. */
public record ChunkList(long sessionId, int uploadChunkSize, int chunkCount, List<Integer> received) {
}
