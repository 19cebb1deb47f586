package org.pitbox.core.sim;

/** How the simulated driver drives on track: at the car's limit, or with a scenario's mistakes. */
interface Driving {
    Driving IDEAL = new Driving() {
    };

    /** Speed to aim for at {@code s} metres into lap {@code lap}, at {@code pace} (about 0.99) of the limit. */
    default double target(int lap, double s, double pace, SpeedProfile profile) {
        return pace * profile.at(s);
    }

    /** Whether the car spins moving from {@code from} to {@code to} metres on lap {@code lap}. */
    default boolean spins(int lap, double from, double to) {
        return false;
    }

    /** Degrees added to the front tyres' temperature (half to the rears) on lap {@code lap}. */
    default double tyreHeat(int lap) {
        return 0;
    }
}
