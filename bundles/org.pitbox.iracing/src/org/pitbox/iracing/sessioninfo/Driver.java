package org.pitbox.iracing.sessioninfo;

/** {@code DriverInfo.Drivers[]}: one car entry. Missing text is {@code null}, missing numbers -1 or {@code NaN}. */
public record Driver(int carIdx, String userName, String abbrevName, int userId, String teamName, int teamId,
        String carNumber, int carNumberRaw, int carId, String carPath, String carScreenName, String carScreenNameShort,
        int carClassId, String carClassShortName, double carClassEstLapTime, int iRating, String licString,
        boolean isSpectator, boolean isPaceCar, boolean isAi) {

    static Driver from(YamlNode n) {
        return new Driver(n.get("CarIdx").asInt(-1), n.get("UserName").asString(), n.get("AbbrevName").asString(),
                n.get("UserID").asInt(-1), n.get("TeamName").asString(), n.get("TeamID").asInt(-1),
                n.get("CarNumber").asString(), n.get("CarNumberRaw").asInt(-1), n.get("CarID").asInt(-1),
                n.get("CarPath").asString(), n.get("CarScreenName").asString(),
                n.get("CarScreenNameShort").asString(), n.get("CarClassID").asInt(-1),
                n.get("CarClassShortName").asString(), n.get("CarClassEstLapTime").asDouble(),
                n.get("IRating").asInt(-1), n.get("LicString").asString(), n.get("IsSpectator").asBoolean(),
                n.get("CarIsPaceCar").asBoolean(), n.get("CarIsAI").asBoolean());
    }
}
