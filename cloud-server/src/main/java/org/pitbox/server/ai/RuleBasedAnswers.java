package org.pitbox.server.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The answer when no agent can give one: the session's figures that match the question's words (fuel, sector,
 * lap), each as the fact sheet has it and cited, so every number is verified.
 */
public final class RuleBasedAnswers {
    public static final int MAX_FACTS = 6;
    private static final ObjectMapper JSON = new ObjectMapper();

    public String answer(String question, String factsJson) {
        List<JsonNode> facts = new ArrayList<>();
        try {
            JSON.readTree(factsJson).path("facts").forEach(facts::add);
        } catch (IOException e) {
            // an unreadable sheet has no figures
        }
        String q = question.toLowerCase(Locale.ROOT);
        List<JsonNode> chosen = facts.stream().filter(f -> q.contains("fuel") && f.path("unit").asText().equals("l")
                || q.contains("sector") && f.path("id").asText().contains("sector")
                || (q.contains("lap") || q.contains("pace")) && f.path("unit").asText().equals("s")).toList();
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

    /** At most three decimals, as a race engineer would say it; the checker allows for the rounding. */
    private static String number(double value) {
        return java.math.BigDecimal.valueOf(value).setScale(3, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }
}
