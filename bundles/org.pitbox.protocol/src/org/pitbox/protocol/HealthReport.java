package org.pitbox.protocol;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code GET /health} answers: the overall status, the server version and one status per
 * dependency (database, relay, ...).
 */
public record HealthReport(String status, String version, Map<String, String> checks) {
    public static final String UP = "UP";
    public static final String DOWN = "DOWN";

    public HealthReport {
        checks = checks == null ? Map.of() : Map.copyOf(new TreeMap<>(checks));
    }

    /** UP when every check is UP. */
    public static HealthReport of(String version, Map<String, String> checks) {
        boolean up = checks.values().stream().allMatch(UP::equals);
        return new HealthReport(up ? UP : DOWN, version, checks);
    }

    @JsonIgnore
    public boolean isUp() {
        return UP.equals(status);
    }
}
