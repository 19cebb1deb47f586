package org.pitbox.ui.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pitbox.app.team.SignInStore;
import org.pitbox.core.home.PitboxHome;

/** The sign-in goes through Equinox secure storage (in the OSGi runtime): encrypted, and back again. */
class SecureCredentialsTest {
    private static final String TOKEN = "refresh-8c1f2a9e7d3b4c5a6f7e8d9c0b1a2f3e";
    private Path dir;
    private PitboxHome.Moved home;

    @BeforeEach
    void useATemporaryFolder() throws Exception {
        Path folder = Files.createTempDirectory("pitbox-home");
        home = PitboxHome.moveTo(folder);
        dir = folder.resolve("secure");
    }

    /** Puts the tests' home back: cleared, the tests after this one would write into the user's ~/.pitbox. */
    @AfterEach
    void forgetIt() {
        home.close();
    }

    @Test
    void aRefreshTokenIsStoredEncryptedAndReadBack() throws Exception {
        Path file = dir.resolve("secure_storage");
        SignInStore.SignIn signIn = new SignInStore.SignIn("http://127.0.0.1:8080", "ana@team.example",
                TOKEN);
        new SecureCredentials(file).save(signIn);

        assertEquals(Optional.of(signIn), new SecureCredentials(file).load(), "read back");
        String stored = Files.readString(file);
        assertFalse(stored.contains(TOKEN), "the token is not in the clear: " + stored);
        Path key = dir.resolve("master.key");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));

        new SecureCredentials(file).clear();
        assertEquals(Optional.empty(), new SecureCredentials(file).load(), "signed out");
    }
}
