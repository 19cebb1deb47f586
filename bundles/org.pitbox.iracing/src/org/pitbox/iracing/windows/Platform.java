package org.pitbox.iracing.windows;

final class Platform {
    private Platform() {
    }

    static boolean isWindows() {
        return System.getProperty("os.name", "").startsWith("Windows");
    }
}
