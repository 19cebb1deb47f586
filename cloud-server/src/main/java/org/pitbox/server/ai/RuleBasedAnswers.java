package org.pitbox.server.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The answer when no agent can give one: the session's figures that match the question's words (fuel, sector,
 * lap), the session's bests first, each as the fact sheet has it and cited, so every number is verified.
 */
public final class RuleBasedAnswers {
    public static final int MAX_FACTS = 6;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SECTOR = Pattern.compile("(^|\\.)s\\d+\\.");

    public String answer(String question, String factsJson) {
        List<JsonNode> facts = new ArrayList<>();
        try {
            JSON.readTree(factsJson).path("facts").forEach(facts::add);
        } catch (IOException e) {
            // an unreadable sheet has no figures
        }
        String q = question.toLowerCase(Locale.ROOT);
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
                    .append(number(f.path("value").asDouble())).append(' ').append(f.path("unit").asText())
                    .append(lap.isNumber() ? " on lap " + lap.asText() : "")
                    .append(" [").append(f.path("id").asText()).append("];");
        });
        b.setCharAt(b.length() - 1, '.');
        return b.toString();
    }

    /** Fuel, sector or lap-time facts (core's fact ids: fuel.*, *.s2.*, times in s) as the question asks. */
    private static boolean wanted(String question, JsonNode fact) {
        String id = fact.path("id").asText();
        return question.contains("fuel") && id.startsWith("fuel.")
                || question.contains("sector") && SECTOR.matcher(id).find()
                || (question.contains("lap") || question.contains("pace")) && fact.path("unit").asText().equals("s");
    }

    /** At most three decimals, as a race engineer would say it; the checker allows for the rounding. */
    private static String number(double value) {
        return java.math.BigDecimal.valueOf(value).setScale(3, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }
}
