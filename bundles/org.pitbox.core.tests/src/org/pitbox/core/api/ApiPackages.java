package org.pitbox.core.api;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The plugin API: the packages the core bundle exports at version 1.0.0 or later and not as
 * {@code x-internal}. Everything else PitBox exports (0.x) is for its own bundles and may change any time.
 */
final class ApiPackages {
    private ApiPackages() {
    }

    /** Each API package with its exported version, by name. */
    static Map<String, Version> exported() throws IOException {
        Map<String, Version> api = new TreeMap<>();
        for (Manifests.Clause c : Manifests.clauses(Manifests.headers(Manifests.CORE).get("Export-Package"))) {
            Version v = Version.parse(c.get("version") == null ? "0" : c.get("version"));
            if (v.major() >= 1 && !"true".equals(c.get("x-internal"))) {
                api.put(c.name(), v);
            }
        }
        return api;
    }
}
