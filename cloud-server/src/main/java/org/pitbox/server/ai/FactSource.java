package org.pitbox.server.ai;

import java.util.Optional;

/**
 * The fact sheet of a session: a JSON object whose {@code facts} array holds {@code {id, value, unit, source}}
 * entries, the only figures an answer may use. Empty when the team has no such session (the caller answers 404).
 */
@FunctionalInterface
public interface FactSource {
    Optional<String> facts(long teamId, SessionRef session);
}
