package org.pitbox.server.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import java.util.List;
import java.util.Set;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.uri.UriTemplate;
import org.pitbox.server.metrics.Metrics;

/**
 * Counts requests by method, route template and status class, and times them. Every label has a fixed set of
 * values, whatever a client sends: a method outside {@link #METHODS} counts as "other", a path no resource
 * matches as "unmatched", a status outside 1xx to 5xx as "other".
 */
@PreMatching
@Priority(1)
public final class MetricsFilter implements ContainerRequestFilter, ContainerResponseFilter {
    private static final String START = MetricsFilter.class.getName() + ".start";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");
    private static final String OTHER = "other";

    private final Metrics.Counter requests;
    private final Metrics.Timer latency;

    public MetricsFilter(Metrics metrics) {
        this.requests = metrics.counter("pitbox_http_requests_total", "HTTP requests by route and status class",
                "method", "route", "status");
        this.latency = metrics.timer("pitbox_http_request_duration_seconds", "HTTP request latency", "route");
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(START, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String route = route(request);
        int status = response.getStatus() / 100;
        requests.inc(METHODS.contains(request.getMethod()) ? request.getMethod() : OTHER, route,
                status >= 1 && status <= 5 ? status + "xx" : OTHER);
        if (request.getProperty(START) instanceof Long start) {
            latency.since(start, route);
        }
    }

    /** The matched template, e.g. {@code /api/v1/teams/{teamId}/members}; "unmatched" for unknown paths. */
    private static String route(ContainerRequestContext request) {
        List<UriTemplate> templates = ((ContainerRequest) request).getUriInfo().getMatchedTemplates();
        if (templates.isEmpty()) {
            return "unmatched";
        }
        StringBuilder path = new StringBuilder();
        for (int i = templates.size() - 1; i >= 0; i--) {
            String t = templates.get(i).getTemplate();
            if (!t.isEmpty() && !t.equals("/")) {
                path.append(t.startsWith("/") ? "" : "/").append(t.endsWith("/") ? t.substring(0, t.length() - 1) : t);
            }
        }
        return path.isEmpty() ? "/" : path.toString();
    }
}
