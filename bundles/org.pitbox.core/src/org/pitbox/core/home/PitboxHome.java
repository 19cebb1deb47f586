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

    /** The home moved for a while; closing it puts the one before back. */
    public interface Moved extends AutoCloseable {
        @Override
        void close();
    }

    /** Moves the home to {@code dir} until the returned handle is closed (tests, and servers run beside the desktop). */
    public static Moved moveTo(Path dir) {
        String before = System.getProperty(PROPERTY);
        System.setProperty(PROPERTY, dir.toString());
        return () -> {
            if (before == null) {
                System.clearProperty(PROPERTY);
            } else {
                System.setProperty(PROPERTY, before);
            }
        };
    }

    /** A folder under the home folder, for example {@code resolve("spool")}. */
    public static Path resolve(String first, String... more) {
        return dir().resolve(Path.of(first, more));
    }
}
