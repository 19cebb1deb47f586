package org.pitbox.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The project's {@code ./pitbox} script: its help, and the commands it answers without building anything. */
class ScriptTest {
    private static final Path SCRIPT = Path.of("..", "pitbox").toAbsolutePath().normalize();

    private record Result(int status, String out, String err) {
    }

    private static Result pitbox(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "./pitbox " + String.join(" ", args) + " did not end");
        return new Result(p.exitValue(), out, err);
    }

    @Test
    void helpNamesEveryOption() throws Exception {
        Result help = pitbox("help");
        assertEquals(0, help.status(), help.err());
        for (String option : List.of("--seed S", "--config FILE", "--port N", "--data-dir DIR", "--track NAME",
                "--channels A,B,...", "--analysis ID", "--list", "COMMAND --help")) {
            assertTrue(help.out().contains(option), option + " in:\n" + help.out());
        }
    }

    @Test
    void theCommandsTheScriptRunsItselfAnswerHelp() throws Exception {
        for (String command : List.of("demo", "workbench", "test", "build", "benchmark", "screenshots")) {
            for (String flag : List.of("--help", "-h")) {
                Result r = pitbox(command, flag);
                assertEquals(0, r.status(), command + " " + flag + ": " + r.err());
                assertTrue(r.out().startsWith("usage: ./pitbox " + command), r.out());
                assertEquals("", r.err(), "nothing is built for help");
            }
        }
        assertEquals("usage: ./pitbox build [MAVEN ARGS]\n  build everything, product archives included, without running tests\n",
                pitbox("build", "--help").out());
    }

    @Test
    void anUnknownCommandIsOneLine() throws Exception {
        Result r = pitbox("frobnicate");
        assertEquals(2, r.status());
        assertEquals("", r.out());
        assertEquals("pitbox: unknown command 'frobnicate'; ./pitbox help lists the commands\n", r.err());
    }
}
