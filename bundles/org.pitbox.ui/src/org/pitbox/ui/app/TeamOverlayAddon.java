package org.pitbox.ui.app;

import jakarta.inject.Inject;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.pitbox.client.live.LinkSummary;
import org.pitbox.protocol.live.LiveControl;
import org.pitbox.ui.overlay.OverlayWindow;
import org.pitbox.ui.services.Status;
import org.pitbox.ui.services.TeamSession;

/** Shows the team link (state, kB/s), radio messages and the coach's hints on the driver overlay. */
public class TeamOverlayAddon {
    @Inject
    private OverlayWindow overlay;
    @Inject
    private TeamSession team;

    @Inject
    @Optional
    void onTeam(@UIEventTopic(Status.TOPIC_TEAM) String sentence) {
        LinkSummary link = team.streaming() ? team.link() : LinkSummary.NOT_STREAMING;
        overlay.model().setLink(link.text(), link.level());
    }

    @Inject
    @Optional
    void onRadio(@UIEventTopic(Status.TOPIC_RADIO) String line) {
        overlay.showMessage(line);
    }

    @Inject
    @Optional
    void onCoach(@UIEventTopic(Status.TOPIC_COACH) LiveControl hint) {
        String source = hint.coach() == null ? "rule-based" : hint.coach().source();
        overlay.model().setCoach(hint.text(), source, System.currentTimeMillis());
    }
}
