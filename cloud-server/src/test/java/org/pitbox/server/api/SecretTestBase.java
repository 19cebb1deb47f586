package org.pitbox.server.api;

import java.io.IOException;
import java.io.PrintStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.pitbox.server.testing.OutputCapture;

/** A server whose every answer, printed line and log line is kept, to show that a secret is in none of them. */
abstract class SecretTestBase extends ApiTestBase {
    private final StringBuilder answers = new StringBuilder();
    private OutputCapture capture;

    @Override
    @BeforeAll
    void startServer() throws Exception {
        capture = OutputCapture.start();
        super.startServer();
    }

    @AfterAll
    void stopCapture() {
        capture.close();
    }

    @Override
    Resp send(String method, String path, String token, Object body) throws IOException, InterruptedException {
        Resp r = super.send(method, path, token, body);
        synchronized (answers) {
            answers.append(r.status()).append(r.headers().map()).append(r.body()).append('\n');
        }
        return r;
    }

    /** Standard error past the capture, for what the test reports. */
    PrintStream err() {
        return capture.originalErr();
    }

    /** The server's answers so far. */
    String answers() {
        synchronized (answers) {
            return answers.toString();
        }
    }

    /** The answers so far, what was printed and logged, and the server's configuration. */
    String everything() {
        synchronized (answers) {
            return answers + "\n" + capture.text() + config;
        }
    }
}
