package org.pitbox.ui.services;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.e4.ui.di.UISynchronize;
import org.pitbox.app.assistant.EngineerAssistant;
import org.pitbox.app.feed.ActiveFeed;
import org.pitbox.app.live.EngineerLive;
import org.pitbox.app.live.RadioClip;
import org.pitbox.app.live.LiveBoard;
import org.pitbox.app.session.OpenSession;
import org.pitbox.app.team.TeamSession;
import org.pitbox.core.source.TelemetrySource;
import org.pitbox.iracing.IbtSummary;
import org.pitbox.protocol.live.LiveControl;
import org.pitbox.video.VideoPicture;

/**
 * What one part or add-on listens to in the application layer: each call is handed to the UI thread, and
 * {@link #close} removes every listener (call it when the part goes).
 */
public final class Listening {
    private final UISynchronize ui;
    private final List<Runnable> removals = new ArrayList<>();
    private volatile boolean closed;

    public Listening(UISynchronize ui) {
        this.ui = ui;
    }

    public void feed(ActiveFeed feed, ActiveFeed.Listener l) {
        ActiveFeed.Listener on = (TelemetrySource s) -> onUi(() -> l.feedChanged(s));
        feed.addListener(on);
        removals.add(() -> feed.removeListener(on));
    }

    public void session(OpenSession session, OpenSession.Listener l) {
        OpenSession.Listener on = (Path f, IbtSummary s) -> onUi(() -> l.opened(f, s));
        session.addListener(on);
        removals.add(() -> session.removeListener(on));
    }

    public void board(LiveBoard board, LiveBoard.Listener l) {
        LiveBoard.Listener on = c -> onUi(() -> l.boardChanged(c));
        board.addListener(on);
        removals.add(() -> board.removeListener(on));
    }

    public void team(TeamSession team, TeamSession.Listener l) {
        TeamSession.Listener on = new TeamSession.Listener() {
            @Override
            public void changed(String sentence) {
                onUi(() -> l.changed(sentence));
            }

            @Override
            public void radio(String fromName, String text) {
                onUi(() -> l.radio(fromName, text));
            }

            @Override
            public void spoolFull(long dropped) {
                onUi(() -> l.spoolFull(dropped));
            }

            @Override
            public void coach(String text, String source) {
                onUi(() -> l.coach(text, source));
            }

            @Override
            public void pitPlan(LiveControl.PitPlan plan, String fromName) {
                onUi(() -> l.pitPlan(plan, fromName));
            }
        };
        team.addListener(on);
        removals.add(() -> team.removeListener(on));
    }

    public void engineer(EngineerLive live, EngineerLive.Listener l) {
        EngineerLive.Listener on = new EngineerLive.Listener() {
            @Override
            public void changed(EngineerLive.Change change) {
                onUi(() -> l.changed(change));
            }

            @Override
            public void radio(String fromName, String text) {
                onUi(() -> l.radio(fromName, text));
            }

            @Override
            public void radioClip(RadioClip clip) {
                onUi(() -> l.radioClip(clip));
            }

            @Override
            public void error(String text) {
                onUi(() -> l.error(text));
            }

            @Override
            public void coach(LiveControl hint) {
                onUi(() -> l.coach(hint));
            }

            @Override
            public void video(VideoPicture picture) {
                l.video(picture); // on the decoder's thread: a picture is drawn at the display's turn, the newest only
            }
        };
        live.addListener(on);
        removals.add(() -> live.removeListener(on));
    }

    public void assistant(EngineerAssistant assistant, EngineerAssistant.Listener l) {
        EngineerAssistant.Listener on = new EngineerAssistant.Listener() {
            @Override
            public void changed(EngineerAssistant.Change change) {
                onUi(() -> l.changed(change));
            }

            @Override
            public void piece(String text) {
                onUi(() -> l.piece(text));
            }

            @Override
            public void restart(String reason, List<String> unmatched) {
                onUi(() -> l.restart(reason, unmatched));
            }

            @Override
            public void failed(String sentence) {
                onUi(() -> l.failed(sentence));
            }
        };
        assistant.addListener(on);
        removals.add(() -> assistant.removeListener(on));
    }

    /** Runs {@code call} on the UI thread unless this was closed meanwhile (the part is gone). */
    private void onUi(Runnable call) {
        ui.asyncExec(() -> {
            if (!closed) {
                call.run();
            }
        });
    }

    /** Removes every listener added here; calls already handed to the UI thread are dropped. */
    public void close() {
        closed = true;
        removals.forEach(Runnable::run);
        removals.clear();
    }
}
