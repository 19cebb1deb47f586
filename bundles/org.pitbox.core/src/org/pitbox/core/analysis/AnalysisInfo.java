package org.pitbox.core.analysis;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What an analysis is: stable id (such as {@code com.example.gear-usage}), name and description for people,
 * version and provider, the channels it cannot work without, and the kinds of data it produces.
 * Sessions that lack a required channel are not given to the analysis.
 */
public record AnalysisInfo(String id, String name, String description, String version, String provider,
        List<String> requiredChannels, Set<Produces> produces) {

    /** The kinds of data in a result. */
    public enum Produces {
        SERIES, MARKERS, TABLES, FIGURES
    }

    public AnalysisInfo {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("an analysis needs an id");
        }
        name = name == null || name.isBlank() ? id : name;
        description = Objects.requireNonNullElse(description, "");
        version = Objects.requireNonNullElse(version, "");
        provider = Objects.requireNonNullElse(provider, "");
        requiredChannels = List.copyOf(requiredChannels);
        produces = Set.copyOf(produces);
    }
}
