package org.pitbox.server;

import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.pitbox.protocol.ProtocolJson;
import org.pitbox.server.resources.HealthResource;

/** Wires the resources; used by {@code main} and by tests alike. */
public final class PitboxApplication extends ResourceConfig {
    PitboxApplication(Database database) {
        property(ServerProperties.WADL_FEATURE_DISABLE, true);
        register(new JacksonFeature());
        register(new JacksonConfig(ProtocolJson.mapper()));
        register(new HealthResource(Version.current(), database::isReady));
    }
}
