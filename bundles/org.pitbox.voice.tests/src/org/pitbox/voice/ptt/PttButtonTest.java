package org.pitbox.voice.ptt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PttButtonTest {
    @Test
    void aBindingSurvivesThePreferences() {
        PttButton key = PttButton.key(65, "space");
        PttButton wheel = PttButton.controller("Fanatec ClubSport Wheel | Rim", 7);
        assertEquals(key, PttButton.decode(key.encode()));
        assertTrue(wheel.sameAs(PttButton.decode(wheel.encode())), wheel.encode());
        assertEquals("Fanatec ClubSport Wheel | Rim, button 8", wheel.label());
    }

    @Test
    void aBrokenValueIsNoBinding() {
        for (String s : new String[] {null, "", "key|x|space", "pedal|1|x", "key|-4|x", "controller|2"}) {
            assertNull(PttButton.decode(s), String.valueOf(s));
        }
    }
}
