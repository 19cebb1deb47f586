package org.pitbox.server.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.pitbox.core.coach.Fact;
import org.pitbox.core.coach.FactSheet;

/**
 * The functions a model may call about one session, each answering with facts ({@code {"facts": [...]}}, as the
 * fact sheet has them) that join the sheet the answer is checked against: {@code compare_laps} (a lap against the
 * best, in a sector, a corner or the whole lap, as it was when that lap ended), {@code fuel_to_finish} (the fuel
 * figures to the flag) and {@code stint_plan} (core's stint plan from {@link StrategyFacts}, with its drivers).
 * Anything else, or bad arguments, gets {@code {"error": "..."}}.
 */
final class SessionTools implements Tools {
    public static final int MAX_SECTOR = 64;
    public static final int MAX_CORNER = 200;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode SCHEMA = schema(
            function("compare_laps", "A lap's figures against the session's best as they were when that lap ended:"
                    + " in one sector, in one corner (braking point, minimum and exit speed, time lost), or the lap"
                    + " time when neither is given.", "{\"type\":\"object\",\"properties\":{"
                    + "\"lap\":{\"type\":\"integer\",\"minimum\":1,\"description\":\"the lap number\"},"
                    + "\"sector\":{\"type\":\"integer\",\"minimum\":1,\"description\":\"a sector, from 1\"},"
                    + "\"corner\":{\"type\":\"integer\",\"minimum\":1,\"description\":\"a corner, T1 is 1\"}},"
                    + "\"required\":[\"lap\"],\"additionalProperties\":false}"),
            function("fuel_to_finish", "Fuel on board, per lap, laps to go, fuel to the flag and to add, the pit"
                    + " window.", "{\"type\":\"object\",\"properties\":{},\"additionalProperties\":false}"),
            function("stint_plan", "The stint plan to the flag from the lap just completed: stops, each next"
                    + " stint's first lap, laps, fuel to add and driver.",
                    "{\"type\":\"object\",\"properties\":{},\"additionalProperties\":false}"));

    private final SessionFacts session;
    private final StrategyFacts.Plan plan;
    private final FactSheet sheet;

    SessionTools(SessionFacts session, StrategyFacts.Plan plan) {
        this.session = session;
        this.plan = plan;
        this.sheet = StrategyFacts.copy(plan.sheet());
    }

    @Override
    public JsonNode schema() {
        return SCHEMA;
    }

    /** The session's fact sheet with the facts every call so far answered. */
    synchronized String facts() {
        return sheet.toJson();
    }

    @Override
    public synchronized String call(String name, String arguments) {
        JsonNode args;
        try {
            args = arguments.isBlank() ? JSON.createObjectNode() : JSON.readTree(arguments);
        } catch (IOException e) {
            return GradientClient.error("arguments are not JSON");
        }
        if (args == null || !args.isObject()) {
            return GradientClient.error("arguments must be a JSON object");
        }
        return switch (name) {
            case "compare_laps" -> compareLaps(args);
            case "fuel_to_finish" -> only(args, Set.of()) ? answer(select(plan.sheet(), id -> id.startsWith("fuel.")
                    || id.equals("plan.next_lap") || id.equals("plan.stint2.fuel_to_add")), null)
                    : GradientClient.error("fuel_to_finish takes no arguments");
            case "stint_plan" -> stintPlan(args);
            default -> GradientClient.error("no function " + name);
        };
    }

    private String compareLaps(JsonNode args) {
        if (!only(args, Set.of("lap", "sector", "corner"))) {
            return GradientClient.error("compare_laps takes lap, sector and corner");
        }
        int lap = whole(args.get("lap"), Assistant.MAX_LAP);
        int sector = args.has("sector") ? whole(args.get("sector"), MAX_SECTOR) : 0;
        int corner = args.has("corner") ? whole(args.get("corner"), MAX_CORNER) : 0;
        if (lap < 1 || sector < 0 || corner < 0 || sector > 0 && corner > 0) {
            return GradientClient.error("lap must be 1.." + Assistant.MAX_LAP + ", with sector 1.." + MAX_SECTOR
                    + " or corner 1.." + MAX_CORNER + ", not both");
        }
        FactSheet snapshot = session.laps().get(lap);
        if (snapshot == null) {
            return GradientClient.error("the session has no figures of lap " + lap);
        }
        String own = "lap" + lap + ".";
        String part = sector > 0 ? "s" + sector + "." : corner > 0 ? "t" + corner + "." : null;
        FactSheet found = new FactSheet();
        for (Fact f : snapshot.facts()) {
            String rest = f.id().startsWith(own) ? f.id().substring(own.length())
                    : f.id().startsWith("best.") ? f.id().substring("best.".length()) : null;
            boolean wanted = rest != null && (part == null ? rest.equals("time") || rest.equals("vs_best")
                    : rest.startsWith(part));
            if (wanted) {
                // a best as it was then gets its own id, so it does not replace today's best in the sheet
                String id = f.id().startsWith(own) ? f.id() : own + f.id();
                found.add(id, f.value(), f.unit(), f.lap(), f.sector(), f.corner(), f.channel());
            }
        }
        if (found.size() == 0) {
            return GradientClient.error("lap " + lap + " has no figures " + (sector > 0 ? "in sector " + sector
                    : corner > 0 ? "in corner " + corner : "of its time"));
        }
        return answer(found, null);
    }

    private String stintPlan(JsonNode args) {
        if (!only(args, Set.of())) {
            return GradientClient.error("stint_plan takes no arguments");
        }
        FactSheet facts = select(plan.sheet(), id -> id.startsWith("plan."));
        if (!facts.has("plan.stops")) {
            return GradientClient.error("no stint plan: the session has no fuel figures to plan from");
        }
        return answer(facts, plan.stintDrivers());
    }

    /** The facts as the result, each added to the sheet; the plan's drivers by stint when given. */
    private String answer(FactSheet facts, List<String> drivers) {
        facts.facts().forEach(f -> sheet.add(f.id(), f.value(), f.unit(), f.lap(), f.sector(), f.corner(),
                f.channel()));
        try {
            ObjectNode result = (ObjectNode) JSON.readTree(facts.toJson());
            if (drivers != null) {
                ArrayNode list = result.putArray("stint_drivers");
                drivers.forEach(list::add);
            }
            return result.toString();
        } catch (IOException e) {
            return GradientClient.error("the function failed");
        }
    }

    private static FactSheet select(FactSheet from, Predicate<String> id) {
        FactSheet out = new FactSheet();
        from.facts().stream().filter(f -> id.test(f.id())).forEach(f -> out.add(f.id(), f.value(), f.unit(),
                f.lap(), f.sector(), f.corner(), f.channel()));
        return out;
    }

    private static boolean only(JsonNode args, Set<String> names) {
        for (Iterator<String> it = args.fieldNames(); it.hasNext();) {
            if (!names.contains(it.next())) {
                return false;
            }
        }
        return true;
    }

    /** A whole number in 1..max, else -1. */
    private static int whole(JsonNode n, int max) {
        return n != null && n.canConvertToInt() && n.isIntegralNumber() && n.asInt() >= 1 && n.asInt() <= max
                ? n.asInt() : -1;
    }

    private static ObjectNode function(String name, String description, String parameters) {
        ObjectNode tool = JSON.createObjectNode().put("type", "function");
        try {
            tool.putObject("function").put("name", name).put("description", description)
                    .set("parameters", JSON.readTree(parameters));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return tool;
    }

    private static JsonNode schema(ObjectNode... tools) {
        ArrayNode list = JSON.createArrayNode();
        List.of(tools).forEach(list::add);
        return list;
    }
}
