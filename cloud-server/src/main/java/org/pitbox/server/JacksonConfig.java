package org.pitbox.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/** Makes Jersey use the protocol's shared JSON mapper. */
@Provider
final class JacksonConfig implements ContextResolver<ObjectMapper> {
    private final ObjectMapper mapper;

    JacksonConfig(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return mapper;
    }
}
