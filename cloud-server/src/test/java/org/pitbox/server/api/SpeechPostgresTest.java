package org.pitbox.server.api;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** {@link SpeechApi} on PostgreSQL, in a schema of its own. */
@EnabledIfEnvironmentVariable(named = TestDatabase.POSTGRES_ENV, matches = "1", disabledReason = TestDatabase.SKIP)
class SpeechPostgresTest extends SpeechApi {
    @Override
    boolean postgres() {
        return true;
    }
}
