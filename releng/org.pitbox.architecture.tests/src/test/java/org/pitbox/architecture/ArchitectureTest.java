package org.pitbox.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.pitbox.architecture.Modules.Module;

/**
 * The rules of docs/architecture.md, checked on the sources and manifests rather than only stated: each module
 * uses only the PitBox modules below it and none of the packages it must stay free of (plain-Java bundles use no
 * OSGi runtime, Eclipse or display classes); manifests import PitBox packages only from allowed bundles and
 * never Require-Bundle one; no module has a cycle between its packages.
 */
class ArchitectureTest {
    private static final Path ROOT = Modules.root();
    private static final Pattern HEADER = Pattern.compile("^([A-Za-z-]+):(.*(?:\\n .*)*)", Pattern.MULTILINE);
    /** DS annotations are build-time only (class retention): plain-Java bundles may use them. */
    private static final String DS_ANNOTATIONS = "org.osgi.service.component.annotations";

    @Test
    void theLowerLayersAreThere() {
        List<String> present = Modules.present(ROOT).stream().map(Module::folder).toList();
        assertTrue(present.containsAll(List.of("bundles/org.pitbox.core", "bundles/org.pitbox.iracing",
                "bundles/org.pitbox.protocol", "bundles/org.pitbox.ui", "cloud-server", "cli")),
                "run from the project (pitbox.root=" + ROOT + "): " + present);
    }

    @TestFactory
    List<DynamicTest> eachModuleUsesOnlyWhatItMay() {
        return Modules.present(ROOT).stream().map(m -> DynamicTest.dynamicTest(m.folder(), () -> {
            List<String> wrong = new ArrayList<>();
            for (Path file : Modules.javaFiles(m.sources(ROOT))) {
                JavaSource source = JavaSource.read(file);
                for (String used : source.uses()) {
                    String why = refusal(m, used);
                    if (why != null) {
                        wrong.add(ROOT.relativize(file) + " uses " + used + " (" + why + ")");
                    }
                }
            }
            assertEquals(List.of(), wrong, m.folder() + " breaks the layering of docs/architecture.md");
        })).toList();
    }

    @TestFactory
    List<DynamicTest> manifestsImportOnlyAllowedPitboxPackages() {
        return Modules.present(ROOT).stream().filter(Module::osgi).map(m -> DynamicTest.dynamicTest(m.folder(), () -> {
            Map<String, String> headers = headers(m.manifest(ROOT));
            List<String> wrong = new ArrayList<>();
            for (String bundle : clauses(headers.getOrDefault("Require-Bundle", ""))) {
                if (bundle.startsWith("org.pitbox")) {
                    wrong.add("Require-Bundle " + bundle + ": PitBox bundles meet through Import-Package and DS");
                }
            }
            for (String pkg : clauses(headers.getOrDefault("Import-Package", ""))) {
                String why = pkg.startsWith("org.pitbox") || pkg.startsWith("org.eclipse") ? refusal(m, pkg) : null;
                if (why != null) {
                    wrong.add("Import-Package " + pkg + " (" + why + ")");
                }
            }
            assertEquals(List.of(), wrong, m.manifest(ROOT) + "");
        })).toList();
    }

    /** In the bundles (the server's packages still share its configuration with the root package). */
    @TestFactory
    List<DynamicTest> noBundleHasAPackageCycle() {
        return Modules.present(ROOT).stream().filter(Module::osgi).map(m -> DynamicTest.dynamicTest(m.folder(), () -> {
            Map<String, Set<String>> graph = new TreeMap<>();
            for (Path file : Modules.javaFiles(m.sources(ROOT))) {
                JavaSource source = JavaSource.read(file);
                Set<String> edges = graph.computeIfAbsent(source.pkg(), k -> new TreeSet<>());
                source.uses().stream().filter(u -> u.startsWith(m.rootPackage())).forEach(edges::add);
            }
            assertEquals(List.of(), PackageCycles.of(graph), m.folder() + " has packages that use each other");
        })).toList();
    }

    /** Why {@code module} may not use package {@code used}, or null when it may. */
    private static String refusal(Module module, String used) {
        if (used.startsWith(DS_ANNOTATIONS)) {
            return null;
        }
        for (String prefix : module.forbidden()) {
            if (used.equals(prefix) || used.startsWith(prefix + ".")) {
                return module.rootPackage() + " stays free of " + prefix;
            }
        }
        if (!used.startsWith("org.pitbox") && !used.startsWith("com.example.pitbox")) {
            return null;
        }
        Module owner = Modules.owner(used).orElse(null);
        if (owner == null) {
            return "no module owns it";
        }
        return owner.equals(module) || module.mayUse().contains(owner.rootPackage()) ? null
                : module.rootPackage() + " may use only " + module.mayUse();
    }

    private static Map<String, String> headers(Path manifest) throws IOException {
        Map<String, String> headers = new HashMap<>();
        Matcher m = HEADER.matcher(Files.readString(manifest).replace("\r\n", "\n"));
        while (m.find()) {
            headers.put(m.group(1), m.group(2).replace("\n ", ""));
        }
        return headers;
    }

    /** The names of a manifest header's clauses, without their attributes. */
    private static List<String> clauses(String header) {
        List<String> names = new ArrayList<>();
        for (String clause : header.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
            String name = clause.split(";")[0].strip();
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }
}
