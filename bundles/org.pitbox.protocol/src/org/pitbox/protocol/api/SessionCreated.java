package org.pitbox.protocol.api;

/**
 * The answer to a new upload: send chunk {@code n} as bytes {@code n*uploadChunkSize} up to the next chunk
 * (the last one may be shorter).
 */
public record SessionCreated(long id, int uploadChunkSize) {
}
