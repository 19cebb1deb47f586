package org.pitbox.voice.ptt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A controller device played by a named pipe, as the kernel's joystick device delivers events: blocking reads. */
class LinuxJoysticksTest {
    @TempDir
    Path dir;

    @Test
    void aWheelButtonIsHeldThenReleased() throws Exception {
        assumeTrue(!System.getProperty("os.name").startsWith("Windows"), "skipped: named pipes are a Unix test");
        Path dev = Files.createDirectories(dir.resolve("dev"));
        Path js = dev.resolve("js0");
        Process mkfifo = new ProcessBuilder("mkfifo", js.toString()).start();
        assumeTrue(mkfifo.waitFor() == 0, "skipped: mkfifo is not available");
        Files.createDirectories(dir.resolve("sys/js0/device"));
        Files.writeString(dir.resolve("sys/js0/device/name"), "Test Wheel Rim\n");

        try (LinuxJoysticks sticks = new LinuxJoysticks(dev, dir.resolve("sys"))) {
            assertTrue(sticks.pressed().isEmpty(), "nothing held before any event");
            try (OutputStream out = Files.newOutputStream(js)) {
                out.write(event(0, 0x81, 3));
                out.write(event(1, 0x02, 0));
                out.write(event(1, 0x01, 3));
                out.flush();
                PttButton rim = PttButton.controller("Test Wheel Rim", 3);
                waitFor(sticks, Set.of(rim));
                out.write(event(0, 0x01, 3));
                out.flush();
                waitFor(sticks, Set.of());
                out.write(event(1, 0x01, 5));
                out.flush();
                waitFor(sticks, Set.of(PttButton.controller("Test Wheel Rim", 5)));
            }
            waitFor(sticks, Set.of());
        }
    }

    private static byte[] event(int value, int type, int number) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(1234).putShort((short) value)
                .put((byte) type).put((byte) number).array();
    }

    private static void waitFor(LinuxJoysticks sticks, Set<PttButton> expected) throws InterruptedException {
        Set<PttButton> now = sticks.pressed();
        for (int i = 0; i < 300 && !now.equals(expected); i++) {
            Thread.sleep(10);
            now = sticks.pressed();
        }
        assertEquals(expected, now);
    }
}
