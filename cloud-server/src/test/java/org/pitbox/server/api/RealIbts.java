package org.pitbox.server.api;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The real iRacing recordings in ../shared/data/iracing/ibt beside the project; tests without them are skipped. */
public final class RealIbts {
    private RealIbts() {
    }

    /** Every .ibt there, smallest first. */
    public static List<Path> all() throws IOException {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path dir = p.resolve("shared/data/iracing/ibt");
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    List<Path> ibts = files.filter(f -> f.toString().endsWith(".ibt"))
                            .sorted(Comparator.comparingLong(f -> f.toFile().length())).toList();
                    assumeTrue(!ibts.isEmpty(), "no .ibt in " + dir);
                    return ibts;
                }
            }
        }
        assumeTrue(false, "real iRacing recordings not found: expected ../shared/data/iracing/ibt beside the project");
        return List.of();
    }

    /** The smallest recording of at least {@code bytes}. */
    public static Path atLeast(long bytes) throws IOException {
        Path file = all().stream().filter(f -> f.toFile().length() >= bytes).findFirst().orElse(null);
        assumeTrue(file != null, "no real .ibt of at least " + bytes + " bytes");
        return file;
    }
}
