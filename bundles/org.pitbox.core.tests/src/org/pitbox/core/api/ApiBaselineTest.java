package org.pitbox.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The semantic-versioning guard of the plugin API: the public signatures of every API package (see
 * {@link ApiPackages}) are compared with its baseline in {@code api-baseline/}; {@link ApiChange} says which
 * version a change needs. After a deliberate version change, refresh the baselines with
 * {@code -Dpitbox.api.baseline.update=true}.
 */
class ApiBaselineTest {
    private static final Path BASELINES = Path.of("api-baseline");
    private static final boolean UPDATE = Boolean.getBoolean("pitbox.api.baseline.update");

    static Stream<String> apiPackages() throws Exception {
        return ApiPackages.exported().keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("apiPackages")
    void apiChangesComeWithTheRightVersion(String pkg) throws Exception {
        Version now = ApiPackages.exported().get(pkg);
        Set<String> current = ApiSurface.of(pkg).signatures;
        Path file = BASELINES.resolve(pkg + ".txt");
        if (UPDATE) {
            List<String> lines = new ArrayList<>();
            lines.add("version " + now);
            lines.addAll(current);
            Files.write(file, lines);
            return;
        }
        assertTrue(Files.exists(file), pkg + " is API but has no baseline: create " + file
                + " with -Dpitbox.api.baseline.update=true");
        List<String> lines = Files.readAllLines(file);
        Version base = Version.parse(lines.get(0).substring("version ".length()));
        ApiChange.check(pkg, new TreeSet<>(lines.subList(1, lines.size())), base, current, now)
                .ifPresent(Assertions::fail);
    }

    @Test
    void everyBaselineBelongsToAnApiPackage() throws Exception {
        Set<String> api = ApiPackages.exported().keySet();
        Set<String> stale = new TreeSet<>();
        try (Stream<Path> files = Files.list(BASELINES)) {
            for (Path f : files.toList()) {
                String pkg = f.getFileName().toString().replaceFirst("\\.txt$", "");
                if (!api.contains(pkg)) {
                    stale.add(pkg);
                    if (UPDATE) {
                        Files.delete(f);
                    }
                }
            }
        }
        assertTrue(UPDATE || stale.isEmpty(), "baselines of packages that are no API (any more): " + stale);
    }

    @Test
    void apiSignaturesShowOnlyApiAndJdkTypes() throws Exception {
        Set<String> api = ApiPackages.exported().keySet();
        Set<String> leaks = new TreeSet<>();
        for (String pkg : api) {
            for (Class<?> c : ApiSurface.of(pkg).mentioned) {
                if (!c.isPrimitive() && !c.getPackageName().startsWith("java.") && !api.contains(c.getPackageName())) {
                    leaks.add(pkg + " shows " + c.getName());
                }
            }
        }
        assertEquals(Set.of(), leaks, "make these types API or keep them out of the API's signatures");
    }
}
