package org.pitbox.voice.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pitbox.voice.command.CommandTable;

/** Vosk's native library for real; no Vosk model is reachable from this build, so only its failure path is run. */
class VoskEngineTest {
    private static final boolean SHIPPED = System.getProperty("os.arch").matches("amd64|x86_64")
            && System.getProperty("os.name").matches("Linux|Windows.*") || System.getProperty("os.name").startsWith("Mac");

    @Test
    void nativeLibraryLoads() {
        assumeTrue(SHIPPED, "skipped: Vosk 0.3.45 ships no native library for " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch"));
        assertEquals(Optional.empty(), VoskEngine.loadError());
    }

    @Test
    void aFolderWithoutAModelIsAClearError(@TempDir Path dir) {
        assumeTrue(VoskEngine.loadError().isEmpty(), "skipped: " + VoskEngine.loadError().orElse(""));
        IOException missing = assertThrows(IOException.class,
                () -> new VoskEngine(dir.resolve("absent"), CommandTable.standard()));
        assertTrue(missing.getMessage().startsWith("no Vosk model folder at "), missing.getMessage());
        IOException empty = assertThrows(IOException.class, () -> new VoskEngine(dir, CommandTable.standard()));
        assertTrue(empty.getMessage().contains("model"), empty.getMessage());
    }

    @Test
    void resultTextIsRead() {
        assertEquals("box this lap", VoskEngine.text("{\n  \"text\" : \"box this lap\"\n}"));
        assertEquals("", VoskEngine.text("{\"partial\" : \"\"}"));
    }
}
