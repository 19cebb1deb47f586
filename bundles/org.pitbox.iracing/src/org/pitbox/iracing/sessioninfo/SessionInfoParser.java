package org.pitbox.iracing.sessioninfo;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Parses an iRacing session-info string into a {@link SessionInfo}. Never throws on content; re-parse only when the
 * header's {@code sessionInfoUpdate} changes.
 */
public final class SessionInfoParser {
    private SessionInfoParser() {
    }

    public static SessionInfo parse(String yaml) {
        YamlTree tree = YamlTree.parse(yaml);
        YamlNode session = tree.path("SessionInfo");
        return new SessionInfo(WeekendInfo.from(tree.path("WeekendInfo")),
                mapItems(tree.path("SplitTimeInfo", "Sectors"), Sector::from),
                DriverInfo.from(tree.path("DriverInfo")), session.get("CurrentSessionNum").asInt(-1),
                mapItems(session.get("Sessions"), SessionEntry::from), tree);
    }

    /** Decodes with {@link SessionInfoText} (cp1252 unless {@code utf8}) and parses. */
    public static SessionInfo parse(byte[] raw, boolean utf8) {
        return parse(SessionInfoText.decode(raw, utf8));
    }

    /** Maps the map items of a list; other items are skipped. */
    static <T> List<T> mapItems(YamlNode list, Function<YamlNode, T> f) {
        List<T> out = new ArrayList<>(list.size());
        for (YamlNode item : list.items()) {
            if (item.isMap()) {
                out.add(f.apply(item));
            }
        }
        return out;
    }
}
