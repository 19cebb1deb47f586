package org.pitbox.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Small disclosures: no server version, JSON for Jetty's own errors, one spelling per token. */
class HardeningTest extends ApiTestBase {
    private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    @Test
    void noResponseNamesTheServer() throws Exception {
        assertTrue(send("GET", "/health", null, null).is(200).headers().firstValue("Server").isEmpty());
        assertTrue(send("GET", "/api/v1/nothing", null, null).is(404).headers().firstValue("Server").isEmpty());
        assertFalse(raw("GET /api/v1/teams/%ZZ HTTP/1.1").toLowerCase(Locale.ROOT).contains("server:"));
    }

    @Test
    void pathsJettyRefusesAnswerJson() throws Exception {
        for (String line : new String[] {"GET /api/v1/teams/%ZZ HTTP/1.1", "GET /api/v1/%2e%2e/%2e%2e/x HTTP/1.1",
                "GET /api/v1/teams/..;/x HTTP/1.1"}) {
            String answer = raw(line);
            assertTrue(answer.startsWith("HTTP/1.1 4"), line + " -> " + answer);
            assertTrue(answer.toLowerCase(Locale.ROOT).contains("content-type: application/json"), answer);
            assertTrue(answer.contains("\"code\":\""), answer);
            assertFalse(answer.contains("<html"), answer);
        }
    }

    @Test
    void aTokenSpelledAnyOtherWayIsRefused() throws Exception {
        User u = newUser();
        send("GET", "/api/v1/teams", u.token(), null).is(200);
        send("GET", "/api/v1/teams", u.token() + "=", null).is(401);
        String token = u.token();
        char last = token.charAt(token.length() - 1);
        char sameBits = BASE64URL.charAt(BASE64URL.indexOf(last) ^ 1); // differs only in unused low bits
        send("GET", "/api/v1/teams", token.substring(0, token.length() - 1) + sameBits, null).is(401);
    }

    /** Sends one request line as is and reads the answer until the server closes. */
    private String raw(String requestLine) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write((requestLine + "\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
