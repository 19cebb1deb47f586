package org.pitbox.server.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.regex.Pattern;
import org.pitbox.core.coach.FactCheck;
import org.pitbox.core.coach.FactSheet;

/**
 * The {@link AnswerChecker} of core's {@link FactCheck}: every number of the answer, read with its unit, against the
 * fact sheet; fact citations {@code [id]} are not numbers.
 */
public final class FactChecker implements AnswerChecker {
    static final Pattern CITATION = Pattern.compile("\\[[A-Za-z0-9_.:-]{1,64}]");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Check check(String answer, String factsJson) {
        FactCheck.Result r = FactCheck.check(CITATION.matcher(answer).replaceAll(" "), sheet(factsJson));
        return new Check(r.matched().size() + r.unmatched().size(), r.verifiedShare(),
                r.unmatched().stream().map(FactCheck.Mention::text).toList());
    }

    /** The sheet {@link FactSheet#toJson()} wrote; empty when the JSON is not one. */
    public static FactSheet sheet(String json) {
        FactSheet sheet = new FactSheet();
        try {
            for (JsonNode f : JSON.readTree(json).path("facts")) {
                JsonNode s = f.path("source");
                if (f.path("id").isTextual() && f.path("value").isNumber()) {
                    sheet.add(f.get("id").asText(), f.get("value").asDouble(), f.path("unit").asText(""),
                            s.path("lap").asInt(0), s.path("sector").asInt(0), s.path("corner").asInt(0),
                            s.path("channel").asText(""));
                }
            }
        } catch (IOException e) {
            // no readable facts: nothing verifies
        }
        return sheet;
    }
}
