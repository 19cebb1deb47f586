package org.pitbox.server.sessions;

import java.time.Duration;

/**
 * What uploads may take: declared bytes per team (all its sessions) and per session, unfinished uploads per
 * user at a time, and how long an unfinished upload is kept.
 */
public record Quotas(long teamBytes, long sessionBytes, int openUploads, Duration uploadExpiry) {
}
