package org.pitbox.server.api;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** {@link AiGatewayApi} on PostgreSQL, in a schema of its own. */
@EnabledIfEnvironmentVariable(named = TestDatabase.POSTGRES_ENV, matches = "1", disabledReason = TestDatabase.SKIP)
class AiGatewayPostgresTest extends AiGatewayApi {
    @Override
    boolean postgres() {
        return true;
    }
}
