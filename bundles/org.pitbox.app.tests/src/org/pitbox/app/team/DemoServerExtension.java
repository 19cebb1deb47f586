package org.pitbox.app.team;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The demo server for all tests of a class, started before them and stopped after them:
 * {@code @RegisterExtension static final DemoServerExtension SERVER = new DemoServerExtension("name");}.
 */
public final class DemoServerExtension implements BeforeAllCallback, AfterAllCallback {
    private final String name;
    private DemoServerProcess server;

    /** @param name names the temporary folder, as {@link DemoServerProcess#start} takes it */
    public DemoServerExtension(String name) {
        this.name = name;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server = DemoServerProcess.start(name);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** The lines of the server's log that contain {@code text}, for a failure's message. */
    public String logLines(String text) throws java.io.IOException {
        try (var lines = java.nio.file.Files.lines(server.dir().resolve("server.log"))) {
            return String.join("\n", lines.filter(l -> l.contains(text)).toList());
        }
    }

    /** The server's address, e.g. {@code http://127.0.0.1:41234}. */
    public String base() {
        return server.base();
    }
}
