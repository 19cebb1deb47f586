package org.pitbox.ui.services;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;
import org.pitbox.app.team.SignInStore.SignIn;
import org.pitbox.core.home.PitboxHome;

/**
 * The team server sign-in kept in Equinox secure storage: server address and email in the clear, the refresh
 * token encrypted. Passwords are never stored; the refresh token signs in again until it expires.
 */
public final class SecureCredentials {
    /** Where PitBox keeps its secure storage: {@code secure} in {@link PitboxHome}. */
    static Path directory() {
        return PitboxHome.resolve("secure");
    }

    private static final String NODE = "org.pitbox/team-server";
    private static final String SERVER = "serverUrl";
    private static final String EMAIL = "email";
    private static final String REFRESH = "refreshToken";

    private final ISecurePreferences root;

    public SecureCredentials() throws IOException {
        this(directory().resolve("secure_storage"));
    }

    SecureCredentials(Path file) throws IOException {
        URL location = file.toUri().toURL();
        this.root = SecurePreferencesFactory.open(location, null);
        if (root == null) {
            throw new IOException("Equinox secure storage could not be opened at " + file);
        }
    }

    public Optional<SignIn> load() throws IOException {
        ISecurePreferences node = root.node(NODE);
        try {
            String token = node.get(REFRESH, null);
            if (token == null) {
                return Optional.empty();
            }
            return Optional.of(new SignIn(node.get(SERVER, ""), node.get(EMAIL, ""), token));
        } catch (StorageException e) {
            throw new IOException("cannot read the stored sign-in: " + e.getMessage(), e);
        }
    }

    public void save(SignIn signIn) throws IOException {
        ISecurePreferences node = root.node(NODE);
        try {
            node.put(SERVER, signIn.serverUrl(), false);
            node.put(EMAIL, signIn.email(), false);
            node.put(REFRESH, signIn.refreshToken(), true);
            root.flush();
        } catch (StorageException e) {
            throw new IOException("cannot store the sign-in securely: " + e.getMessage(), e);
        }
    }

    public void clear() throws IOException {
        root.node(NODE).removeNode();
        root.flush();
    }
}
