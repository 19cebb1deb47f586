package org.pitbox.core.home;

import java.nio.file.Path;

/**
 * The folder where the desktop keeps the user's state: secure storage, the live spool and the session cache.
 * {@code ~/.pitbox} unless {@code -Dpitbox.home} names another one (the demo and the tests use their own).
 */
public final class PitboxHome {
    /** The system property that moves PitBox's home folder. */
    public static final String PROPERTY = "pitbox.home";

    private PitboxHome() {
    }

    /** The home folder itself. */
    public static Path dir() {
        String dir = System.getProperty(PROPERTY, "");
        return dir.isBlank() ? Path.of(System.getProperty("user.home"), ".pitbox") : Path.of(dir);
    }

    /** A folder under the home folder, for example {@code resolve("spool")}. */
    public static Path resolve(String first, String... more) {
        return dir().resolve(Path.of(first, more));
    }
}
