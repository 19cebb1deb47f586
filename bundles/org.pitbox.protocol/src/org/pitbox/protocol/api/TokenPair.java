package org.pitbox.protocol.api;

/**
 * What login and refresh answer.
 *
 * @param accessToken  a bearer token for {@code Authorization: Bearer ...}
 * @param refreshToken single use: trade it for a new pair before it expires
 * @param expiresIn    seconds until the access token expires
 */
public record TokenPair(String accessToken, String refreshToken, long expiresIn) {
    @Override
    public String toString() {
        return "TokenPair[expiresIn=" + expiresIn + "]";
    }
}
