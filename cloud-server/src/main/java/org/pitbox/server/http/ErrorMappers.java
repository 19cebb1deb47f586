package org.pitbox.server.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.stream.Collectors;
import org.pitbox.protocol.api.ApiError;
import org.pitbox.server.db.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns every failure into a JSON {@link ApiError} with the right status; only unexpected ones are logged. */
public final class ErrorMappers {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMappers.class);

    private ErrorMappers() {
    }

    public static Response response(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(code, message))
                .build();
    }

    static Response response(ApiException e) {
        Response.ResponseBuilder b = Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(e.code(), e.getMessage()));
        e.headers().forEach(b::header);
        return b.build();
    }

    /** The error code for a status that Jersey or Jetty, not our code, decided. */
    public static String code(int status) {
        return switch (status) {
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 413 -> "body_too_large";
            case 414 -> "uri_too_long";
            case 415 -> "unsupported_media_type";
            case 431 -> "headers_too_large";
            default -> status >= 500 ? "internal_error" : "bad_request";
        };
    }

    /** Our own errors. */
    public static final class Api implements ExceptionMapper<ApiException> {
        @Override
        public Response toResponse(ApiException e) {
            return response(e);
        }
    }

    /** Jersey's: unknown route (404), wrong method (405), wrong media type (415), ... */
    public static final class Web implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            Response wrapped = wrapped(e);
            if (wrapped != null) {
                return wrapped;
            }
            int status = e.getResponse().getStatus();
            if (status >= 500) {
                LOG.error("request failed", e);
                return response(500, "internal_error", "internal server error");
            }
            Response.ResponseBuilder b = Response.fromResponse(response(status, code(status),
                    e.getResponse().getStatusInfo().getReasonPhrase()));
            if (status == 405) {
                b.header("Allow", e.getResponse().getHeaderString("Allow"));
            }
            return b.build();
        }
    }

    /** Bad JSON in a request body: always 400, naming the field where there is one. */
    public static final class Json implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException e) {
            return map(e);
        }

        static Response map(JsonProcessingException e) {
            if (e instanceof UnrecognizedPropertyException u) {
                return response(400, "unknown_field", "unknown field '" + u.getPropertyName() + "'");
            }
            if (e instanceof JsonMappingException m && !(e instanceof JsonParseException) && !m.getPath().isEmpty()) {
                String field = m.getPath().stream()
                        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining("."));
                return response(400, "invalid_field", "field '" + field + "' has the wrong type or format");
            }
            if (e instanceof JsonMappingException) {
                return response(400, "invalid_body", "the request body has the wrong shape: a JSON object is expected");
            }
            return response(400, "malformed_json", "the request body is not valid JSON");
        }
    }

    /**
     * Anything else is a bug: 500, logged with its stack trace (never with request bodies), unless the client
     * just went away.
     */
    public static final class Unexpected implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            Response wrapped = wrapped(e);
            if (wrapped != null) {
                return wrapped;
            }
            if (!ClientDisconnect.logged(e)) {
                LOG.error("request failed", e);
            }
            return response(500, "internal_error", "internal server error");
        }
    }

    /**
     * The answer for an API or JSON error, or a database refusal, somewhere in the cause chain, or null when there
     * is none.
     */
    private static Response wrapped(Throwable e) {
        ApiException api = cause(e, ApiException.class);
        if (api != null) {
            return response(api);
        }
        JsonProcessingException json = cause(e, JsonProcessingException.class);
        if (json != null) {
            return Json.map(json);
        }
        DataAccessException db = cause(e, DataAccessException.class);
        return db == null ? null : refused(db);
    }

    /** A constraint (409) or a value the database cannot keep (400) that no check caught; null for other failures. */
    private static Response refused(DataAccessException e) {
        if (!e.isConstraintViolation() && !e.isDataError()) {
            return null;
        }
        LOG.warn("the database refused a request (SQLState {}): {}", e.sqlState(), e.getMessage());
        return e.isConstraintViolation()
                ? response(409, "conflict", "the request conflicts with what the server holds")
                : response(400, "invalid_value", "a value in the request is out of the range the server keeps");
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
