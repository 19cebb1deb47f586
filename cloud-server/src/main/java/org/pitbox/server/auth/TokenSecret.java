package org.pitbox.server.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.pitbox.server.ServerConfig;

/** The token signing secret: configured, or on the embedded database kept in {@code dataDir/token.secret}. */
public final class TokenSecret {
    public static final String FILE = "token.secret";

    private TokenSecret() {
    }

    public static String resolve(ServerConfig config) throws IOException {
        if (config.tokenSecret() != null) {
            return config.tokenSecret();
        }
        Path file = config.dataDir().resolve(FILE);
        if (Files.exists(file)) {
            String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (secret.length() < ServerConfig.MIN_SECRET_LENGTH) {
                throw new IllegalArgumentException(file + " holds a secret shorter than "
                        + ServerConfig.MIN_SECRET_LENGTH + " characters");
            }
            return secret;
        }
        String secret = Secrets.randomToken(48);
        Path tmp = config.dataDir().resolve(FILE + ".tmp");
        Files.deleteIfExists(tmp);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(tmp, secret, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING);
        Files.move(tmp, file);
        return secret;
    }
}
