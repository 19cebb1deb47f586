package org.pitbox.protocol.api;

/** Every error answer: a stable snake_case {@code code} for programs and a {@code message} for people. */
public record ApiError(String code, String message) {
}
