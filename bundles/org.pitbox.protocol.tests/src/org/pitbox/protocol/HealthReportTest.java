package org.pitbox.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthReportTest {
    @Test
    void upOnlyWhenEveryCheckIsUp() {
        assertTrue(HealthReport.of("1.0", Map.of("database", "UP", "relay", "UP")).isUp());
        assertFalse(HealthReport.of("1.0", Map.of("database", "DOWN", "relay", "UP")).isUp());
    }

    @Test
    void jsonRoundTripIsStableAndOrdered() throws Exception {
        HealthReport report = HealthReport.of("0.1.0", Map.of("relay", "UP", "database", "UP"));
        String json = ProtocolJson.mapper().writeValueAsString(report);
        assertEquals("{\"status\":\"UP\",\"version\":\"0.1.0\",\"checks\":{\"database\":\"UP\",\"relay\":\"UP\"}}", json);
        assertEquals(report, ProtocolJson.mapper().readValue(json, HealthReport.class));
    }

    @Test
    void unknownFieldsFromNewerServersAreIgnored() throws Exception {
        HealthReport report = ProtocolJson.mapper().readValue(
                "{\"status\":\"DOWN\",\"version\":\"9\",\"checks\":{},\"uptime\":5}", HealthReport.class);
        assertFalse(report.isUp());
    }
}
