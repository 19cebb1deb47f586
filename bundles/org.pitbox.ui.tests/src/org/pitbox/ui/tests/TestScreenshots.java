package org.pitbox.ui.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where UI tests save their screenshots: {@code target/screenshots}, or the folder {@code -Dpitbox.screenshots}
 * names ({@code ./pitbox screenshots} points it at the README's {@code docs/images} on purpose).
 */
public final class TestScreenshots {
    private TestScreenshots() {
    }

    /** The screenshot file {@code name}, its folder created. */
    public static Path file(String name) {
        return in(Path.of(System.getProperty("pitbox.screenshots", "target/screenshots")), name);
    }

    /** A screenshot for checking by eye only, never a README picture: always under {@code target/screenshots}. */
    public static Path check(String name) {
        return in(Path.of("target/screenshots"), name);
    }

    private static Path in(Path folder, String name) {
        Path dir = folder.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir.resolve(name);
    }
}
