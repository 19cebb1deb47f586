package org.pitbox.ui.services;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.spec.PBEKeySpec;
import org.eclipse.equinox.security.storage.provider.IPreferencesContainer;
import org.eclipse.equinox.security.storage.provider.PasswordProvider;

/**
 * The master password of Equinox secure storage where the platform has no keychain module (Linux without a
 * keyring, tests): 32 random bytes in {@code secure/master.key}, readable by the user only. It keeps tokens
 * encrypted and out of preference files; the protection is that file's permissions. On Windows and macOS
 * Equinox's own modules (DPAPI, keychain) have the higher priority and are used instead.
 */
public class KeyFilePasswordProvider extends PasswordProvider {
    public static final String MODULE_ID = "org.pitbox.ui.keyFile";

    @Override
    public PBEKeySpec getPassword(IPreferencesContainer container, int passwordType) {
        try {
            return new PBEKeySpec(readOrCreate(SecureCredentials.directory().resolve("master.key")).toCharArray());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read PitBox's secure storage key: " + e.getMessage(), e);
        }
    }

    static String readOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Path temp = Files.createTempFile(file.getParent(), "master", ".tmp");
            restrict(temp);
            Files.writeString(temp, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
            try {
                Files.move(temp, file);
            } catch (FileAlreadyExistsException e) {
                Files.delete(temp); // another process made it first
            }
        }
        return Files.readString(file, StandardCharsets.US_ASCII).strip();
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Windows: the user's profile folder is private already
        }
    }
}
