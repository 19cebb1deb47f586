package org.pitbox.iracing.sessioninfo;

import java.util.List;

/**
 * Typed view of an iRacing session-info string; {@link #tree()} gives raw access to everything else (CameraInfo,
 * CarSetup, ...). Absent sections give empty records and lists, never exceptions.
 */
public record SessionInfo(WeekendInfo weekend, List<Sector> sectors, DriverInfo driverInfo,
        int currentSessionNum, List<SessionEntry> sessions, YamlTree tree) {

    public SessionInfo {
        sectors = List.copyOf(sectors);
        sessions = List.copyOf(sessions);
    }

    /** The player's entry, or {@code null} when the drivers list lacks it. */
    public Driver player() {
        return driverInfo.player();
    }

    /** The session with {@code SessionNum == num}, or {@code null}. */
    public SessionEntry session(int num) {
        for (SessionEntry s : sessions) {
            if (s.sessionNum() == num) {
                return s;
            }
        }
        return null;
    }

    /** Lines the lenient parser skipped; empty for well-formed strings. */
    public List<String> warnings() {
        return tree.warnings();
    }
}
