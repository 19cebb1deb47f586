package org.pitbox.server.resources;

import io.swagger.v3.jaxrs2.ext.AbstractOpenAPIExtension;
import io.swagger.v3.jaxrs2.ext.OpenAPIExtension;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import jakarta.annotation.security.PermitAll;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Iterator;
import org.pitbox.server.auth.RateLimited;

/**
 * What the server's filters do to every route, written into the generated OpenAPI document (swagger-core finds this
 * extension through {@code META-INF/services}): a {@link PermitAll} route needs no token ({@code security: []}),
 * every other one can answer 401; a route with a body can answer 400 and 413, a {@link RateLimited} one 429.
 * Responses a resource declares itself are kept; every error answer without content gets the ApiError schema.
 */
public final class OpenApiConventions extends AbstractOpenAPIExtension {
    /** The schema every error answer has. */
    static final String ERROR_SCHEMA = "#/components/schemas/ApiError";
    /** Answers the resources share. */
    static final String TEAM_NOT_FOUND = "No such team, or the caller is not a member (`team_not_found`): other "
            + "teams' data does not exist for outsiders";
    static final String SESSION_NOT_FOUND = "No such session, or its team is not the caller's (`session_not_found`)";
    static final String FORBIDDEN = "The caller's team role is too low (`forbidden`)";
    static final String STORAGE_BUSY = "The server's storage work is full (`storage_busy`); Retry-After says when to"
            + " try again";

    @Override
    public void decorateOperation(Operation operation, Method method, Iterator<OpenAPIExtension> chain) {
        if (method.isAnnotationPresent(PermitAll.class)
                || method.getDeclaringClass().isAnnotationPresent(PermitAll.class)) {
            operation.setSecurity(new ArrayList<>());
        } else {
            add(operation, "401", "Missing, invalid or expired access token (`missing_token`, `invalid_token`)");
        }
        if (operation.getRequestBody() != null) {
            add(operation, "400", "Bad input: malformed JSON, unknown or missing fields, wrong types "
                    + "(`malformed_json`, `invalid_body`, `unknown_field`, `missing_field`, `invalid_field`, ...)");
            add(operation, "413", "The request body is larger than the configured limit (`body_too_large`)");
        }
        if (method.isAnnotationPresent(RateLimited.class)) {
            add(operation, "429", "Too many requests from this address (`rate_limited`); see Retry-After");
        }
        operation.getResponses().forEach((status, response) -> {
            if (status.charAt(0) >= '4' && response.getContent() == null) {
                response.setContent(new Content().addMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON,
                        new MediaType().schema(new Schema<>().$ref(ERROR_SCHEMA))));
            }
        });
        super.decorateOperation(operation, method, chain);
    }

    private static void add(Operation operation, String status, String description) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        operation.getResponses().putIfAbsent(status, new ApiResponse().description(description));
    }
}
