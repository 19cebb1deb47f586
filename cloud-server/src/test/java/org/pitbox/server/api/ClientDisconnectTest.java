package org.pitbox.server.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.jetty.io.EofException;
import org.junit.jupiter.api.Test;
import org.pitbox.server.http.ClientDisconnect;

/**
 * A client that resets its connection in the middle of a download (a cancelled download) makes the server's write
 * fail: Jersey's record of it is turned into one debug line, while other failures are still published.
 */
class ClientDisconnectTest extends ApiTestBase {
    private static final String RESPONDER = "org.glassfish.jersey.server.ServerRuntime$Responder";

    @Test
    void onlyTheClientsDisconnectIsQuiet() {
        Filter filter = ClientDisconnect.jerseyFilter();
        assertFalse(filter.isLoggable(record(new IOException("writing", new EofException("Broken pipe")))));
        assertTrue(filter.isLoggable(record(new IOException("No space left on device"))));
        assertTrue(filter.isLoggable(new LogRecord(Level.SEVERE, "no exception")));
    }

    @Test
    void aDownloadTheClientResetsLogsNoError() throws Exception {
        User owner = newUser();
        long team = newTeam(owner);
        byte[] ibt = Ibts.martinsville(100); // about 24 MB: more than the socket buffers hold
        long id = upload(owner, team, ibt, "Ada", "2025-05-01T18:30:00Z");

        Logger responder = Logger.getLogger(RESPONDER);
        Filter installed = responder.getFilter();
        List<LogRecord> published = new CopyOnWriteArrayList<>();
        CountDownLatch disconnectSeen = new CountDownLatch(1);
        responder.setFilter(r -> {
            boolean loggable = installed.isLoggable(r);
            if (loggable) {
                published.add(r);
            } else {
                disconnectSeen.countDown();
            }
            return loggable;
        });
        try {
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                OutputStream out = socket.getOutputStream();
                out.write(("GET /api/v1/sessions/" + id + "/ibt HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                        + owner.token() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = socket.getInputStream();
                assertEquals("HTTP/1.1 200", new String(in.readNBytes(12), StandardCharsets.US_ASCII));
                in.readNBytes(64 * 1024);
                socket.setSoLinger(true, 0); // close with a reset, as a cancelled download may
            }
            assertTrue(disconnectSeen.await(60, TimeUnit.SECONDS), "the server's write never failed");
        } finally {
            responder.setFilter(installed);
        }
        assertEquals(List.of(), published.stream().map(LogRecord::getMessage).toList());
        assertArrayEquals(ibt, download("/api/v1/sessions/" + id + "/ibt", owner.token()).body(),
                "the server serves the next download in full");
    }

    private static LogRecord record(Throwable thrown) {
        LogRecord r = new LogRecord(Level.SEVERE, "An I/O error has occurred while writing a response");
        r.setThrown(thrown);
        return r;
    }
}
