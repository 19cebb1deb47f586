package org.pitbox.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.Test;
import org.pitbox.ui.services.UiPreferences;
import org.pitbox.app.units.Units;

class UiPreferencesTest {
    /** Leaves the preferences as it found them: the tests after it share the instance area. */
    @Test
    void choicesAreWrittenToTheUsersInstanceArea() throws Exception {
        UiPreferences prefs = new UiPreferences();
        String server = prefs.get(UiPreferences.SERVER_URL, null);
        try {
            prefs.put(UiPreferences.UNITS, UiPreferences.IMPERIAL);
            prefs.put(UiPreferences.SERVER_URL, "https://team.example:8443");
            UiPreferences again = new UiPreferences();
            assertTrue(again.imperial());
            assertEquals("https://team.example:8443", again.serverUrl());
            Path file = Path.of(Platform.getInstanceLocation().getURL().toURI())
                    .resolve(".metadata/.plugins/org.eclipse.core.runtime/.settings/org.pitbox.ui.prefs");
            assertTrue(Files.readString(file).contains("units=imperial"), "saved at once to " + file);
        } finally {
            prefs.put(UiPreferences.UNITS, UiPreferences.METRIC);
            prefs.put(UiPreferences.SERVER_URL, server);
        }
    }

    @Test
    void unitsConvertSpeedAndFuel() {
        assertEquals(360.0, new Units(false).speed(100), 1e-9);
        assertEquals(223.69362920544, new Units(true).speed(100), 1e-9);
        assertEquals(10.0, new Units(true).fuel(37.85411784), 1e-9);
        assertEquals("mph", new Units(true).speedUnit());
    }
}
