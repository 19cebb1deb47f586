package org.pitbox.ui.app;

import jakarta.annotation.PostConstruct;
import org.eclipse.e4.ui.di.UISynchronize;
import org.pitbox.app.team.TeamSession;
import org.pitbox.client.live.LinkSummary;
import org.pitbox.protocol.live.LiveControl;
import org.pitbox.ui.overlay.OverlayWindow;
import org.pitbox.ui.services.Listening;

/**
 * Shows the team link (state, kB/s), radio messages, the coach's hints and the engineer's pit plans on the driver
 * overlay, and sends the overlay's ratings of the last hint.
 */
public class TeamOverlayAddon {
    @PostConstruct
    void start(OverlayWindow overlay, TeamSession team, UISynchronize ui) {
        new Listening(ui).team(team, new TeamSession.Listener() {
            @Override
            public void changed(String sentence) {
                LinkSummary link = team.streaming() ? team.link() : LinkSummary.NOT_STREAMING;
                overlay.model().setLink(link.text(), link.level());
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
