package org.pitbox.server.api;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** {@link StoredSessionsApi} on PostgreSQL, in a schema of its own. */
@EnabledIfEnvironmentVariable(named = TestDatabase.POSTGRES_ENV, matches = "1", disabledReason = TestDatabase.SKIP)
class StoredSessionsPostgresTest extends StoredSessionsApi {
    @Override
    boolean postgres() {
        return true;
    }
}
