package org.pitbox.app.pit;

import java.util.Optional;
import java.util.Set;

/** Pit-stop requests from the overlay to the sim. Called on the UI thread; each call must return quickly. */
public interface PitControl {
    /** A tyre, as iRacing names them. */
    enum Corner { LF, RF, LR, RR }

    /** Why requests cannot be sent from here, or empty when they can. */
    Optional<String> unavailableReason();

    /** Adds {@code litres} of fuel at the next stop. */
    void fuel(int litres);

    /** Changes these tyres at the next stop, keeping their pressures. */
    void tyres(Set<Corner> corners);

    void tearOff();

    void fastRepair();

    /** Clears every request: fuel, tyres, tear-off and fast repair. */
    void clear();
}
