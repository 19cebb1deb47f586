package org.pitbox.app.units;

/** Turns SI telemetry values into the user's units, with their labels. */
public final class Units {
    private static final double MPS_TO_KPH = 3.6;
    private static final double MPS_TO_MPH = 2.2369362920544;
    private static final double LITRES_PER_US_GALLON = 3.785411784;

    private final boolean imperial;

    public Units(boolean imperial) {
        this.imperial = imperial;
    }

    public double speed(double metresPerSecond) {
        return metresPerSecond * (imperial ? MPS_TO_MPH : MPS_TO_KPH);
    }

    public String speedUnit() {
        return imperial ? "mph" : "km/h";
    }

    public double fuel(double litres) {
        return imperial ? litres / LITRES_PER_US_GALLON : litres;
    }

    public String fuelUnit() {
        return imperial ? "gal" : "L";
    }
}
