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
 * Refuses request bodies above the configured size with 413, by Content-Length or while streaming. Any refusal
 * (this one, a missing token, a conflict) is sent after reading what is left of the body, up to four times the
 * limit: a server that answers while the client is still sending may reset the connection, and the client then
 * never reads the answer. Larger bodies are cut off.
 */
@PreMatching
@Priority(100)
public final class BodyLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {
    private static final long DRAIN_FACTOR = 4;

    private final long maxBytes;

    public BodyLimitFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > maxBytes) {
            throw tooLarge();
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Limited(request.getEntityStream()));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() >= 400 && request.getLength() <= DRAIN_FACTOR * maxBytes) {
            discard(request, DRAIN_FACTOR * maxBytes);
        }
    }

    /** Reads and drops at most {@code most} bytes of what the body has left. */
    private static void discard(ContainerRequestContext request, long most) {
        byte[] buffer = new byte[8192];
        try {
            InputStream body = request.getEntityStream();
            for (long left = most; left > 0; ) {
                int n = body.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    return;
                }
                left -= n;
            }
        } catch (IOException | RuntimeException e) {
            // the body was read and closed, the client went away, or it streamed past the limit: nothing to read
        }
    }

    private ApiException tooLarge() {
        return new ApiException(413, "body_too_large", "the request body is larger than " + maxBytes + " bytes");
    }

    private final class Limited extends FilterInputStream {
        private long count;

        Limited(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
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
