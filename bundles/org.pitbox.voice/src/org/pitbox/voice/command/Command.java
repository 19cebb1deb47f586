package org.pitbox.voice.command;

import java.util.EnumSet;
import java.util.Set;

/**
 * One understood command: its intent and, for pit requests, the amount and unit of fuel or the tyres; for
 * radio, the words after the key phrase (empty where the engine only knows the key phrase).
 */
public record Command(Intent intent, double amount, FuelUnit unit, Set<Tyre> tyres, String message) {
    /** The units fuel is asked for in. */
    public enum FuelUnit {
        LITERS(1, "liters"), GALLONS(3.785411784, "gallons");

        private final double litres;
        private final String word;

        FuelUnit(double litres, String word) {
            this.litres = litres;
            this.word = word;
        }

        public double toLitres(double amount) {
            return amount * litres;
        }

        public String word() {
            return word;
        }
    }

    /** The four tyres, in iRacing's order. */
    public enum Tyre {
        LF, RF, LR, RR
    }

    public Command {
        tyres = Set.copyOf(tyres);
        message = message == null ? "" : message;
    }

    /** A command without amount, tyres or message. */
    public static Command of(Intent intent) {
        return new Command(intent, Double.NaN, null, EnumSet.noneOf(Tyre.class), "");
    }

    /** Fuel to add at the stop. */
    public static Command fuel(double amount, FuelUnit unit) {
        return new Command(Intent.PIT_FUEL, amount, unit, EnumSet.noneOf(Tyre.class), "");
    }

    /** Tyres to change at the stop. */
    public static Command tyres(Set<Tyre> tyres) {
        return new Command(Intent.PIT_TYRES, Double.NaN, null, tyres, "");
    }

    /** Radio to the team. */
    public static Command radio(String message) {
        return new Command(Intent.RADIO, Double.NaN, null, EnumSet.noneOf(Tyre.class), message);
    }

    /** Same command: intent, amount, unit and tyres (radio text aside, which grammar engines cannot hear). */
    public boolean sameAs(Command o) {
        return intent == o.intent && unit == o.unit && tyres.equals(o.tyres)
                && (Double.isNaN(amount) ? Double.isNaN(o.amount) : amount == o.amount);
    }
}
