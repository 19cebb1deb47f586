package org.pitbox.server.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.pitbox.protocol.ProtocolJson;
import org.pitbox.protocol.api.ApiError;

/**
 * Jetty's own errors (a malformed path or header, a refused upgrade, a failure outside Jersey) as the API's JSON
 * {@code {"code", "message"}}. The message is the status's reason, never the request's text.
 */
public final class JsonErrorHandler extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int status, String message, Throwable cause,
            Callback callback) throws IOException {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, body(status), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return body(status);
    }

    private static ByteBuffer body(int status) {
        ApiError error = new ApiError(ErrorMappers.code(status), HttpStatus.getMessage(status));
        try {
            return ByteBuffer.wrap(ProtocolJson.mapper().writeValueAsString(error).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
