package org.pitbox.server.ai;

import java.util.Optional;

/**
 * The facts of a session (its sheet: {@code {id, value, unit, source}} entries, the only figures an answer may
 * use). Empty when the team has no such session (the caller answers 404).
 */
@FunctionalInterface
public interface FactSource {
    Optional<SessionFacts> facts(long teamId, SessionRef session);
}
