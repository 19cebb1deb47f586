package org.pitbox.core.coach;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds every number in a text and matches it against a {@link FactSheet}. A number is read with its unit: lap
 * times (1:41.234, in s), s, ms, m, ft, km/h, kph, mph, L, gal, %, laps, C and F; lap, turn and sector numbers
 * ("lap 14", "Turn 3", "T3", "sector 2", "S2"); or bare. The tolerance: a number matches a fact when the fact,
 * converted to the number's unit, rounds to it at the decimals shown (within half a unit of the last digit shown);
 * signs are ignored, since the words say later or earlier. A lap, turn or sector number matches when the sheet has
 * a fact about that lap (or a lap-number fact of that value), corner or sector; a bare number matches a fact of
 * any unit.
 */
public final class FactCheck {
    private static final double GALLON = 3.785411784;
    private static final double MILE = 1.609344;
    private static final double FOOT = 0.3048;
    private static final BigDecimal MINUTE = BigDecimal.valueOf(60);
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\w.:])(\\d{1,2}):([0-5]\\d(?:\\.\\d+)?)(?![\\d.:])"
                    + "|(?i:\\b(lap|turn|corner|sector)\\s*#?)(\\d+)(?![\\d.]|:\\d)"
                    + "|\\b([TS])(\\d+)\\b"
                    + "|(?<![\\w.])(-?\\d+(?:\\.\\d+)?)\\s*(?i:(km/h|kph|mph|°C|°F|gallons?|gal|litres?|liters?|l"
                    + "|laps?|ms|seconds?|secs?|s|metres?|meters?|m|feet|ft|%|C|F))?(?![\\w/])");

    private FactCheck() {
    }

    /**
     * A number in a text.
     *
     * @param unit     canonical: s, ms, m, ft, km/h, mph, L, gal, %, laps, C, F, lap, turn, sector, or empty
     * @param decimals digits shown after the point
     */
    public record Mention(String text, double value, String unit, int decimals) {
    }

    /** The numbers of a text that match a fact, and those that do not. */
    public record Result(List<Mention> matched, List<Mention> unmatched) {
        public Result {
            matched = List.copyOf(matched);
            unmatched = List.copyOf(unmatched);
        }

        /** Matched numbers over all numbers; 1 for a text without numbers. */
        public double verifiedShare() {
            int all = matched.size() + unmatched.size();
            return all == 0 ? 1 : (double) matched.size() / all;
        }
    }

    /** The numbers of {@code text}, in order. */
    public static List<Mention> numbers(String text) {
        List<Mention> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            if (m.group(1) != null) {
                double seconds = new BigDecimal(m.group(1)).multiply(MINUTE).add(new BigDecimal(m.group(2)))
                        .doubleValue();
                out.add(new Mention(m.group(), seconds, "s", decimals(m.group(2))));
            } else if (m.group(3) != null) {
                String word = m.group(3).toLowerCase(Locale.ROOT);
                out.add(new Mention(m.group(), Integer.parseInt(m.group(4)), word.equals("corner") ? "turn" : word, 0));
            } else if (m.group(5) != null) {
                out.add(new Mention(m.group(), Integer.parseInt(m.group(6)), m.group(5).equals("T") ? "turn" : "sector",
                        0));
            } else {
                out.add(new Mention(m.group().strip(), Double.parseDouble(m.group(7)), unit(m.group(8)),
                        decimals(m.group(7))));
            }
        }
        return out;
    }

    /** Every number of {@code text} against {@code sheet}. */
    public static Result check(String text, FactSheet sheet) {
        List<Mention> matched = new ArrayList<>();
        List<Mention> unmatched = new ArrayList<>();
        for (Mention m : numbers(text)) {
            (sheet.facts().stream().anyMatch(f -> matches(m, f)) ? matched : unmatched).add(m);
        }
        return new Result(matched, unmatched);
    }

    static boolean matches(Mention m, Fact f) {
        return switch (m.unit()) {
            case "lap" -> f.lap() == m.value() || f.unit().equals("lap") && f.value() == m.value();
            case "turn" -> f.corner() == m.value();
            case "sector" -> f.sector() == m.value();
            default -> close(m, converted(f, m.unit()));
        };
    }

    private static boolean close(Mention m, double value) {
        return Math.abs(Math.abs(value) - Math.abs(m.value())) <= 0.5 * Math.pow(10, -m.decimals()) + 1e-9;
    }

    /** The fact's value in {@code unit}, NaN when the units measure different things. */
    private static double converted(Fact f, String unit) {
        double v = f.value();
        String from = f.unit();
        if (unit.isEmpty() || unit.equals(from)) {
            return v;
        }
        return switch (from + ">" + unit) {
            case "s>ms" -> v * 1000;
            case "m>ft" -> v / FOOT;
            case "km/h>mph" -> v / MILE;
            case "L>gal" -> v / GALLON;
            case "C>F" -> f.id().endsWith("vs_best") ? v * 9 / 5 : v * 9 / 5 + 32;
            default -> Double.NaN;
        };
    }

    private static String unit(String word) {
        if (word == null) {
            return "";
        }
        String w = word.toLowerCase(Locale.ROOT);
        return switch (w) {
            case "kph" -> "km/h";
            case "°c", "c" -> "C";
            case "°f", "f" -> "F";
            case "gallon", "gallons" -> "gal";
            case "l", "litre", "litres", "liter", "liters" -> "L";
            case "lap", "laps" -> "laps";
            case "second", "seconds", "sec", "secs" -> "s";
            case "metre", "metres", "meter", "meters" -> "m";
            case "feet" -> "ft";
            default -> w;
        };
    }

    private static int decimals(String number) {
        int dot = number.indexOf('.');
        return dot < 0 ? 0 : number.length() - dot - 1;
    }
}
