package org.pitbox.protocol.api;

import java.util.List;

/** One page of {@code GET /teams/{teamId}/sessions}; {@code page} counts from 0. */
public record SessionPage(List<SessionView> items, int page, int size, long total) {
}
