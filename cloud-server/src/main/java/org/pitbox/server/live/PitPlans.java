package org.pitbox.server.live;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.pitbox.protocol.live.LiveControl;

/** The bounds of a {@code pit-plan}: fuel 0 to 200 L, tyres lf, rf, lr and rr (each at most once), a short card id. */
final class PitPlans {
    static final double MAX_FUEL_LITERS = 200;
    static final Set<String> TYRES = Set.of("lf", "rf", "lr", "rr");
    private static final Pattern CARD_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    private PitPlans() {
    }

    /** Why the plan is refused (a sentence that does not repeat it), or null. */
    static String problem(LiveControl.PitPlan plan) {
        if (plan == null) {
            return "pit-plan needs a pitPlan";
        }
        Double fuel = plan.fuelLiters();
        if (fuel != null && !(fuel >= 0 && fuel <= MAX_FUEL_LITERS)) {
            return "pit-plan fuel must be 0 to " + (int) MAX_FUEL_LITERS + " litres";
        }
        List<String> tyres = plan.tyres();
        if (tyres != null && (tyres.size() > TYRES.size() || tyres.stream().anyMatch(t -> !TYRES.contains(t)))) {
            return "pit-plan tyres must be at most four of lf, rf, lr, rr";
        }
        if (plan.cardId() != null && !CARD_ID.matcher(plan.cardId()).matches()) {
            return "pit-plan cardId must be 1 to 64 of A-Z a-z 0-9 _ . : -";
        }
        return null;
    }

    /** The plan as it goes to the driver: tyres without repeats, never null. */
    static LiveControl.PitPlan clean(LiveControl.PitPlan plan) {
        List<String> tyres = plan.tyres() == null ? List.of() : List.copyOf(new LinkedHashSet<>(plan.tyres()));
        return new LiveControl.PitPlan(plan.fuelLiters(), tyres, plan.fastRepair(), plan.cardId());
    }
}
