package org.pitbox.core.flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class BitFlagTest {
    @Test
    void decodesBitsToNames() {
        assertEquals(Set.of(SessionFlag.SERVICEABLE, SessionFlag.START_HIDDEN), SessionFlag.decode(0x10040000L));
        assertEquals(Set.of(SessionFlag.CHECKERED, SessionFlag.BLUE, SessionFlag.BLACK, SessionFlag.REPAIR),
                SessionFlag.decode(0x1 | 0x20 | 0x10000 | 0x100000));
        assertEquals("checkered", SessionFlag.CHECKERED.label());
        assertEquals(Set.of(EngineWarning.OIL_PRESSURE, EngineWarning.ENGINE_STALLED), EngineWarning.decode(12));
        assertEquals("pit limiter", EngineWarning.PIT_LIMITER.label());
        assertTrue(SessionFlag.decode(0).isEmpty());
    }
}
