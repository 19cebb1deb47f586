package org.pitbox.server.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses request bodies above the configured size with 413: by Content-Length before any of the body is read
 * (a client that sent {@code Expect: 100-continue} then never sends it), or while streaming. A refused request's
 * body is never read to its end: the answer goes out at once, saying {@code Connection: close}, and Jetty closes
 * the connection, so a client that sends slowly or not at all holds no request thread (and a client that pools
 * connections does not reuse one the server is closing). Slow bodies are cut by the server's minimum data rate and
 * idle timeout.
 */
@PreMatching
@Priority(100)
public final class BodyLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {
    private final long maxBytes;

    public BodyLimitFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > maxBytes) {
            throw tooLarge();
        }
        request.setEntityStream(new Limited(request.getEntityStream()));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        boolean body = request.getLength() > 0 || request.getHeaders().containsKey("Transfer-Encoding");
        if (response.getStatus() >= 400 && body) {
            response.getHeaders().putSingle("Connection", "close");
        }
    }

    private ApiException tooLarge() {
        return new ApiException(413, "body_too_large", "the request body is larger than " + maxBytes + " bytes");
    }

    /** The body failed while it was read: the idle timeout, the minimum data rate, or the client went away. */
    private static ApiException incomplete() {
        return new ApiException(408, "body_incomplete", "the request body stopped, came too slowly or was cut off");
    }

    /** Counts what is read against the limit; a failed read is answered 408, not logged as a server error. */
    private final class Limited extends FilterInputStream {
        private long count;

        Limited(InputStream in) {
            super(in);
        }

        @Override
        public int read() {
            int b;
            try {
                b = super.read();
            } catch (IOException e) {
                throw incomplete();
            }
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) {
            int n;
            try {
                n = super.read(buf, off, len);
            } catch (IOException e) {
                throw incomplete();
            }
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(long n) {
            count += n;
            if (count > maxBytes) {
                throw tooLarge();
            }
        }
    }
}
