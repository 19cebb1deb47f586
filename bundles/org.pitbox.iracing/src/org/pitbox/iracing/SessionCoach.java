package org.pitbox.iracing;

import java.util.List;
import java.util.Locale;

import org.pitbox.core.coach.Coach;
import org.pitbox.core.coach.RaceState;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.iracing.ibt.IbtFile;
import org.pitbox.iracing.sessioninfo.Sector;
import org.pitbox.iracing.sessioninfo.SessionEntry;
import org.pitbox.iracing.sessioninfo.SessionInfo;

/**
 * The rule-based {@link Coach} of an iRacing session: sectors and track length from its session info; fuel to the
 * flag counts the laps or time a race has left, or {@code raceLaps} when given (also for a practice or test
 * session, which otherwise has no flag to work to).
 */
public final class SessionCoach {
    private SessionCoach() {
    }

    /**
     * @param sessionNum the session recorded, -1 when unknown (then it counts as a race)
     * @throws IllegalArgumentException when the layout or the session info lacks what the coach needs
     */
    public static Coach of(ChannelLayout layout, SessionInfo info, int sessionNum, int tickRate, int raceLaps) {
        List<Double> sectors = info.sectors().stream().map(Sector::startPct).toList();
        SessionEntry session = info.session(sessionNum);
        boolean race = session == null || session.type().toLowerCase(Locale.ROOT).contains("race");
        return new Coach(layout, sectors, info.weekend().trackLengthMeters(), tickRate,
                raceLaps > 0 || race ? raceLaps : RaceState.NOT_A_RACE);
    }

    /** The coach of a recording, for its session (the session info's current one, else the first row's). */
    public static Coach of(IbtFile ibt, int raceLaps) {
        IbtSummary summary = IbtSummary.of(ibt);
        return of(ibt.layout(), summary.info(), sessionNum(ibt, summary), ibt.tickRate(), raceLaps);
    }

    private static int sessionNum(IbtFile ibt, IbtSummary summary) {
        int num = summary.info().currentSessionNum();
        return num >= 0 || ibt.recordCount() == 0 ? num
                : ibt.layout().find("SessionNum").map(c -> (int) ibt.value(0, c, 0)).orElse(-1);
    }
}
