package org.pitbox.iracing.sessioninfo;

/**
 * {@code ResultsPositions[]} of a session. Times in seconds (-1 when iRacing has none); missing values -1 or
 * {@code NaN}.
 */
public record ResultPosition(int position, int classPosition, int carIdx, int lap, double time, int fastestLap,
        double fastestTime, double lastTime, int lapsLed, int lapsComplete, double lapsDriven, int incidents,
        int reasonOutId, String reasonOut) {

    static ResultPosition from(YamlNode n) {
        return new ResultPosition(n.get("Position").asInt(-1), n.get("ClassPosition").asInt(-1),
                n.get("CarIdx").asInt(-1), n.get("Lap").asInt(-1), n.get("Time").asDouble(),
                n.get("FastestLap").asInt(-1), n.get("FastestTime").asDouble(), n.get("LastTime").asDouble(),
                n.get("LapsLed").asInt(-1), n.get("LapsComplete").asInt(-1), n.get("LapsDriven").asDouble(),
                n.get("Incidents").asInt(-1), n.get("ReasonOutId").asInt(-1), n.get("ReasonOutStr").asString());
    }
}
