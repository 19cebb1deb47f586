package org.pitbox.core.api;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether a package's new signatures fit its new version, against its baseline. Removing or changing a
 * signature breaks callers, and a new abstract method on a type that existed breaks its implementers (plugins
 * implement PitBox's interfaces): both need a new major version. Anything else added needs a new minor version.
 */
final class ApiChange {
    private ApiChange() {
    }

    /** Empty when the version fits the change; otherwise what is wrong, for people. */
    static Optional<String> check(String pkg, Set<String> baseline, Version base, Set<String> current, Version now) {
        Set<String> removed = new TreeSet<>(baseline);
        removed.removeAll(current);
        Set<String> added = new TreeSet<>(current);
        added.removeAll(baseline);
        Set<String> breaking = new TreeSet<>(removed);
        added.stream().filter(s -> isAbstract(s) && existed(typeOf(s), baseline)).forEach(breaking::add);
        String name = pkg + " " + now;
        if (!breaking.isEmpty() && now.major() <= base.major()) {
            return Optional.of(name + " breaks its API (removed, changed or abstract on an existing type: " + breaking
                    + "); raise the major version");
        }
        if (!added.isEmpty() && now.major() == base.major() && now.minor() <= base.minor()) {
            return Optional.of(name + " grows its API (" + added + "); raise the minor version");
        }
        if (!removed.isEmpty() || !added.isEmpty()) {
            return Optional.of("the API changed and " + name + " says so; refresh its baseline with"
                    + " -Dpitbox.api.baseline.update=true");
        }
        if (now.major() != base.major() || now.minor() != base.minor()) {
            return Optional.of(name + " has a new version but the same API as its baseline (" + base
                    + "): keep the version");
        }
        return Optional.empty();
    }

    private static String typeOf(String signature) {
        return signature.substring(0, signature.indexOf(' '));
    }

    private static boolean isAbstract(String signature) {
        return signature.startsWith(typeOf(signature) + " abstract ");
    }

    private static boolean existed(String type, Set<String> baseline) {
        return baseline.stream().anyMatch(s -> typeOf(s).equals(type));
    }
}
