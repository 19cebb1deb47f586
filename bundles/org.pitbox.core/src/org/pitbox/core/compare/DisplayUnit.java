package org.pitbox.core.compare;

/**
 * How a channel's SI values are shown: the label and the factor from the recording's unit (m/s to km/h,
 * iRacing's 0..1 "%" to percent, radians to degrees).
 */
public record DisplayUnit(String label, double factor) {
    private static final double MPS_TO_KPH = 3.6;
    private static final double MPS_TO_MPH = 2.2369362920544;
    private static final double METRES_TO_FEET = 3.280839895;

    /** The display unit for a recording's {@code unit} text. */
    public static DisplayUnit of(String unit, boolean imperial) {
        return switch (unit) {
            case "m/s" -> imperial ? new DisplayUnit("mph", MPS_TO_MPH) : new DisplayUnit("km/h", MPS_TO_KPH);
            case "m" -> imperial ? new DisplayUnit("ft", METRES_TO_FEET) : new DisplayUnit("m", 1);
            case "%" -> new DisplayUnit("%", 100);
            case "rad" -> new DisplayUnit("deg", Math.toDegrees(1));
            case "rad/s" -> new DisplayUnit("deg/s", Math.toDegrees(1));
            case "revs/min" -> new DisplayUnit("rpm", 1);
            case "C" -> new DisplayUnit("°C", 1);
            default -> new DisplayUnit(unit, 1);
        };
    }

    public double apply(double value) {
        return value * factor;
    }
}
