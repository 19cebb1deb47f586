package org.pitbox.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The example plugins are what plugin authors copy, so they import PitBox's API packages only, each with a
 * range from its major version up to the next one that holds the version exported now.
 */
class ExamplePluginImportsTest {
    private static final Path EXAMPLES = Path.of("..", "..", "examples");

    @Test
    void examplePluginsImportOnlyApiPackagesUpToTheNextMajor() throws Exception {
        Map<String, Version> api = ApiPackages.exported();
        List<String> plugins = new ArrayList<>();
        Set<String> wrong = new TreeSet<>();
        try (Stream<Path> folders = Files.list(EXAMPLES)) {
            for (Path manifest : folders.map(f -> f.resolve("META-INF/MANIFEST.MF")).filter(Files::exists).toList()) {
                Map<String, String> headers = Manifests.headers(manifest);
                if (headers.containsKey("Fragment-Host")) {
                    continue; // test fragments are not shipped; they may use PitBox's simulator
                }
                String plugin = headers.get("Bundle-SymbolicName");
                plugins.add(plugin);
                for (Manifests.Clause c : Manifests.clauses(headers.get("Import-Package"))) {
                    if (c.name().startsWith("org.pitbox.")) {
                        check(plugin, c, api.get(c.name())).ifPresent(wrong::add);
                    }
                }
            }
        }
        assertTrue(plugins.size() >= 2, "the example plugins under " + EXAMPLES + ": " + plugins);
        assertEquals(Set.of(), wrong);
    }

    private static Optional<String> check(String plugin, Manifests.Clause imported, Version exported) {
        String what = plugin + " imports " + imported.name();
        if (exported == null) {
            return Optional.of(what + ", which is no API package");
        }
        String range = String.valueOf(imported.get("version"));
        String next = (exported.major() + 1) + ".0.0";
        String[] bounds = range.replaceAll("[\\[\\]()]", "").split(",");
        boolean fits = range.startsWith("[") && range.endsWith(")") && bounds.length == 2
                && Version.parse(bounds[1]).equals(Version.parse(next))
                && Version.parse(bounds[0]).major() == exported.major() && exported.atLeast(Version.parse(bounds[0]));
        return fits ? Optional.empty()
                : Optional.of(what + ";version=\"" + range + "\", not [" + exported.major() + ".x," + next
                        + ") holding " + exported);
    }
}
