package org.pitbox.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerConfigTest {
    @Test
    void flagsWinOverEnvironment() {
        ServerConfig c = ServerConfig.from(new String[] {"--port", "9000", "--data-dir", "/tmp/x"},
                Map.of("PITBOX_PORT", "7000", "PITBOX_DATA_DIR", "/tmp/y"));
        assertEquals(9000, c.port());
        assertEquals(Path.of("/tmp/x"), c.dataDir());
    }

    @Test
    void environmentWinsOverDefaults() {
        ServerConfig c = ServerConfig.from(new String[0], Map.of("PITBOX_PORT", "7000"));
        assertEquals(7000, c.port());
        assertTrue(c.jdbcUrl().startsWith("jdbc:h2:file:"));
    }

    @Test
    void badValuesFailWithOneClearLine() {
        assertEquals("port must be a number, got 'abc'", assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.from(new String[] {"--port", "abc"}, Map.of())).getMessage());
        assertEquals("port must be 0..65535, got 70000", assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.from(new String[] {"--port", "70000"}, Map.of())).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.from(new String[] {"--bogus", "1"}, Map.of())).getMessage().startsWith("unknown option --bogus"));
        assertEquals("missing value after --port", assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.from(new String[] {"--port"}, Map.of())).getMessage());
    }
}
