package org.pitbox.core.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The semantic-versioning guard of the plugin API: the public signatures of {@code org.pitbox.core.analysis}
 * are compared with the baseline kept in {@code api-baseline/}. Removing or changing a signature needs a new
 * major package version, adding one a new minor version; then refresh the baseline with
 * {@code -Dpitbox.api.baseline.update=true}.
 */
class ApiBaselineTest {
    private static final String PACKAGE = "org.pitbox.core.analysis";
    private static final Path BASELINE = Path.of("api-baseline", PACKAGE + ".txt");
    private static final Path SOURCES = Path.of("..", "org.pitbox.core", "src", "org", "pitbox", "core", "analysis");
    private static final Path MANIFEST = Path.of("..", "org.pitbox.core", "META-INF", "MANIFEST.MF");

    @Test
    void apiChangesComeWithTheRightVersion() throws Exception {
        int[] version = exportedVersion();
        Set<String> current = signatures();
        if (Boolean.getBoolean("pitbox.api.baseline.update")) {
            List<String> lines = new ArrayList<>();
            lines.add("version " + version[0] + "." + version[1] + "." + version[2]);
            lines.addAll(current);
            Files.write(BASELINE, lines);
            return;
        }
        List<String> lines = Files.readAllLines(BASELINE);
        int[] base = parse(lines.get(0).substring("version ".length()));
        Set<String> baseline = new TreeSet<>(lines.subList(1, lines.size()));
        Set<String> removed = new TreeSet<>(baseline);
        removed.removeAll(current);
        Set<String> added = new TreeSet<>(current);
        added.removeAll(baseline);
        String package_ = PACKAGE + " " + String.join(".", Arrays.stream(version).mapToObj(Integer::toString).toList());
        if (!removed.isEmpty() && version[0] <= base[0]) {
            fail(package_ + " breaks its API (removed or changed: " + removed + "); raise the major version");
        }
        if (!added.isEmpty() && version[0] == base[0] && version[1] <= base[1]) {
            fail(package_ + " grows its API (" + added + "); raise the minor version");
        }
        if (!removed.isEmpty() || !added.isEmpty()) {
            fail("the API changed and " + package_ + " says so; refresh " + BASELINE
                    + " with -Dpitbox.api.baseline.update=true");
        }
        assertTrue(Arrays.equals(base, version) || version[0] == base[0],
                "the baseline is " + lines.get(0) + " but nothing changed since: keep the version");
    }

    private static int[] exportedVersion() throws IOException {
        String manifest = Files.readString(MANIFEST).replace("\n ", "");
        Matcher m = Pattern.compile(Pattern.quote(PACKAGE) + ";version=\"([0-9.]+)\"").matcher(manifest);
        assertTrue(m.find(), PACKAGE + " is not exported with a version");
        return parse(m.group(1));
    }

    private static int[] parse(String version) {
        int[] v = new int[3];
        String[] parts = version.trim().split("\\.");
        for (int i = 0; i < Math.min(3, parts.length); i++) {
            v[i] = Integer.parseInt(parts[i]);
        }
        return v;
    }

    /** One line per public type and per public or protected member of each top-level type and its nested types. */
    private static Set<String> signatures() throws Exception {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String name = f.getFileName().toString().replace(".java", "");
                if (!name.equals("package-info")) {
                    describe(Class.forName(PACKAGE + "." + name), out);
                }
            }
        }
        return out;
    }

    private static void describe(Class<?> type, Set<String> out) {
        if (!Modifier.isPublic(type.getModifiers())) {
            return;
        }
        String name = type.getName();
        out.add(name + " " + kind(type) + " extends " + type.getSuperclass() + " implements "
                + Arrays.toString(type.getInterfaces()));
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (visible(c.getModifiers())) {
                out.add(name + " new" + Arrays.toString(c.getParameterTypes()));
            }
        }
        for (Method m : type.getDeclaredMethods()) {
            if (visible(m.getModifiers()) && !m.isSynthetic()) {
                out.add(name + " " + (Modifier.isStatic(m.getModifiers()) ? "static " : "")
                        + (m.isDefault() ? "default " : "") + m.getGenericReturnType().getTypeName() + " " + m.getName()
                        + Arrays.toString(m.getGenericParameterTypes()));
            }
        }
        for (Field f : type.getDeclaredFields()) {
            if (visible(f.getModifiers()) && !f.isSynthetic()) {
                out.add(name + " field " + f.getGenericType().getTypeName() + " " + f.getName());
            }
        }
        for (Class<?> nested : type.getDeclaredClasses()) {
            describe(nested, out);
        }
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static String kind(Class<?> type) {
        return type.isRecord() ? "record" : type.isEnum() ? "enum" : type.isInterface() ? "interface"
                : (Modifier.isFinal(type.getModifiers()) ? "final class" : "class");
    }
}
