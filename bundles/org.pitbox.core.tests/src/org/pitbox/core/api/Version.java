package org.pitbox.core.api;

/** An OSGi version's first three parts. */
record Version(int major, int minor, int micro) {

    static Version parse(String text) {
        int[] v = new int[3];
        String[] parts = text.trim().split("\\.");
        for (int i = 0; i < Math.min(3, parts.length); i++) {
            v[i] = Integer.parseInt(parts[i]);
        }
        return new Version(v[0], v[1], v[2]);
    }

    boolean atLeast(Version other) {
        return major != other.major ? major > other.major
                : minor != other.minor ? minor > other.minor : micro >= other.micro;
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + micro;
    }
}
