package org.pitbox.server.api;

import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;

/** Every route the Jersey application serves, as "METHOD /path/{param}". */
final class Routes {
    /** One route and whether it needs no token. */
    record Route(String method, String path, boolean open) {
        String key() {
            return method + " " + path;
        }
    }

    private Routes() {
    }

    static List<Route> of(ResourceConfig app) {
        List<Route> routes = new ArrayList<>();
        for (Object instance : app.getInstances()) {
            if (Resource.isAcceptable(instance.getClass()) && instance.getClass().isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                Resource r = Resource.from(instance.getClass());
                add(routes, r, "");
            }
        }
        return routes;
    }

    private static void add(List<Route> routes, Resource r, String prefix) {
        String path = join(prefix, r.getPath());
        for (ResourceMethod m : r.getResourceMethods()) {
            boolean open = m.getInvocable().getHandlingMethod().isAnnotationPresent(PermitAll.class)
                    || m.getInvocable().getHandler().getHandlerClass().isAnnotationPresent(PermitAll.class);
            routes.add(new Route(m.getHttpMethod(), path, open));
        }
        for (Resource child : r.getChildResources()) {
            add(routes, child, path);
        }
    }

    private static String join(String prefix, String path) {
        String p = path == null ? "" : path;
        String joined = (prefix + "/" + p).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
