package org.pitbox.core.compare;

/**
 * How a channel's values are shown: the label and the linear conversion from the recording's unit
 * ({@code shown = value * factor + offset}): m/s to km/h or mph, iRacing's 0..1 "%" to percent, radians to
 * degrees, and in imperial units °C to °F, litres to US gallons, bar and kPa to psi, kg to lb, metres to feet.
 * Units it does not know are shown as they are.
 */
public record DisplayUnit(String label, double factor, double offset) {
    private static final double MPS_TO_KPH = 3.6;
    private static final double MPS_TO_MPH = 2.2369362920544;
    private static final double KPH_TO_MPH = MPS_TO_MPH / MPS_TO_KPH;
    private static final double METRES_TO_FEET = 1 / 0.3048;
    private static final double LITRES_PER_US_GALLON = 3.785411784;
    private static final double PSI_PER_BAR = 14.503773773;
    private static final double POUNDS_PER_KG = 2.2046226218;

    /** A conversion by a factor alone. */
    public DisplayUnit(String label, double factor) {
        this(label, factor, 0);
    }

    /** The display unit for a recording's (or a math channel's) {@code unit} text. */
    public static DisplayUnit of(String unit, boolean imperial) {
        return switch (unit == null ? "" : unit) {
            case "m/s" -> imperial ? new DisplayUnit("mph", MPS_TO_MPH) : new DisplayUnit("km/h", MPS_TO_KPH);
            case "km/h", "kph" -> imperial ? new DisplayUnit("mph", KPH_TO_MPH) : new DisplayUnit("km/h", 1);
            case "m" -> imperial ? new DisplayUnit("ft", METRES_TO_FEET) : new DisplayUnit("m", 1);
            case "%" -> new DisplayUnit("%", 100);
            case "rad" -> new DisplayUnit("deg", Math.toDegrees(1));
            case "rad/s" -> new DisplayUnit("deg/s", Math.toDegrees(1));
            case "revs/min", "RPM" -> new DisplayUnit("rpm", 1);
            case "C", "°C", "degC" -> imperial ? new DisplayUnit("°F", 1.8, 32) : new DisplayUnit("°C", 1);
            case "l", "L" -> imperial ? new DisplayUnit("gal", 1 / LITRES_PER_US_GALLON) : new DisplayUnit("L", 1);
            case "bar" -> imperial ? new DisplayUnit("psi", PSI_PER_BAR) : new DisplayUnit("bar", 1);
            case "kPa" -> imperial ? new DisplayUnit("psi", PSI_PER_BAR / 100) : new DisplayUnit("kPa", 1);
            case "kg" -> imperial ? new DisplayUnit("lb", POUNDS_PER_KG) : new DisplayUnit("kg", 1);
            case "kg/h" -> imperial ? new DisplayUnit("lb/h", POUNDS_PER_KG) : new DisplayUnit("kg/h", 1);
            default -> new DisplayUnit(unit == null ? "" : unit, 1);
        };
    }

    /** The shown value of a recorded {@code value}. */
    public double apply(double value) {
        return value * factor + offset;
    }

    /** The recorded value of a shown {@code value}. */
    public double invert(double shown) {
        return (shown - offset) / factor;
    }

    /** A shown difference of a recorded difference (no offset): for axis steps and deltas. */
    public double scale(double difference) {
        return difference * factor;
    }
}
