package org.pitbox.iracing.sessioninfo;

import java.util.List;

/**
 * {@code SessionInfo.Sessions[]}: one session of the event. "unlimited" laps or time become the SDK's
 * {@link #UNLIMITED_LAPS} and {@link #UNLIMITED_TIME} (as in the {@code SessionLapsRemain}/{@code SessionTimeRemain}
 * channels); missing values are -1 or {@code NaN}.
 */
public record SessionEntry(int sessionNum, String type, String subType, String name, int laps, double timeSeconds,
        String trackRubberState, List<ResultPosition> results) {

    /** {@code IRSDK_UNLIMITED_LAPS}. */
    public static final int UNLIMITED_LAPS = 32767;
    /** {@code IRSDK_UNLIMITED_TIME}, seconds. */
    public static final double UNLIMITED_TIME = 604800.0;

    public SessionEntry {
        results = List.copyOf(results);
    }

    public boolean hasLapLimit() {
        return laps >= 0 && laps != UNLIMITED_LAPS;
    }

    public boolean hasTimeLimit() {
        return timeSeconds >= 0 && timeSeconds != UNLIMITED_TIME;
    }

    static SessionEntry from(YamlNode n) {
        YamlNode laps = n.get("SessionLaps");
        YamlNode time = n.get("SessionTime");
        return new SessionEntry(n.get("SessionNum").asInt(-1), n.get("SessionType").asString(),
                n.get("SessionSubType").asString(), n.get("SessionName").asString(),
                isUnlimited(laps) ? UNLIMITED_LAPS : laps.asInt(-1),
                isUnlimited(time) ? UNLIMITED_TIME : time.asDouble(), n.get("SessionTrackRubberState").asString(),
                SessionInfoParser.mapItems(n.get("ResultsPositions"), ResultPosition::from));
    }

    private static boolean isUnlimited(YamlNode n) {
        return "unlimited".equalsIgnoreCase(n.asString());
    }
}
