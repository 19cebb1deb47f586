package org.pitbox.voice.ptt;

import java.util.Set;

/**
 * Buttons of one kind the driver can hold to talk, read while another program (iRacing) has the focus. Sources
 * are polled: {@link #pressed()} is the set held now.
 */
public interface ButtonSource extends AutoCloseable {
    /** What the settings call it, e.g. "Keyboard (X11)". */
    String name();

    /** The buttons held down now. */
    Set<PttButton> pressed();

    /** Whether this one button is held now; sources where asking for one is cheaper override it. */
    default boolean isDown(PttButton button) {
        return pressed().stream().anyMatch(button::sameAs);
    }

    @Override
    void close();
}
