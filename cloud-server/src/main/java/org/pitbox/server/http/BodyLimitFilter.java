package org.pitbox.server.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Refuses request bodies above the configured size with 413, by Content-Length or while streaming. */
@PreMatching
@Priority(100)
public final class BodyLimitFilter implements ContainerRequestFilter {
    /** Bodies up to this many times the limit are read and dropped before the refusal; larger ones are cut. */
    private static final long DRAIN_FACTOR = 4;

    private final long maxBytes;

    public BodyLimitFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > maxBytes) {
            if (request.getLength() <= DRAIN_FACTOR * maxBytes) {
                discard(request.getEntityStream()); // else the client, still sending, may never read the 413
            }
            throw tooLarge();
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Limited(request.getEntityStream()));
        }
    }

    private static void discard(InputStream body) {
        try {
            body.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // the client went away
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
