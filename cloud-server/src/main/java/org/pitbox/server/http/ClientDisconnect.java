package org.pitbox.server.http;

import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.eclipse.jetty.io.EofException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client that closes its connection while the server still writes (a cancelled download, a client that gave up
 * on an answer) is no server failure: Jetty reports it as an {@link EofException} ("Broken pipe", "Connection
 * reset"). It is logged as one debug line without a stack trace, so that real failures stand out.
 */
public final class ClientDisconnect {
    private static final Logger LOG = LoggerFactory.getLogger(ClientDisconnect.class);

    private ClientDisconnect() {
    }

    /** True when {@code e} or one of its causes says the client went away. */
    public static boolean causes(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EofException) {
                return true;
            }
        }
        return false;
    }

    /** Logs the disconnect in one debug line when it is one, and says whether it was. */
    public static boolean logged(Throwable e) {
        if (!causes(e)) {
            return false;
        }
        LOG.debug("the client closed the connection before the answer was written: {}", e.toString());
        return true;
    }

    /**
     * For Jersey's own logger of failed response writes: a record caused by a client's disconnect becomes one
     * debug line; every other record is published as before.
     */
    public static Filter jerseyFilter() {
        return (LogRecord r) -> !logged(r.getThrown());
    }
}
