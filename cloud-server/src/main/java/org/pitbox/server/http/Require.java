package org.pitbox.server.http;

/** Checks of request bodies that answer 400 with the field's name. */
public final class Require {
    private Require() {
    }

    public static <T> T body(T body) {
        if (body == null) {
            throw ApiException.badRequest("missing_body", "a JSON request body is required");
        }
        return body;
    }

    /** The trimmed text; 400 when absent, blank or longer than {@code max}. */
    public static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw ApiException.missing(field);
        }
        String v = value.strip();
        if (v.length() > max) {
            throw ApiException.badRequest("invalid_field", "field '" + field + "' is longer than " + max
                    + " characters");
        }
        return v;
    }

    public static <T> T present(String field, T value) {
        if (value == null) {
            throw ApiException.missing(field);
        }
        return value;
    }
}
