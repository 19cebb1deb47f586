package org.pitbox.app.team;

import java.io.IOException;
import java.util.Optional;

/**
 * Where the team server sign-in is remembered between starts: the workbench keeps it in secure storage. Passwords
 * are never stored; the refresh token signs in again until it expires.
 */
public interface SignInStore {
    /** One remembered sign-in. */
    record SignIn(String serverUrl, String email, String refreshToken) {
    }

    Optional<SignIn> load() throws IOException;

    void save(SignIn signIn) throws IOException;

    void clear() throws IOException;
}
