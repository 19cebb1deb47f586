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
        Path dir = Path.of(System.getProperty("pitbox.screenshots", "target/screenshots")).toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir.resolve(name);
    }
}
