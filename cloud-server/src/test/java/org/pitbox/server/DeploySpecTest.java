package org.pitbox.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The App Platform specs under {@code .do/}: every PITBOX_* variable is a setting the server knows, every secret
 * setting is declared SECRET, and the secrets production needs are all there (the NATS URL once there are two
 * servers). The specs are read line by line: {@code - key: NAME} opens a variable, a deeper {@code type:} is its type.
 */
class DeploySpecTest {
    private static final Path SPECS = Path.of("..", ".do");
    private static final Pattern ENV = Pattern.compile("^( *)- key: *(\\S+)\\s*$");
    private static final Pattern TYPE = Pattern.compile("^ *type: *(\\S+)\\s*$");
    private static final Pattern INSTANCES = Pattern.compile("^ *instance_count: *(\\d+)\\s*$");
    private static final Pattern SETTING = Pattern.compile("^  (\\S+)( \\(secret\\))? +(PITBOX_[A-Z0-9_]+)");

    @Test
    void everySpecUsesKnownSettingsAndDeclaresItsSecrets() throws IOException {
        Map<String, Boolean> settings = settings();
        List<Path> specs = specs();
        assertTrue(specs.stream().anyMatch(p -> p.endsWith("staging.yaml")), "staging spec in " + specs);
        assertTrue(specs.stream().anyMatch(p -> p.endsWith("production.yaml")), "production spec in " + specs);
        for (Path spec : specs) {
            List<String> lines = Files.readAllLines(spec);
            Map<String, String> envs = envs(lines);
            for (Map.Entry<String, String> env : envs.entrySet()) {
                String name = env.getKey();
                if (name.startsWith("PITBOX_")) {
                    assertTrue(settings.containsKey(name), spec + ": " + name + " is no setting the server reads");
                    if (settings.get(name)) {
                        assertEquals("SECRET", env.getValue(), spec + ": " + name + " must be type SECRET");
                    }
                }
            }
            Set<String> required = new TreeSet<>(Set.of("PITBOX_TOKEN_SECRET", "PITBOX_GRADIENT_API_KEY",
                    "PITBOX_ELEVENLABS_API_KEY"));
            if (envs.containsKey("PITBOX_JDBC_USER")) {
                required.add("PITBOX_JDBC_PASSWORD");
            }
            if (maxInstances(lines) > 1) {
                required.add("PITBOX_NATS_URL");
            }
            for (String name : required) {
                assertEquals("SECRET", envs.get(name), spec + ": " + name + " must be declared with type SECRET");
            }
        }
    }

    @Test
    void theReaderSeesTypesAndUnknownNames() {
        List<String> lines = List.of("    envs:", "      - key: PITBOX_TOKEN_SECRET", "        scope: RUN_TIME",
                "        type: SECRET", "      - key: PITBOX_GRADIENTAI_API_KEY", "        scope: RUN_TIME",
                "    instance_count: 2", "databases:", "  - name: db", "    type: OTHER");
        Map<String, String> envs = envs(lines);
        assertEquals("SECRET", envs.get("PITBOX_TOKEN_SECRET"));
        assertEquals("GENERAL", envs.get("PITBOX_GRADIENTAI_API_KEY"), "a variable without a type is GENERAL");
        assertEquals(2, envs.size());
        assertEquals(2, maxInstances(lines));
        assertFalse(settings().containsKey("PITBOX_GRADIENTAI_API_KEY"));
        assertTrue(settings().get("PITBOX_GRADIENT_API_KEY"), "the Gradient key is a secret setting");
        assertTrue(settings().get("PITBOX_NATS_URL"), "the NATS URL may carry a password");
    }

    /** Each setting's environment variable and whether it is a secret, as {@code pitbox server --help} lists them. */
    private static Map<String, Boolean> settings() {
        Map<String, Boolean> settings = new LinkedHashMap<>();
        for (String line : ServerConfig.usage().split("\n")) {
            Matcher m = SETTING.matcher(line);
            if (m.find()) {
                settings.put(m.group(3), m.group(2) != null);
            }
        }
        assertTrue(settings.containsKey("PITBOX_TOKEN_SECRET"), ServerConfig.usage());
        return settings;
    }

    private static List<Path> specs() throws IOException {
        try (Stream<Path> files = Files.list(SPECS)) {
            return files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted()
                    .toList();
        }
    }

    /** Every variable's name and type (GENERAL when none is given). */
    private static Map<String, String> envs(List<String> lines) {
        Map<String, String> envs = new LinkedHashMap<>();
        String open = null;
        int indent = -1;
        for (String line : lines) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            Matcher key = ENV.matcher(line);
            Matcher type = TYPE.matcher(line);
            if (key.matches()) {
                open = key.group(2);
                indent = key.group(1).length();
                envs.put(open, "GENERAL");
            } else if (open != null && line.length() - line.stripLeading().length() <= indent) {
                open = null;
            } else if (open != null && type.matches()) {
                envs.put(open, type.group(1));
            }
        }
        return envs;
    }

    private static int maxInstances(List<String> lines) {
        return lines.stream().map(INSTANCES::matcher).filter(Matcher::matches)
                .mapToInt(m -> Integer.parseInt(m.group(1))).max().orElse(1);
    }
}
