package org.pitbox.core.sim;

/** The simulated car: a GT3-like point mass with power, drag, grip and brake limits and six gears. */
final class Car {
    static final String SCREEN_NAME = "PitBox GT3";
    static final String PATH = "pitboxgt3";
    static final double G = 9.81;
    static final double REDLINE = 7500;
    static final double IDLE = 1200;
    /** Speed at the redline in each gear, m/s. */
    static final double[] GEAR_TOP = {23, 34, 45, 56, 68, 82};
    static final double STEERING_RATIO = 14;
    static final double WHEELBASE = 2.7;
    static final double FUEL_KG_PER_LITRE = 0.75;

    private static final double POWER_PER_KG = 300;
    private static final double DRAG = 6.3e-4;
    private static final double GRIP = 1.6;
    private static final double TRACTION = 9;
    private static final double BRAKE = 16;
    private static final double SCRUB = 0.08;
    private static final double MAX_SPEED = 90;

    private Car() {
    }

    /** Largest drive acceleration the engine and tyres give at speed v. */
    static double drive(double v) {
        return Math.min(TRACTION, POWER_PER_KG / Math.max(v, 1));
    }

    /** Deceleration from air and tyre scrub at speed v on curvature k. */
    static double resistance(double v, double k) {
        return DRAG * v * v + SCRUB * v * v * Math.abs(k);
    }

    static double brake(double v) {
        return BRAKE + DRAG * v * v;
    }

    static double cornerSpeed(double k) {
        return Math.min(MAX_SPEED, Math.sqrt(GRIP * G / Math.max(Math.abs(k), 1e-6)));
    }

    /** Throttle (0..1) for acceleration a at speed v on curvature k. */
    static double throttle(double v, double a, double k) {
        return clamp((a + resistance(v, k)) / drive(v));
    }

    /** Brake (0..1) for acceleration a at speed v on curvature k. */
    static double brake(double v, double a, double k) {
        return clamp(-(a + resistance(v, k)) / BRAKE);
    }

    static double clamp(double x) {
        return x < 0 ? 0 : x > 1 ? 1 : x;
    }
}
