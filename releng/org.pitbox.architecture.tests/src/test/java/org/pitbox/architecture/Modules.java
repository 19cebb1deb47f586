package org.pitbox.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The project's modules as docs/architecture.md draws them: where each one's main sources are, the root package
 * it owns, which other PitBox modules it may use, and which outside packages it must not use.
 */
record Modules() {
    private static final Set<String> DISPLAY = Set.of("org.eclipse.swt", "org.eclipse.jface", "org.eclipse.e4",
            "org.eclipse.ui");

    /** One module: its folder, root package, the PitBox modules it may import, and forbidden package prefixes. */
    record Module(String folder, String rootPackage, Set<String> mayUse, Set<String> forbidden, boolean osgi) {
        Path sources(Path root) {
            Path dir = root.resolve(folder);
            return Files.isDirectory(dir.resolve("src/main/java")) ? dir.resolve("src/main/java") : dir.resolve("src");
        }

        Path manifest(Path root) {
            return root.resolve(folder).resolve("META-INF/MANIFEST.MF");
        }
    }

    private static final Set<String> NOT_IN_PLAIN_JAVA = Set.of("org.eclipse", "org.osgi.framework",
            "org.osgi.service.event", "org.osgi.util", "jakarta.inject", "javax.inject");

    /** The layers, lowest first. A module absent from the tree (not built yet) is left out. */
    static final List<Module> ALL = List.of(
            new Module("bundles/org.pitbox.core", "org.pitbox.core", Set.of(),
                    union(NOT_IN_PLAIN_JAVA, Set.of("com.fasterxml", "java.awt", "javax.swing")), true),
            new Module("bundles/org.pitbox.iracing", "org.pitbox.iracing", Set.of("org.pitbox.core"),
                    union(NOT_IN_PLAIN_JAVA, Set.of("com.fasterxml", "java.awt", "javax.swing")), true),
            new Module("bundles/org.pitbox.voice", "org.pitbox.voice", Set.of("org.pitbox.core", "org.pitbox.iracing"),
                    union(NOT_IN_PLAIN_JAVA, union(DISPLAY, Set.of("java.awt", "javax.swing"))), true),
            new Module("bundles/org.pitbox.video", "org.pitbox.video", Set.of("org.pitbox.core"),
                    union(NOT_IN_PLAIN_JAVA, union(DISPLAY, Set.of("java.awt", "javax.swing"))), true),
            new Module("bundles/org.pitbox.protocol", "org.pitbox.protocol", Set.of(),
                    union(NOT_IN_PLAIN_JAVA, Set.of("java.awt", "javax.swing")), true),
            new Module("bundles/org.pitbox.client", "org.pitbox.client", Set.of("org.pitbox.core", "org.pitbox.iracing", "org.pitbox.protocol"),
                    union(NOT_IN_PLAIN_JAVA, DISPLAY), true),
            // the application layer: DS components, but no display and no OSGi or Eclipse runtime
            new Module("bundles/org.pitbox.app", "org.pitbox.app", Set.of("org.pitbox.core", "org.pitbox.iracing",
                    "org.pitbox.voice", "org.pitbox.video", "org.pitbox.protocol", "org.pitbox.client"),
                    union(union(NOT_IN_PLAIN_JAVA, DISPLAY), Set.of("java.awt", "javax.swing")), true),
            new Module("bundles/org.pitbox.plugins", "org.pitbox.plugins", Set.of("org.pitbox.core", "org.pitbox.iracing"),
                    DISPLAY, true),
            new Module("bundles/org.pitbox.ui", "org.pitbox.ui", Set.of("org.pitbox.core", "org.pitbox.iracing",
                    "org.pitbox.voice", "org.pitbox.video", "org.pitbox.protocol", "org.pitbox.client", "org.pitbox.app",
                    "org.pitbox.plugins"), Set.of(), true),
            new Module("bundles/org.pitbox.demo", "org.pitbox.demo", Set.of("org.pitbox.core", "org.pitbox.iracing",
                    "org.pitbox.voice", "org.pitbox.video", "org.pitbox.protocol", "org.pitbox.client", "org.pitbox.app",
                    "org.pitbox.ui"), Set.of(), true),
            new Module("examples/org.pitbox.examples.analysis", "com.example.pitbox.cornerloss",
                    Set.of("org.pitbox.core"), union(NOT_IN_PLAIN_JAVA, DISPLAY), true),
            new Module("examples/org.pitbox.examples.source", "org.pitbox.examples.source",
                    Set.of("org.pitbox.core"), union(NOT_IN_PLAIN_JAVA, DISPLAY), true),
            new Module("cloud-server", "org.pitbox.server", Set.of("org.pitbox.core", "org.pitbox.iracing",
                    "org.pitbox.protocol"), union(DISPLAY, Set.of("org.osgi")), false),
            new Module("cli", "org.pitbox.cli", Set.of("org.pitbox.core", "org.pitbox.iracing", "org.pitbox.voice"),
                    union(DISPLAY, Set.of("org.osgi")), false));

    /** The modules present in the tree under {@code root}. */
    static List<Module> present(Path root) {
        return ALL.stream().filter(m -> Files.isDirectory(m.sources(root))).toList();
    }

    /** The module that owns {@code pkg}, by the longest root package that is a prefix of it. */
    static Optional<Module> owner(String pkg) {
        return ALL.stream().filter(m -> pkg.equals(m.rootPackage()) || pkg.startsWith(m.rootPackage() + "."))
                .max((a, b) -> Integer.compare(a.rootPackage().length(), b.rootPackage().length()));
    }

    /** The project's root folder (set by the build). */
    static Path root() {
        return Path.of(System.getProperty("pitbox.root", "../..")).toAbsolutePath().normalize();
    }

    /** Every .java file under {@code dir}. */
    static List<Path> javaFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        return Stream.concat(a.stream(), b.stream()).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    static Map<String, Module> byRoot() {
        return ALL.stream().collect(java.util.stream.Collectors.toMap(Module::rootPackage, m -> m));
    }
}
