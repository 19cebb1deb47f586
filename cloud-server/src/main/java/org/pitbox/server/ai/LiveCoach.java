package org.pitbox.server.ai;

import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.pitbox.core.coach.Coach;
import org.pitbox.core.coach.FactSheet;
import org.pitbox.core.coach.Hint;
import org.pitbox.core.telemetry.Frame;
import org.pitbox.protocol.live.LiveControl;
import org.pitbox.server.live.SessionWatch;

/**
 * One live session's coach: its rows through core's race state and rule coach, a hint after each lap. Its insights
 * go under {@code live:KEY} until the recording is stored as a session ({@link #stored}), then under that.
 */
final class LiveCoach implements SessionWatch {
    private final Session session;
    private final Coach coach;
    private final CoachHints hints;
    private final Consumer<LiveControl> send;
    private final Runnable ended;
    private final NavigableMap<Integer, FactSheet> laps = new TreeMap<>();
    private volatile SessionFacts facts;
    private volatile SessionRef ref;

    LiveCoach(Session session, Coach coach, CoachHints hints, Consumer<LiveControl> send, Runnable ended) {
        this.session = session;
        this.coach = coach;
        this.hints = hints;
        this.send = send;
        this.ended = ended;
        this.facts = new SessionFacts(new FactSheet(), laps, session.driverUserId());
        this.ref = new SessionRef(null, session.key());
    }

    @Override
    public void row(Frame frame) {
        Hint hint = coach.update(frame);
        if (coach.lapEnded()) {
            FactSheet sheet = coach.state().facts();
            SessionFacts.keepLap(laps, sheet, coach.state().lastLap().number());
            facts = new SessionFacts(sheet, laps, session.driverUserId());
            if (hint != null) {
                hints.lap(session.teamId(), ref, hint, sheet, sheet.toJson(), send);
            }
        }
    }

    @Override
    public void ended() {
        ended.run();
    }

    /** The facts after the last completed lap. */
    SessionFacts facts() {
        return facts;
    }

    /** The recording was stored as session {@code id}: later hints go with it. */
    void stored(long id) {
        ref = new SessionRef(id, null);
    }
}
