package org.pitbox.client.live;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.pitbox.protocol.codec.CodecException;
import org.pitbox.protocol.codec.FrameDecoder;
import org.pitbox.protocol.codec.FrameSchema;

/**
 * Live sessions an earlier run did not end (the workbench crashed or was killed): each left spool
 * ({@code <team dir>/<session key>}) is opened again, sent to the server and ended there, so the server records
 * it into its live session if that still runs, or stores it as a session, but only by the user who wrote it, signed
 * in to the same server: never under another account. A spool leaves the disk only once the server has confirmed all
 * of it; one it did not confirm stays for the next start.
 */
public final class LeftSpools {
    /** What the publisher writes beside its spool: the server, the user, the tick rate, and the session info. */
    static final String ABOUT = "session.properties", INFO = "session-info.yaml";

    /** What became of one left spool: sent and removed, or kept on disk and why. */
    public record Outcome(String sessionKey, boolean sent, String reason) {
    }

    private LeftSpools() {
    }

    /** Notes what a spool is for, so that a later run can end its session. */
    static void describe(Path spoolDir, URI server, String user, int tickRate, String sessionInfo) throws IOException {
        Files.writeString(spoolDir.resolve(INFO), sessionInfo == null ? "" : sessionInfo, StandardCharsets.UTF_8);
        Properties p = new Properties();
        p.setProperty("server", server.toString());
        if (user != null) {
            p.setProperty("user", user);
        }
        p.setProperty("rate", Integer.toString(tickRate));
        Path tmp = spoolDir.resolve(ABOUT + ".tmp");
        try (var out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(out, null);
        }
        Files.move(tmp, spoolDir.resolve(ABOUT), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Sends every spool {@code user} left in {@code teamDir} (the spools of team {@code teamId}) for {@code server},
     * except the session keys {@code skip} takes (running sessions); waits up to {@code timeout} for each. Spools of
     * another server or user are left alone; one that does not say its user stays on disk, reported.
     */
    public static List<Outcome> resend(Path teamDir, URI server, String user, Supplier<String> token, long teamId,
            Predicate<String> skip, Duration timeout) throws IOException, InterruptedException {
        List<Outcome> outcomes = new ArrayList<>();
        if (!Files.isDirectory(teamDir)) {
            return outcomes;
        }
        List<Path> dirs;
        try (Stream<Path> list = Files.list(teamDir)) {
            dirs = list.filter(Files::isDirectory).sorted().toList();
        }
        for (Path dir : dirs) {
            String key = dir.getFileName().toString();
            if (skip.test(key)) {
                continue;
            }
            if (isEmptyDir(dir)) {
                Files.deleteIfExists(dir); // ended, or never written
                continue;
            }
            Outcome o;
            try {
                o = resendOne(dir, key, server, user, token, teamId, timeout);
            } catch (FrameSpool.InUse e) {
                continue; // a running session's, or being sent already
            }
            if (o != null) {
                outcomes.add(o);
            }
        }
        return outcomes;
    }

    private static Outcome resendOne(Path dir, String key, URI server, String user, Supplier<String> token,
            long teamId, Duration timeout) throws IOException, InterruptedException {
        Path aboutFile = dir.resolve(ABOUT);
        Path schemaFile = dir.resolve("schema");
        if (!Files.exists(aboutFile) || !Files.exists(schemaFile)) {
            return new Outcome(key, false, "the spool does not say what it is for");
        }
        Properties about = new Properties();
        try (var in = Files.newBufferedReader(aboutFile, StandardCharsets.UTF_8)) {
            about.load(in);
        }
        if (!server.toString().equals(about.getProperty("server"))) {
            return null; // another server's: sent when signed in there
        }
        String writer = about.getProperty("user");
        if (writer == null) {
            return new Outcome(key, false, "the spool does not say which account wrote it");
        }
        if (!writer.equals(user)) {
            return null; // another user's: sent when they sign in here
        }
        byte[] kind = Files.readAllBytes(schemaFile);
        if (kind.length < 2 || !FrameDecoder.reads(kind[0])) {
            return new Outcome(key, false, "the spool was written by another version of PitBox");
        }
        FrameSchema schema;
        LivePublisher.Config config;
        try {
            schema = FrameSchema.fromBytes(Arrays.copyOfRange(kind, 1, kind.length));
            config = LivePublisher.Config.defaults(dir).withTickRate(Integer.parseInt(about.getProperty("rate", "")))
                    .withUser(user);
        } catch (CodecException | IllegalArgumentException e) {
            return new Outcome(key, false, "the spool's description cannot be read: " + e.getMessage());
        }
        boolean empty;
        try (FrameSpool spool = new FrameSpool(dir, config.spoolBytes(), schema)) {
            empty = spool.isEmpty(); // the server acknowledged every frame
        }
        if (!empty) {
            String info = Files.readString(dir.resolve(INFO), StandardCharsets.UTF_8);
            LivePublisher publisher = new LivePublisher(server, token, teamId, key, schema, info, config,
                    new LiveListener() {
                    });
            if (!publisher.end(timeout)) {
                return new Outcome(key, false, "the server did not confirm it within " + timeout.toSeconds()
                        + " s (" + reason(publisher) + ")");
            }
        }
        delete(dir);
        return new Outcome(key, true, empty ? "the server had all of it" : "sent and ended");
    }

    private static String reason(LivePublisher p) {
        String why = p.status().reason();
        return why == null ? "no answer" : why;
    }

    private static boolean isEmptyDir(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.findAny().isEmpty();
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }
}
