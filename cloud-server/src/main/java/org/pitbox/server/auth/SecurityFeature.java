package org.pitbox.server.auth;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;

/** Puts the {@link AuthFilter} on every resource method not marked {@link PermitAll} (on the method or its class). */
public final class SecurityFeature implements DynamicFeature {
    private final TokenService tokens;

    public SecurityFeature(TokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public void configure(ResourceInfo info, FeatureContext context) {
        if (!info.getResourceMethod().isAnnotationPresent(PermitAll.class)
                && !info.getResourceClass().isAnnotationPresent(PermitAll.class)) {
            context.register(new AuthFilter(tokens));
        }
    }
}
