package org.pitbox.iracing.sessioninfo;

/** {@code SplitTimeInfo.Sectors[]}: sector number and its start as a fraction of the lap (0..1). */
public record Sector(int sectorNum, double startPct) {

    static Sector from(YamlNode n) {
        return new Sector(n.get("SectorNum").asInt(-1), n.get("SectorStartPct").asDouble());
    }
}
