package org.pitbox.server.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pitbox.core.coach.Fact;
import org.pitbox.core.coach.FactCheck;
import org.pitbox.core.coach.FactSheet;
import org.pitbox.protocol.api.AiApi.StrategyCard;

/**
 * The strategy cards of an answer, from the session's facts with their plan ({@link StrategyFacts}), each citing
 * the facts it is made of; a card with a number no fact matches is left out. A card's id starts with its
 * question's ({@code q12-pit-this-lap-15}), so every answer's cards are the engineer's to accept or dismiss apart.
 * <ul>
 * <li>pit-this-lap: the lap in progress is in the pit window: fuel for the next stint and four tyres;</li>
 * <li>fuel (when no pit card): the fuel lasts {@value #SHORT_LAPS} laps or more less than the laps to go: the
 * litres the next stop adds (the plan's, else the fuel to the flag);</li>
 * <li>tyres: tyres {@value #HOT_DEGREES} C or more hotter than on the best lap (the car's temperatures; wear is
 * not in the race state);</li>
 * <li>driver-swap: the plan hands the next stint to another of the team's drivers.</li>
 * </ul>
 */
public final class StrategyCards {
    static final double SHORT_LAPS = 0.2;
    static final double HOT_DEGREES = 12;
    static final List<String> ALL_TYRES = List.of("lf", "rf", "lr", "rr");

    private StrategyCards() {
    }

    public static List<StrategyCard> of(StrategyFacts.Plan plan, long questionId) {
        FactSheet f = plan.sheet();
        String q = "q" + questionId + "-";
        List<StrategyCard> cards = new ArrayList<>();
        Fact next = f.get("plan.next_lap");
        if (next == null) {
            return cards;
        }
        int lap = (int) next.value();
        String fuelId = stopFuel(f.value("plan.stops"), f.has("plan.stint2.fuel_to_add"));
        double fuel = round(f.value(fuelId));
        boolean window = f.value("fuel.window_first") <= lap && lap <= f.value("fuel.window_last");
        if (window && fuel >= 0) {
            add(cards, f, new StrategyCard(q + "pit-this-lap-" + lap, "pit-this-lap", text("Box this lap, lap %d",
                    lap), text("Pit window laps %d to %d: add %.1f L, four tyres.", (int) f.value("fuel.window_first"),
                    (int) f.value("fuel.window_last"), fuel), lap, fuel, ALL_TYRES, false,
                    List.of("plan.next_lap", "fuel.window_first", "fuel.window_last", fuelId)), "");
        } else if (f.value("fuel.laps_short") >= SHORT_LAPS && fuel > 0) {
            Integer by = f.has("fuel.window_last") ? (int) f.value("fuel.window_last") : null;
            add(cards, f, new StrategyCard(q + "fuel-" + lap, "fuel", text("Add %.1f L at the next stop", fuel),
                    text("Fuel for %.1f laps, %.1f to go at %.2f L a lap.", f.value("fuel.laps_of_fuel"),
                            f.value("fuel.laps_to_go"), f.value("fuel.per_lap")), by, fuel, null, false,
                    List.of(fuelId, "fuel.laps_of_fuel", "fuel.laps_to_go", "fuel.per_lap")), "");
        }
        tyres(cards, f, lap - 1, q);
        List<String> drivers = plan.stintDrivers();
        if (drivers.size() >= 2 && !drivers.get(0).equals(drivers.get(1)) && f.has("plan.stint2.first_lap")) {
            int first = (int) f.value("plan.stint2.first_lap");
            add(cards, f, new StrategyCard(q + "driver-swap-" + first, "driver-swap", "Driver swap: " + drivers.get(1)
                    + text(" takes over on lap %d", first), text("%d laps in the next stint, %d stops to the flag.",
                    (int) f.value("plan.stint2.laps"), (int) f.value("plan.stops")), first, null, null, false,
                    List.of("plan.stint2.first_lap", "plan.stint2.laps", "plan.stops")), drivers.get(1));
        }
        return cards;
    }

    /**
     * The fact with the litres the next stop adds: with one stop to the flag the fuel figures' (the overlay, the
     * Strategy part and the answers show them), with more the next stint's share from the stint plan.
     */
    static String stopFuel(double stops, boolean hasStint2) {
        return stops > 1 && hasStint2 ? "plan.stint2.fuel_to_add" : "fuel.to_add";
    }

    /** Hot tyres of lap {@code done}, the one just completed. */
    private static void tyres(List<StrategyCard> cards, FactSheet f, int done, String q) {
        List<String> hot = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        StringBuilder reason = new StringBuilder();
        for (String tyre : ALL_TYRES) {
            String id = "lap" + done + ".tyre." + tyre + ".vs_best";
            if (f.value(id) >= HOT_DEGREES) {
                hot.add(tyre);
                ids.add(id);
                reason.append(reason.isEmpty() ? "" : ", ").append(tyre.toUpperCase(Locale.ROOT))
                        .append(text(" %.0f C", f.value(id)));
            }
        }
        if (!hot.isEmpty()) {
            String names = String.join(", ", hot.stream().map(t -> t.toUpperCase(Locale.ROOT)).toList());
            add(cards, f, new StrategyCard(q + "tyres-" + (done + 1), "tyres", "Change " + names + " at the next stop",
                    reason + " hotter than on the best lap.", null, null, hot, false, ids), "");
        }
    }

    /** Adds the card when every number of its words, but the driver's name, is in the facts. */
    private static void add(List<StrategyCard> cards, FactSheet f, StrategyCard card, String name) {
        String words = card.title() + " " + card.reason();
        words = name.isEmpty() ? words : words.replace(name, " ");
        if (FactCheck.check(words, f).unmatched().isEmpty()) {
            cards.add(card);
        }
    }

    private static String text(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    /** Litres as a card shows them: one decimal. */
    private static double round(double litres) {
        return Double.isFinite(litres) ? Math.round(litres * 10) / 10.0 : Double.NaN;
    }
}
