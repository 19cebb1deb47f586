package org.pitbox.ui.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Workbench measurements ({@code ./pitbox benchmark ui} sets {@code -Dpitbox.benchmark=true}): the UI tests
 * take them only then, print them and append them to {@code target/benchmarks/ui.txt}. Tests never assert a time
 * or a CPU share; the README reports these figures.
 */
public final class UiBenchmark {
    private UiBenchmark() {
    }

    /** Whether this run measures (the benchmark command) or only checks behaviour (the tests). */
    public static boolean enabled() {
        return Boolean.getBoolean("pitbox.benchmark");
    }

    /** Prints one result line and keeps it in {@code target/benchmarks/ui.txt}. */
    public static void report(String line) {
        System.out.println("benchmark: " + line);
        Path file = Path.of("target", "benchmarks", "ui.txt");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
