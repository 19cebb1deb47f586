package org.pitbox.ui.services;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.prefs.BackingStoreException;
import org.pitbox.app.team.TeamSettings;

/** The user's PitBox settings, kept per user in the instance preference scope (~/.pitbox). */
@Component(service = TeamSettings.class)
public final class UiPreferences implements TeamSettings {
    public static final String NODE = "org.pitbox.ui";
    public static final String UNITS = "units";
    public static final String SOURCE_ID = "sourceId";
    public static final String REPLAY_FILE = "replayFile";
    /** The user's math channels, as {@code org.pitbox.core.math.MathChannels} text. */
    public static final String MATH_CHANNELS = "mathChannels";

    public static final String METRIC = "metric";
    public static final String IMPERIAL = "imperial";
    public static final String DEFAULT_SOURCE = "simulator";

    private final IEclipsePreferences node;

    public UiPreferences() {
        this(InstanceScope.INSTANCE.getNode(NODE));
    }

    UiPreferences(IEclipsePreferences node) {
        this.node = node;
    }

    public String units() {
        return node.get(UNITS, METRIC);
    }

    public boolean imperial() {
        return IMPERIAL.equals(units());
    }

    public String serverUrl() {
        return node.get(SERVER_URL, DEFAULT_SERVER_URL);
    }

    public String sourceId() {
        return node.get(SOURCE_ID, DEFAULT_SOURCE);
    }

    public String replayFile() {
        return node.get(REPLAY_FILE, "");
    }

    @Override
    public String get(String key, String defaultValue) {
        return node.get(key, defaultValue);
    }

    /** Stores a value ({@code null} removes it) and writes it to disk at once, so a crash loses nothing. */
    @Override
    public void put(String key, String value) {
        if (value == null) {
            node.remove(key);
        } else {
            node.put(key, value);
        }
        try {
            node.flush();
        } catch (BackingStoreException e) {
            throw new IllegalStateException("could not save preference " + key + ": " + e.getMessage(), e);
        }
    }
}
