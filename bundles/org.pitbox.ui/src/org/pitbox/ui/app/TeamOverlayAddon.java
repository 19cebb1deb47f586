package org.pitbox.ui.app;

import jakarta.inject.Inject;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.pitbox.client.live.LinkSummary;
import org.pitbox.ui.overlay.OverlayWindow;
import org.pitbox.ui.services.Status;
import org.pitbox.ui.services.TeamSession;

/** Shows the team link (state, kB/s) and radio messages on the driver overlay. */
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
}
