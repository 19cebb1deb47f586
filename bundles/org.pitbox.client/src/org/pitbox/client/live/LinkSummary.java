package org.pitbox.client.live;

import java.util.Locale;
import org.pitbox.core.live.LinkLevel;

/**
 * One line about the link to the team for the driver's overlay, and how worrying it is.
 *
 * @param level the overlay's scale, the same for both
 */
public record LinkSummary(String text, LinkLevel level) {
    public static final LinkSummary NOT_STREAMING = new LinkSummary("Not streaming", LinkLevel.IDLE);

    public static LinkSummary of(LiveStatus s) {
        String rate = String.format(Locale.ROOT, "%.1f kB/s", s.bytesPerSecond() / 1000.0);
        String spooled = String.format(Locale.ROOT, "%.0f s", s.spooledSeconds());
        if (s.dropped() > 0 && s.state() != LiveStatus.State.LIVE) {
            return new LinkSummary("Spool full: " + s.dropped() + " oldest samples dropped", LinkLevel.BAD);
        }
        return switch (s.state()) {
            case LIVE -> new LinkSummary("LIVE  " + rate, LinkLevel.OK);
            case SPOOLING -> new LinkSummary("CATCHING UP " + spooled + "  " + rate, LinkLevel.WARNING);
            case CONNECTING -> new LinkSummary("CONNECTING, " + spooled + " kept", LinkLevel.WARNING);
            case OFFLINE -> new LinkSummary("OFFLINE, spooling " + spooled, LinkLevel.BAD);
        };
    }
}
