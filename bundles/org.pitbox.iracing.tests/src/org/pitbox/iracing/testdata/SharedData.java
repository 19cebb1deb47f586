package org.pitbox.iracing.testdata;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;

/**
 * Finds the real iRacing recordings in {@code ../shared/data/iracing} (never copied into the project).
 * Set {@code -Dpitbox.shared=DIR} to point elsewhere. Tests that need them are skipped, with a message,
 * when the folder is absent.
 */
public final class SharedData {
    private SharedData() {
    }

    /** The names of the real .ibt recordings in {@code data/iracing/ibt}, for parameterized tests. */
    public static Stream<String> ibtFiles() {
        return Stream.of("teamjorge_valid_test_file.ibt", "florendg_test.ibt", "robroberts_sk.ibt", "robroberts_sk2.ibt",
                "robroberts_skmodified_langley_2015-05-28_14-45-12.ibt", "robroberts_skmodified_langley_2015-05-28_14-45-28.ibt",
                "robroberts_skmodified_langley_2015-05-28_14-50-46.ibt", "robroberts_skmodified_langley_2015-08-24_20-48-50.ibt",
                "robroberts_skmodified_martinsville_2016-02-07_21-01-44.ibt",
                "robroberts_skmodified_tour_martinsville_2015-05-30_20-32-44.ibt");
    }

    /** The {@code data/iracing} folder, or {@code null} when it cannot be found. */
    public static Path iracingDirOrNull() {
        String override = System.getProperty("pitbox.shared");
        if (override != null) {
            Path p = Paths.get(override, "data", "iracing");
            return Files.isDirectory(p) ? p : null;
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve("shared").resolve("data").resolve("iracing");
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        return null;
    }

    /** A file below {@code data/iracing}, for example {@code ibt/florendg_test.ibt}; skips the test when absent. */
    public static Path iracing(String relative) {
        Path dir = iracingDirOrNull();
        assumeTrue(dir != null, "real iRacing recordings not found: expected ../shared/data/iracing beside the project"
                + " (or -Dpitbox.shared=DIR); skipping");
        Path file = dir.resolve(relative);
        assumeTrue(Files.isRegularFile(file), "real recording missing: " + file + "; skipping");
        return file;
    }
}
