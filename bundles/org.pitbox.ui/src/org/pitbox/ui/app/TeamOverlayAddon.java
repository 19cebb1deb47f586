package org.pitbox.ui.app;

import jakarta.annotation.PostConstruct;
import org.eclipse.e4.ui.di.UISynchronize;
import org.pitbox.app.team.TeamSession;
import org.pitbox.app.voice.DriverListening;
import org.pitbox.client.live.LinkSummary;
import org.pitbox.protocol.live.LiveControl;
import org.pitbox.ui.overlay.OverlayWindow;
import org.pitbox.ui.services.Listening;
import org.pitbox.voice.answer.Reply;

/**
 * Shows the team link (state, kB/s, and the video while a short link holds it back), radio messages, the coach's hints, the engineer's pit plans and PitBox's answers
 * to push-to-talk on the driver overlay, and sends the overlay's ratings of the last hint.
 */
public class TeamOverlayAddon {
    @PostConstruct
    void start(OverlayWindow overlay, TeamSession team, DriverListening listening, UISynchronize ui) {
        listening.addListener(new DriverListening.Listener() {
            @Override
            public void answered(String words, Reply reply) {
                if (reply.text() != null && !reply.text().isBlank()) {
                    ui.asyncExec(() -> overlay.showMessage("PitBox: " + reply.text()));
                }
            }
        });
        new Listening(ui).team(team, new TeamSession.Listener() {
            @Override
            public void changed(String sentence) {
                LinkSummary link = team.streaming() ? team.link() : LinkSummary.NOT_STREAMING;
                String video = team.streaming() ? team.videoLinkNote() : null;
                overlay.model().setLink(video == null ? link.text() : link.text() + " · " + video, link.level());
            }

            @Override
            public void radio(String fromName, String text) {
                overlay.showMessage(fromName + ": " + text);
            }

            @Override
            public void coach(String text, String source) {
                overlay.model().setCoach(text, source, System.currentTimeMillis());
            }

            @Override
            public void pitPlan(LiveControl.PitPlan plan, String fromName) {
                overlay.pitPlan(plan, fromName);
            }
        });
        overlay.onRate(rating -> team.rateLastHint(rating).whenComplete((done, e) -> ui.asyncExec(() -> overlay
                .note(e == null ? done : "Rating not sent: " + TeamSession.rootMessage(e), e == null))));
    }
}
