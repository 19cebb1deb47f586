package org.pitbox.iracing.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class BroadcastMessagesTest {
    private final List<int[]> sent = new ArrayList<>();
    private final BroadcastMessages msgs = new BroadcastMessages((w, l) -> sent.add(new int[] {w, l}));

    private void assertSent(int msg, int var1, int var2) {
        int[] last = sent.get(sent.size() - 1);
        assertEquals(msg, last[0] & 0xFFFF, "message");
        assertEquals(var1, last[0] >>> 16, "var1");
        assertEquals(var2, last[1], "var2");
    }

    @Test
    void packing() {
        assertEquals(0x0002_0009, MessagePacking.makeLong(9, 2));
        assertEquals(0xFFFF_0001, MessagePacking.makeLong(0x1_0001, 0xFFFF));
        assertEquals(0x0003_0009, MessagePacking.wParam(BroadcastMessage.PIT_COMMAND, 3));
        assertEquals(65536 * 3 / 2, MessagePacking.fixed16(1.5f));
        assertEquals(9, BroadcastMessage.PIT_COMMAND.code());
        assertEquals(8, BroadcastMessage.CHAT_COMMAND.code());
        assertEquals(13, BroadcastMessage.VIDEO_CAPTURE.code());
    }

    @Test
    void pitCommandsCarryTheirSdkCodes() {
        msgs.clearAll();
        assertSent(9, 0, 0);
        msgs.tearOff();
        assertSent(9, 1, 0);
        msgs.fuel(42);
        assertSent(9, 2, 42);
        msgs.tyre(PitCommand.LF, 170);
        assertSent(9, 3, 170);
        msgs.tyre(PitCommand.RR, 0);
        assertSent(9, 6, 0);
        msgs.clearTyres();
        assertSent(9, 7, 0);
        msgs.fastRepair();
        assertSent(9, 8, 0);
        msgs.clearWindshield();
        assertSent(9, 9, 0);
        msgs.clearFastRepair();
        assertSent(9, 10, 0);
        msgs.clearFuel();
        assertSent(9, 11, 0);
        msgs.pit(PitCommand.TEAR_OFF, 99);
        assertSent(9, 1, 0);
        msgs.chatMacro(15);
        assertSent(8, 0, 15);
        assertThrows(IllegalArgumentException.class, () -> msgs.chatMacro(16));
        assertThrows(IllegalArgumentException.class, () -> msgs.tyre(PitCommand.FUEL, 1));
        assertThrows(IllegalArgumentException.class, () -> msgs.fuel(-1));
    }

    @Test
    void offWindowsEveryEntryPointSaysWhy() {
        assumeFalse(System.getProperty("os.name", "").startsWith("Windows"), "runs off Windows only");
        assertEquals("Pit commands and chat are only available on Windows with iRacing running",
                assertThrows(UnsupportedOperationException.class, BroadcastMessages::open).getMessage());
        assertEquals("Live telemetry from shared memory is only available on Windows with iRacing running",
                assertThrows(UnsupportedOperationException.class, WindowsSharedMemory::open).getMessage());
    }
}
