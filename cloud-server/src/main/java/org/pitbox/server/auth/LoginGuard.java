package org.pitbox.server.auth;

import java.time.Clock;
import java.util.function.Supplier;
import org.pitbox.protocol.api.TokenPair;
import org.pitbox.server.http.ApiException;

/**
 * Counts failed logins, never attempts: per (email, client address) a quarter of the per-minute rate, per client
 * address the full rate. Only wrong passwords count, so failures from other addresses never block the owner's
 * right password from theirs.
 */
public final class LoginGuard {
    private final RateLimiter perAddress;
    private final RateLimiter perEmailAndAddress;

    public LoginGuard(int perMinute, Clock clock) {
        this.perAddress = new RateLimiter(perMinute, clock);
        this.perEmailAndAddress = new RateLimiter(Math.max(1, perMinute / 4), clock);
    }

    /** Runs {@code attempt} unless too many failed before; a 401 from it counts as a failure. */
    public TokenPair login(String email, String address, Supplier<TokenPair> attempt) {
        String pair = email + " " + address;
        perAddress.check(address);
        perEmailAndAddress.check(pair);
        try {
            return attempt.get();
        } catch (ApiException e) {
            if (e.status() == 401) {
                perAddress.take(address);
                perEmailAndAddress.take(pair);
            }
            throw e;
        }
    }
}
