package org.pitbox.protocol;

/** The paths of the cloud server's HTTP API, shared by the server and the desktop client. */
public final class ApiPaths {
    /** The REST API root; every resource below it. */
    public static final String API_ROOT = "/api/v1";
    /** Liveness and readiness, outside the versioned root so load balancers need no version. */
    public static final String HEALTH = "/health";

    private ApiPaths() {
    }
}
