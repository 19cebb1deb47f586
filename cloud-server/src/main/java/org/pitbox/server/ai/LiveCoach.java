package org.pitbox.server.ai;

import java.util.function.Consumer;
import org.pitbox.core.coach.Coach;
import org.pitbox.core.coach.Hint;
import org.pitbox.core.telemetry.Frame;
import org.pitbox.protocol.live.LiveControl;
import org.pitbox.server.live.SessionWatch;

/** One live session's coach: its rows through core's race state and rule coach, a hint after each lap. */
final class LiveCoach implements SessionWatch {
    private final Session session;
    private final Coach coach;
    private final CoachHints hints;
    private final Consumer<LiveControl> send;
    private final Runnable ended;
    private volatile String facts = CoachFacts.EMPTY;

    LiveCoach(Session session, Coach coach, CoachHints hints, Consumer<LiveControl> send, Runnable ended) {
        this.session = session;
        this.coach = coach;
        this.hints = hints;
        this.send = send;
        this.ended = ended;
    }

    @Override
    public void row(Frame frame) {
        Hint hint = coach.update(frame);
        if (coach.lapEnded()) {
            facts = coach.state().facts().toJson();
            if (hint != null) {
                hints.lap(session.teamId(), session.key(), hint, coach.state().facts(), facts, send);
            }
        }
    }

    @Override
    public void ended() {
        ended.run();
    }

    /** The fact sheet after the last completed lap. */
    String facts() {
        return facts;
    }
}
