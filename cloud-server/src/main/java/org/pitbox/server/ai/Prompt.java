package org.pitbox.server.ai;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A versioned system prompt: the file {@code /ai/prompts/VERSION.txt} on the classpath. A changed prompt is a new
 * file and a new {@link #CURRENT}, so each stored answer names the words it was made with.
 */
public record Prompt(String version, String text) {
    public static final String CURRENT = "race-engineer-v3";
    /** The version stored with answers of the rule-based fallback, which uses no prompt. */
    public static final String RULE_BASED = "rule-based-v1";

    public static Prompt load(String version) {
        String resource = "/ai/prompts/" + version + ".txt";
        try (InputStream in = Prompt.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return new Prompt(version, new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
