package org.pitbox.server.auth;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import java.util.Map;
import org.eclipse.jetty.server.Request;

/** Applies the named {@link RateLimiter} per client IP to {@link RateLimited} methods; runs before authentication. */
@RateLimited("")
@Priority(Priorities.AUTHENTICATION - 100)
public final class RateLimitFilter implements ContainerRequestFilter {
    private final Map<String, RateLimiter> limiters;
    @Context
    private ResourceInfo resource;
    @Inject
    private Provider<Request> jettyRequest;

    public RateLimitFilter(Map<String, RateLimiter> limiters) {
        this.limiters = Map.copyOf(limiters);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String name = resource.getResourceMethod().getAnnotation(RateLimited.class).value();
        RateLimiter limiter = limiters.get(name);
        if (limiter == null) {
            throw new IllegalStateException("no rate limiter named " + name);
        }
        limiter.acquire("ip:" + Request.getRemoteAddr(jettyRequest.get()));
    }
}
