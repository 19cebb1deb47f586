package org.pitbox.server.backup;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.pitbox.server.ServerConfig;
import org.pitbox.server.db.Database;
import org.pitbox.server.sessions.SessionStore;

/**
 * {@code pitbox server backup --to DIR}: fetches a backup from the server running with these settings (its port
 * and admin token) into {@code DIR/pitbox-backup.zip}. {@code pitbox server restore --from DIR}: restores that file
 * into the empty database and store of these settings, with the server stopped. The other arguments are the
 * server's own settings.
 */
public final class BackupCommand {
    public static final String FILE = "pitbox-backup.zip";

    private BackupCommand() {
    }

    /** True when {@code args} name a backup command. */
    public static boolean handles(String[] args) {
        return args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"));
    }

    /** Runs it; returns the message to print. Bad arguments or a failure throw with one clear line. */
    public static String run(String[] args, Map<String, String> env) throws IOException, SQLException,
            InterruptedException {
        boolean backup = args[0].equals("backup");
        String flag = backup ? "--to" : "--from";
        if (args.length < 3 || !args[1].equals(flag)) {
            throw new IllegalArgumentException("usage: pitbox server " + args[0] + " " + flag + " DIR [SETTINGS]");
        }
        Path dir = Path.of(args[2]);
        ServerConfig config = ServerConfig.from(Arrays.copyOfRange(args, 3, args.length), env);
        return backup ? backup(config, dir) : restore(config, dir);
    }

    private static String backup(ServerConfig config, Path dir) throws IOException, InterruptedException {
        if (config.adminToken() == null) {
            throw new IllegalArgumentException("a backup needs the server's admin-token (PITBOX_ADMIN_TOKEN)");
        }
        Files.createDirectories(dir);
        Path part = dir.resolve(FILE + ".part");
        String scheme = config.tlsKeystore() == null ? "http" : "https";
        URI uri = URI.create(scheme + "://127.0.0.1:" + config.port() + "/api/v1/admin/backup");
        HttpResponse<Path> r;
        try (HttpClient http = HttpClient.newHttpClient()) {
            r = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + config.adminToken())
                    .GET().build(), HttpResponse.BodyHandlers.ofFile(part));
        } catch (IOException e) {
            throw new IOException("cannot reach the server at " + uri + ": " + e.getMessage(), e);
        }
        if (r.statusCode() != 200) {
            String answer = Files.readString(part);
            Files.deleteIfExists(part);
            throw new IOException("the server at " + uri + " answered " + r.statusCode() + ": " + answer);
        }
        try (ZipFile zip = new ZipFile(part.toFile())) {
            if (zip.getEntry(Backup.END) == null) {
                throw new IOException("the backup from " + uri + " is cut short (no " + Backup.END + ")");
            }
        } catch (ZipException e) {
            throw new IOException("the backup from " + uri + " is cut short: " + e.getMessage(), e);
        }
        Path file = Files.move(part, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
        return "backup of " + Files.size(file) + " bytes in " + file;
    }

    private static String restore(ServerConfig config, Path dir) throws IOException, SQLException {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no " + FILE + " in " + dir);
        }
        Files.createDirectories(config.dataDir());
        Path work = Files.createDirectories(config.dataDir().resolve("work"));
        try (Database db = Database.open(config.jdbcUrl(), config.jdbcUser(), config.jdbcPassword());
                InputStream in = Files.newInputStream(file)) {
            new Backup(db.dataSource(), SessionStore.of(config)).restore(in, work);
        }
        return "restored " + file + " into " + ServerConfig.redact(config.jdbcUrl());
    }
}
