package org.pitbox.client.live;

import java.util.Locale;

/**
 * One line about the link to the team for the driver's overlay, and how worrying it is.
 *
 * @param level 0 fine, 1 catching up or connecting, 2 offline or losing data, 3 not streaming
 */
public record LinkSummary(String text, int level) {
    public static final int OK = 0, WARNING = 1, BAD = 2, IDLE = 3;
    public static final LinkSummary NOT_STREAMING = new LinkSummary("Not streaming", IDLE);

    public static LinkSummary of(LiveStatus s) {
        String rate = String.format(Locale.ROOT, "%.1f kB/s", s.bytesPerSecond() / 1000.0);
        String spooled = String.format(Locale.ROOT, "%.0f s", s.spooledSeconds());
        if (s.dropped() > 0 && s.state() != LiveStatus.State.LIVE) {
            return new LinkSummary("Spool full: " + s.dropped() + " oldest samples dropped", BAD);
        }
        return switch (s.state()) {
            case LIVE -> new LinkSummary("LIVE  " + rate, OK);
            case SPOOLING -> new LinkSummary("CATCHING UP " + spooled + "  " + rate, WARNING);
            case CONNECTING -> new LinkSummary("CONNECTING, " + spooled + " kept", WARNING);
            case OFFLINE -> new LinkSummary("OFFLINE, spooling " + spooled, BAD);
        };
    }
}
