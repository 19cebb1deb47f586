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
import org.pitbox.server.http.ClientAddresses;

/**
 * Applies the named {@link RateLimiter} per client address to {@link RateLimited} methods; runs before
 * authentication. The address is left in the request's property {@link #CLIENT} for the resource.
 */
@RateLimited("")
@Priority(Priorities.AUTHENTICATION - 100)
public final class RateLimitFilter implements ContainerRequestFilter {
    public static final String CLIENT = "pitbox.client";

    private final Map<String, RateLimiter> limiters;
    private final ClientAddresses clients;
    @Context
    private ResourceInfo resource;
    @Inject
    private Provider<Request> jettyRequest;

    public RateLimitFilter(Map<String, RateLimiter> limiters, ClientAddresses clients) {
        this.limiters = Map.copyOf(limiters);
        this.clients = clients;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String name = resource.getResourceMethod().getAnnotation(RateLimited.class).value();
        RateLimiter limiter = limiters.get(name);
        if (limiter == null) {
            throw new IllegalStateException("no rate limiter named " + name);
        }
        String client = clients.of(jettyRequest.get());
        request.setProperty(CLIENT, client);
        limiter.acquire("ip:" + client);
    }
}
