package org.pitbox.server;

/** The server's version, from the jar manifest; "dev" when run from classes. */
final class Version {
    private Version() {
    }

    static String current() {
        String v = PitboxServer.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
