package org.pitbox.iracing.sessioninfo;

/**
 * {@code WeekendInfo}: track and event. Missing text is {@code null}, missing numbers are {@code NaN} or -1.
 * Units are stripped: lengths in km, speeds in kph, temperatures in degrees C.
 */
public record WeekendInfo(String trackName, String trackDisplayName, String trackDisplayShortName,
        String trackConfigName, int trackId, double trackLengthKm, String trackCity, String trackCountry,
        String trackType, int trackNumTurns, double pitSpeedLimitKph, double trackSurfaceTempC, double trackAirTempC,
        String eventType, String category, String simMode, int seriesId, int seasonId, int sessionId,
        int subSessionId, int leagueId, boolean official, boolean teamRacing, int numCarClasses, int numCarTypes,
        String buildVersion) {

    public double trackLengthMeters() {
        return trackLengthKm * 1000.0;
    }

    static WeekendInfo from(YamlNode n) {
        return new WeekendInfo(n.get("TrackName").asString(), n.get("TrackDisplayName").asString(),
                n.get("TrackDisplayShortName").asString(), n.get("TrackConfigName").asString(),
                n.get("TrackID").asInt(-1), n.get("TrackLength").asDouble(), n.get("TrackCity").asString(),
                n.get("TrackCountry").asString(), n.get("TrackType").asString(), n.get("TrackNumTurns").asInt(-1),
                n.get("TrackPitSpeedLimit").asDouble(), n.get("TrackSurfaceTemp").asDouble(),
                n.get("TrackAirTemp").asDouble(), n.get("EventType").asString(), n.get("Category").asString(),
                n.get("SimMode").asString(), n.get("SeriesID").asInt(-1), n.get("SeasonID").asInt(-1),
                n.get("SessionID").asInt(-1), n.get("SubSessionID").asInt(-1), n.get("LeagueID").asInt(-1),
                n.get("Official").asBoolean(), n.get("TeamRacing").asBoolean(), n.get("NumCarClasses").asInt(-1),
                n.get("NumCarTypes").asInt(-1), n.get("BuildVersion").asString());
    }
}
