package org.pitbox.plugins;

/** A plugin as PitBox shows it: an installable unit of a p2 repository or of the running installation. */
public record Plugin(String id, String version, String name, String provider) {
    /** id, version, name and provider, tab-separated. */
    public String line() {
        return id + "\t" + version + "\t" + name + "\t" + provider;
    }
}
