package org.pitbox.protocol;

/** The paths of the cloud server's HTTP API, shared by the server and the desktop client. */
public final class ApiPaths {
    /** The REST API root; every resource below it. */
    public static final String API_ROOT = "/api/v1";
    /** Liveness and readiness, outside the versioned root so load balancers need no version. */
    public static final String HEALTH = "/health";
    /** Prometheus text format. */
    public static final String METRICS = "/metrics";
    /** The OpenAPI 3 description of the REST API. */
    public static final String OPENAPI = "/openapi.json";

    public static final String AUTH = API_ROOT + "/auth";
    public static final String TEAMS = API_ROOT + "/teams";
    public static final String INVITES = API_ROOT + "/invites";
    public static final String SESSIONS = API_ROOT + "/sessions";

    private ApiPaths() {
    }
}
