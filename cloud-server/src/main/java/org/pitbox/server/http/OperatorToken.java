package org.pitbox.server.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A route for the server's operator, behind a configured bearer token: off (404) without one, 401 for a missing or
 * wrong one; the comparison takes the same time whatever the header says.
 */
public final class OperatorToken {
    private final byte[] expected;
    private final String what;
    private final String setting;

    /**
     * @param token the configured token, or null when the route is off
     * @param what the error codes' and messages' word for it ("metrics", "admin")
     * @param setting the setting that configures it ("metrics-token")
     */
    public OperatorToken(String token, String what, String setting) {
        this.expected = token == null ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        this.what = what;
        this.setting = setting;
    }

    /** Throws the 404 or 401 the request gets unless its Authorization header is the configured token. */
    public void check(String authorization, String offMessage, String wrongMessage) {
        if (expected == null) {
            throw ApiException.notFound(what + "_disabled", offMessage + ": the server has no " + setting);
        }
        if (authorization == null
                || !MessageDigest.isEqual(expected, authorization.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiException(401, "invalid_" + what + "_token", wrongMessage);
        }
    }
}
