package org.pitbox.core.coach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FactSheetTest {
    @Test
    void writesJsonWithTheSourcesGiven() {
        FactSheet s = new FactSheet().add("lap5.t3.time_lost", 0.21456, "s", 5, 0, 3, "SessionTime")
                .add("fuel.margin", 5, "%", 0, 0, 0, "").add("odd \"id\"\n", 1e-5, "", 0, 2, 0, "");
        assertEquals("{\"facts\":["
                + "{\"id\":\"lap5.t3.time_lost\",\"value\":0.2146,\"unit\":\"s\",\"source\":{\"lap\":5,\"corner\":3,"
                + "\"channel\":\"SessionTime\"}},"
                + "{\"id\":\"fuel.margin\",\"value\":5,\"unit\":\"%\",\"source\":{}},"
                + "{\"id\":\"odd \\\"id\\\"\\n\",\"value\":0,\"unit\":\"\",\"source\":{\"sector\":2}}]}", s.toJson());
    }

    @Test
    void aFigureThatIsNotFiniteIsLeftOut() {
        FactSheet s = new FactSheet().add("a", Double.NaN, "s", 0, 0, 0, "").add("b", 1, "s", 0, 0, 0, "");
        assertFalse(s.has("a"));
        assertTrue(Double.isNaN(s.value("a")));
        assertEquals(1, s.size());
        assertThrows(IllegalArgumentException.class, () -> new Fact("x", Double.POSITIVE_INFINITY, "", 0, 0, 0, ""));
    }
}
