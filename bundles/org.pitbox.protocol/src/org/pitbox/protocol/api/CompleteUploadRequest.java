package org.pitbox.protocol.api;

/** {@code POST /sessions/{id}/complete}: the hex SHA-256 of the whole file. */
public record CompleteUploadRequest(String sha256) {
}
