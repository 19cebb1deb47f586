package org.pitbox.server.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The answer when no agent can give one. A fuel question gets the engineer's sentence (what to add, what the flag
 * needs, what the tank lasts), a pit question when to box and what to add; both add the litres the strategy card
 * adds ({@link StrategyCards#stopFuel}); a question about the best or the last lap gets its time, lap and the best
 * sectors. Otherwise the session's figures that match the question's words (fuel, sector,
 * lap), the session's bests first. Every figure is the fact sheet's, rounded as an engineer says it, and cited, so
 * every number is verified.
 */
public final class RuleBasedAnswers {
    public static final int MAX_FACTS = 6;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SECTOR = Pattern.compile("(^|\\.)s\\d+\\.");
    private static final Pattern PIT = Pattern.compile("\\b(pit|box|stop)");
    private static final Pattern LAST = Pattern.compile("\\b(last|previous) lap");
    private static final Pattern LAP_TIME = Pattern.compile("lap(\\d+)\\.time");

    public String answer(String question, String factsJson) {
        List<JsonNode> facts = new ArrayList<>();
        try {
            JSON.readTree(factsJson).path("facts").forEach(facts::add);
        } catch (IOException e) {
            // an unreadable sheet has no figures
        }
        String q = question.toLowerCase(Locale.ROOT);
        if (!q.contains("fuel") && PIT.matcher(q).find()) {
            String pit = pitAnswer(facts);
            if (pit != null) {
                return pit;
            }
        }
        if (q.contains("fuel") || PIT.matcher(q).find()) {
            String fuel = fuelAnswer(facts);
            if (fuel != null) {
                return fuel;
            }
        }
        if (LAST.matcher(q).find() || q.contains("best") && q.contains("lap")) {
            String lap = lapAnswer(facts, LAST.matcher(q).find());
            if (lap != null) {
                return lap;
            }
        }
        List<JsonNode> chosen = new ArrayList<>(facts.stream().filter(f -> wanted(q, f)).toList());
        chosen.sort(Comparator.comparing(f -> !f.path("id").asText().startsWith("best.")));
        if (chosen.isEmpty()) {
            chosen = facts;
        }
        if (chosen.isEmpty()) {
            return "No AI answer now, and this session has no figures yet.";
        }
        StringBuilder b = new StringBuilder("No AI answer now; the figures I have:");
        chosen.stream().limit(MAX_FACTS).forEach(f -> {
            JsonNode lap = f.path("source").path("lap");
            b.append(' ').append(f.path("id").asText().replace('_', ' ')).append(' ')
                    .append(number(f.path("value").asDouble(), 3)).append(' ').append(f.path("unit").asText())
                    .append(lap.isNumber() ? " on lap " + lap.asText() : "")
                    .append(" [").append(f.path("id").asText()).append("];");
        });
        b.setCharAt(b.length() - 1, '.');
        return b.toString();
    }

    /** What to add at the stop, from the fuel facts; null when the sheet lacks one of them. */
    private static String fuelAnswer(List<JsonNode> facts) {
        JsonNode add = fact(facts, "fuel.to_add"), flag = fact(facts, "fuel.to_flag"), level = fact(facts, "fuel.level"),
                perLap = fact(facts, "fuel.per_lap"), lapsOfFuel = fact(facts, "fuel.laps_of_fuel"),
                toGo = fact(facts, "fuel.laps_to_go");
        if (add == null || flag == null || level == null || perLap == null || lapsOfFuel == null || toGo == null) {
            return null;
        }
        String tank = "the " + litres(level) + " in the tank last " + laps(lapsOfFuel);
        String race = laps(toGo) + " to go at " + cite(perLap, 2, "L") + " a lap";
        if (add.path("value").asDouble() < 0.05) {
            return "No fuel to add: " + tank + ", " + race + ".";
        }
        JsonNode stop = stopFuel(facts);
        if (stop != add) {
            return "Add " + litres(stop) + " at the next stop, " + whole(fact(facts, "plan.stops")) + " stops to the"
                    + " flag, the safety margin included: the flag needs " + litres(flag) + ", " + race + ", and "
                    + tank + ".";
        }
        return "Add " + litres(add) + " at the stop, the safety margin included: the flag needs " + litres(flag) + ", "
                + race + ", and " + tank + ".";
    }

    /**
     * The session's best lap with its sectors, after the last lap's time when that is asked; null without a best lap.
     */
    private static String lapAnswer(List<JsonNode> facts, boolean last) {
        JsonNode best = fact(facts, "best.time");
        if (best == null) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        JsonNode latest = facts.stream().filter(f -> LAP_TIME.matcher(f.path("id").asText()).matches())
                .max(Comparator.comparingInt(f -> lapOf(f.path("id").asText()))).orElse(null);
        if (last && latest != null) {
            b.append("Last lap, lap ").append(lapOf(latest.path("id").asText())).append(": ")
                    .append(cite(latest, 3, "s")).append(". ");
        }
        JsonNode lap = best.path("source").path("lap");
        b.append("Best lap ").append(cite(best, 3, "s")).append(lap.isNumber() ? " on lap " + lap.asText() : "");
        List<String> sectors = new ArrayList<>();
        for (int k = 1; fact(facts, "best.s" + k + ".time") != null; k++) {
            sectors.add(cite(fact(facts, "best.s" + k + ".time"), 3, "s"));
        }
        if (!sectors.isEmpty()) {
            b.append("; the best sectors ").append(String.join(", ", sectors));
        }
        return b.append('.').toString();
    }

    private static int lapOf(String lapTimeId) {
        var m = LAP_TIME.matcher(lapTimeId);
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** When to box and what to add, from the pit window; null without one. */
    private static String pitAnswer(List<JsonNode> facts) {
        JsonNode next = fact(facts, "plan.next_lap"), first = fact(facts, "fuel.window_first"),
                last = fact(facts, "fuel.window_last"), stop = stopFuel(facts);
        if (next == null || first == null || last == null || stop == null) {
            return null;
        }
        String window = "the pit window is laps " + whole(first) + " to " + whole(last);
        String add = "add " + litres(stop) + ", four tyres";
        int lap = next.path("value").asInt();
        if (first.path("value").asInt() <= lap && lap <= last.path("value").asInt()) {
            return "Box this lap, lap " + whole(next) + ": " + window + "; " + add + ".";
        }
        return "Not yet: " + window + "; " + add + ".";
    }

    /** The litres of the next stop, as the strategy card has them. */
    private static JsonNode stopFuel(List<JsonNode> facts) {
        JsonNode stops = fact(facts, "plan.stops");
        return fact(facts, StrategyCards.stopFuel(stops == null ? 0 : stops.path("value").asDouble(),
                fact(facts, "plan.stint2.fuel_to_add") != null));
    }

    /** A whole number and its citation. */
    private static String whole(JsonNode fact) {
        return number(fact.path("value").asDouble(), 0) + " [" + fact.path("id").asText() + "]";
    }

    private static JsonNode fact(List<JsonNode> facts, String id) {
        return facts.stream().filter(f -> f.path("id").asText().equals(id) && f.path("value").isNumber()).findFirst()
                .orElse(null);
    }

    private static String litres(JsonNode fact) {
        return cite(fact, 1, "L");
    }

    private static String laps(JsonNode fact) {
        return cite(fact, 1, "laps");
    }

    /** A figure rounded to {@code decimals} (trailing zeros dropped), its unit, and its citation. */
    private static String cite(JsonNode fact, int decimals, String unit) {
        return number(fact.path("value").asDouble(), decimals) + " " + unit + " [" + fact.path("id").asText() + "]";
    }

    /** Fuel, sector or lap-time facts (core's fact ids: fuel.*, *.s2.*, times in s) as the question asks. */
    private static boolean wanted(String question, JsonNode fact) {
        String id = fact.path("id").asText();
        return question.contains("fuel") && id.startsWith("fuel.")
                || question.contains("sector") && SECTOR.matcher(id).find()
                || (question.contains("lap") || question.contains("pace")) && fact.path("unit").asText().equals("s");
    }

    /** At most {@code decimals} decimals, as a race engineer would say it; the checker allows for the rounding. */
    private static String number(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
