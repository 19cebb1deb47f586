package org.pitbox.app.team;

import java.util.HashMap;
import java.util.Map;

/** Settings in memory: what the workbench keeps in its preferences. */
public final class MemorySettings implements TeamSettings {
    final Map<String, String> values = new HashMap<>();

    @Override
    public synchronized String get(String key, String defaultValue) {
        return values.getOrDefault(key, defaultValue);
    }

    @Override
    public synchronized void put(String key, String value) {
        values.put(key, value);
    }
}
