package org.pitbox.server.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plain {@link AnswerChecker}: a number in the answer is verified when some number in the fact sheet equals
 * it at the precision it was written with (1.3 matches 1.28) or within {@value #RELATIVE_TOLERANCE} of it.
 * Lap times written {@code m:ss.sss} count as seconds; fact citations {@code [id]} are not numbers. Units are not
 * compared: the core's fact check, when plugged in, does that.
 */
public final class NumberChecker implements AnswerChecker {
    public static final double RELATIVE_TOLERANCE = 0.01;
    static final Pattern CITATION = Pattern.compile("\\[[A-Za-z0-9_.:-]{1,64}]");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])(\\d{1,3}):(\\d{2}(?:\\.\\d+)?)(?![\\w:])"
            + "|(?<![\\w.:])-?\\d+(?:\\.\\d+)?(?![\\w:])");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Check check(String answer, String factsJson) {
        List<Double> facts = factNumbers(factsJson);
        Matcher m = NUMBER.matcher(CITATION.matcher(answer).replaceAll(" "));
        int numbers = 0;
        List<String> unmatched = new ArrayList<>();
        while (m.find()) {
            numbers++;
            String written = m.group();
            double value = m.group(1) != null ? Integer.parseInt(m.group(1)) * 60 + Double.parseDouble(m.group(2))
                    : Double.parseDouble(written);
            int dot = written.indexOf('.');
            double half = 0.5 * Math.pow(10, -(dot < 0 ? 0 : written.length() - dot - 1));
            if (facts.stream().noneMatch(f -> Math.abs(f - value) <= Math.max(half, RELATIVE_TOLERANCE * Math.abs(f)))) {
                unmatched.add(written);
            }
        }
        return new Check(numbers, numbers == 0 ? 1 : (numbers - unmatched.size()) / (double) numbers, unmatched);
    }

    private static List<Double> factNumbers(String factsJson) {
        List<Double> numbers = new ArrayList<>();
        try {
            collect(JSON.readTree(factsJson), numbers);
        } catch (IOException e) {
            // no readable facts: nothing verifies
        }
        return numbers;
    }

    private static void collect(JsonNode node, List<Double> into) {
        if (node == null) {
            return;
        }
        if (node.isNumber()) {
            into.add(node.asDouble());
        }
        node.forEach(child -> collect(child, into));
    }
}
