package org.pitbox.server.backup;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.pitbox.server.sessions.SessionStore;

/**
 * A server's data as one zip: {@code backup.json} (format and schema version), {@code database/<table>.jsonl} for
 * every table (a line of column names and JDBC types, then a JSON array per row), {@code sessions/<id>.pbz} for
 * every complete session's stored form, and {@code missing.json}, the sessions deleted while the backup ran. The
 * rows are read in one read-only repeatable-read transaction, a consistent snapshot on H2 and PostgreSQL while the
 * server runs; stored sessions never change, so their files are copied after. Restoring needs an empty database of
 * the same schema version, and is all or nothing for the database.
 */
public final class Backup {
    static final int FORMAT = 1;
    /** The last entry: the ids of sessions deleted while the backup ran, whose rows a restore drops. */
    public static final String END = "missing.json";
    private static final String HISTORY = "flyway_schema_history";
    private static final ObjectMapper JSON = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private final DataSource database;
    private final SessionStore store;

    public Backup(DataSource database, SessionStore store) {
        this.database = database;
        this.store = store;
    }

    /** Writes the backup zip to {@code out}. */
    public void write(OutputStream out) throws IOException, SQLException {
        ZipOutputStream zip = new ZipOutputStream(out);
        List<Long> complete = new ArrayList<>();
        List<Long> videos = new ArrayList<>();
        try (Connection c = database.getConnection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                List<String> tables = tables(c);
                zip.putNextEntry(new ZipEntry("backup.json"));
                JSON.writeValue(zip, Map.of("format", FORMAT, "schemaVersion", schemaVersion(c), "tables", tables));
                for (String table : tables) {
                    zip.putNextEntry(new ZipEntry("database/" + table + ".jsonl"));
                    export(c, table, zip);
                }
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("select id, video_bytes from sessions where status = 'complete'")) {
                    while (rs.next()) {
                        complete.add(rs.getLong(1));
                        if (rs.getObject(2) != null) {
                            videos.add(rs.getLong(1));
                        }
                    }
                }
            } finally {
                c.rollback();
            }
        }
        List<Long> missing = new ArrayList<>();
        for (long id : complete) {
            try (InputStream in = store.session(id)) {
                zip.putNextEntry(new ZipEntry("sessions/" + id + ".pbz"));
                in.transferTo(zip);
            } catch (IOException e) {
                missing.add(id);
            }
        }
        for (long id : videos) {
            try (InputStream in = store.video(id, 0)) {
                zip.putNextEntry(new ZipEntry("videos/" + id + ".mp4"));
                in.transferTo(zip);
            } catch (IOException e) {
                // the session stays; a restore notes that it has no video
            }
        }
        zip.putNextEntry(new ZipEntry(END));
        JSON.writeValue(zip, missing);
        zip.finish();
    }

    private interface FilePut {
        void put(long id, Path file) throws IOException;
    }

    /** Gives the entry {@code folder/<id>.ext}, through a temporary file in work, to put; returns the id. */
    private static long restoreFile(ZipInputStream zip, String name, Path work, FilePut put) throws IOException {
        long id = Long.parseLong(name.substring(name.indexOf('/') + 1, name.lastIndexOf('.')));
        Path file = Files.createTempFile(work, "restore", name.substring(name.lastIndexOf('.')));
        Files.copy(zip, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        put.put(id, file);
        Files.deleteIfExists(file);
        return id;
    }

    /** Sessions whose video was not in the backup have none. */
    private static void forgetMissingVideos(Connection c, List<Long> restored) throws SQLException {
        List<Long> noted = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select id from sessions where video_bytes is not null")) {
            while (rs.next()) {
                noted.add(rs.getLong(1));
            }
        }
        noted.removeAll(restored);
        for (long id : noted) {
            try (PreparedStatement p = c.prepareStatement("update sessions set video_bytes = null where id = ?")) {
                p.setLong(1, id);
                p.executeUpdate();
            }
        }
    }

    /**
     * Restores a backup zip into this server's empty database and its store. Fails, leaving the database as it was,
     * when the database is not empty, the schema versions differ or the zip is no backup.
     */
    public void restore(InputStream in, Path work) throws IOException, SQLException {
        ZipInputStream zip = new ZipInputStream(in);
        List<Long> stored = new ArrayList<>();
        List<Long> restoredVideos = new ArrayList<>();
        try (Connection c = database.getConnection()) {
            c.setAutoCommit(false);
            try {
                ZipEntry entry = zip.getNextEntry();
                if (entry == null || !entry.getName().equals("backup.json")) {
                    throw new IOException("not a PitBox backup: it does not start with backup.json");
                }
                JsonNode about = JSON.readTree(zip.readNBytes(1 << 20));
                check(c, about);
                boolean ended = false;
                for (entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    String name = entry.getName();
                    if (name.startsWith("database/") && name.endsWith(".jsonl")) {
                        String table = name.substring(9, name.length() - 6);
                        if (!about.get("tables").toString().contains("\"" + table + "\"")) {
                            throw new IOException("the backup has rows of an unknown table " + table);
                        }
                        restoreTable(c, table, zip);
                    } else if (name.matches("sessions/\\d{1,18}\\.pbz")) {
                        stored.add(restoreFile(zip, name, work, store::putSession));
                    } else if (name.matches("videos/\\d{1,18}\\.mp4")) {
                        long id = restoreFile(zip, name, work, store::putVideo);
                        stored.add(id);
                        restoredVideos.add(id);
                    } else if (name.equals(END)) {
                        ended = true;
                        for (JsonNode id : JSON.readTree(zip.readNBytes(1 << 24))) {
                            try (PreparedStatement p = c.prepareStatement("delete from sessions where id = ?")) {
                                p.setLong(1, id.asLong());
                                p.executeUpdate();
                            }
                        }
                    } else {
                        throw new IOException("not a PitBox backup: unexpected entry " + name);
                    }
                }
                if (!ended) {
                    throw new IOException("the backup is cut short: it has no " + END);
                }
                forgetMissingVideos(c, restoredVideos);
                restartIdentities(c, tables(c));
                c.commit();
            } catch (IOException | SQLException | RuntimeException e) {
                c.rollback();
                for (long id : stored) {
                    try {
                        store.deleteSession(id);
                    } catch (IOException cleanup) {
                        e.addSuppressed(cleanup);
                    }
                }
                throw e;
            }
        }
    }

    private static void check(Connection c, JsonNode about) throws IOException, SQLException {
        if (about.path("format").asInt() != FORMAT) {
            throw new IOException("backup format " + about.path("format") + " is not " + FORMAT);
        }
        String version = schemaVersion(c);
        if (!version.equals(about.path("schemaVersion").asText())) {
            throw new IOException("the backup has schema version " + about.path("schemaVersion").asText()
                    + ", this server " + version + "; restore it with the server version that made it");
        }
        for (String table : tables(c)) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from " + table)) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    throw new IOException("the database is not empty (table " + table + " has rows); restore into"
                            + " a new database");
                }
            }
        }
    }

    /** The data tables, each after the tables it references. */
    static List<String> tables(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        Map<String, Set<String>> references = new LinkedHashMap<>();
        try (ResultSet rs = meta.getTables(c.getCatalog(), c.getSchema(), "%", null)) {
            while (rs.next()) {
                String type = rs.getString("TABLE_TYPE");
                String name = rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT);
                if (("TABLE".equals(type) || "BASE TABLE".equals(type)) && !name.equals(HISTORY)) {
                    references.put(name, new LinkedHashSet<>());
                }
            }
        }
        for (Map.Entry<String, Set<String>> t : references.entrySet()) {
            try (ResultSet rs = meta.getImportedKeys(c.getCatalog(), c.getSchema(), t.getKey())) {
                while (rs.next()) {
                    t.getValue().add(rs.getString("PKTABLE_NAME").toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        while (ordered.size() < references.size()) {
            int before = ordered.size();
            for (Map.Entry<String, Set<String>> t : references.entrySet()) {
                if (!ordered.contains(t.getKey()) && t.getValue().stream()
                        .allMatch(r -> r.equals(t.getKey()) || ordered.contains(r) || !references.containsKey(r))) {
                    ordered.add(t.getKey());
                }
            }
            if (ordered.size() == before) {
                throw new SQLException("tables reference each other in a cycle: " + references);
            }
        }
        return ordered;
    }

    private static String schemaVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select version from " + HISTORY
                + " where success and version is not null order by installed_rank desc")) {
            return rs.next() ? rs.getString(1) : "";
        }
    }

    private static void export(Connection c, String table, OutputStream out) throws SQLException, IOException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select * from " + table)) {
            ResultSetMetaData meta = rs.getMetaData();
            int n = meta.getColumnCount();
            List<String> names = new ArrayList<>();
            List<Integer> types = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                names.add(meta.getColumnName(i).toLowerCase(java.util.Locale.ROOT));
                // PostgreSQL's driver calls timestamptz TIMESTAMP
                types.add(meta.getColumnTypeName(i).equalsIgnoreCase("timestamptz") ? Types.TIMESTAMP_WITH_TIMEZONE
                        : meta.getColumnType(i));
            }
            line(out, JSON.valueToTree(Map.of("columns", names, "types", types)));
            while (rs.next()) {
                ArrayNode row = JSON.createArrayNode();
                for (int i = 1; i <= n; i++) {
                    row.add(value(rs, i, types.get(i - 1)));
                }
                line(out, row);
            }
        }
    }

    private static void line(OutputStream out, JsonNode node) throws IOException {
        out.write(JSON.writeValueAsBytes(node));
        out.write('\n');
    }

    private static JsonNode value(ResultSet rs, int i, int type) throws SQLException {
        Object v = switch (type) {
            case Types.TIMESTAMP_WITH_TIMEZONE -> rs.getObject(i, OffsetDateTime.class);
            case Types.TIMESTAMP -> rs.getObject(i, LocalDateTime.class);
            case Types.DATE -> rs.getObject(i, LocalDate.class);
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
                byte[] b = rs.getBytes(i);
                yield b == null ? null : Base64.getEncoder().encodeToString(b);
            }
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> {
                double d = rs.getDouble(i);
                yield rs.wasNull() ? null : Double.toString(d);
            }
            default -> rs.getObject(i);
        };
        return v == null ? JSON.nullNode() : JSON.valueToTree(v instanceof java.time.temporal.Temporal ? v.toString()
                : v instanceof Number || v instanceof Boolean ? v : v.toString());
    }

    private static void restoreTable(Connection c, String table, InputStream in) throws IOException, SQLException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        JsonNode head = JSON.readTree(lines.readLine());
        List<String> names = new ArrayList<>();
        head.get("columns").forEach(col -> names.add(col.asText()));
        List<Integer> types = new ArrayList<>();
        head.get("types").forEach(t -> types.add(t.asInt()));
        for (String name : names) {
            if (!name.matches("[a-z_][a-z0-9_]*")) {
                throw new IOException("the backup names a column " + name + " in " + table);
            }
        }
        String sql = "insert into " + table + " (" + String.join(", ", names) + ") values ("
                + String.join(", ", names.stream().map(x -> "?").toList()) + ")";
        try (PreparedStatement p = c.prepareStatement(sql)) {
            int batch = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonNode row = JSON.readTree(line);
                for (int i = 0; i < names.size(); i++) {
                    set(p, i + 1, types.get(i), row.get(i));
                }
                p.addBatch();
                if (++batch % 500 == 0) {
                    p.executeBatch();
                }
            }
            p.executeBatch();
        }
    }

    private static void set(PreparedStatement p, int i, int type, JsonNode v) throws SQLException {
        if (v == null || v.isNull()) {
            p.setNull(i, type);
            return;
        }
        switch (type) {
            case Types.TIMESTAMP_WITH_TIMEZONE -> p.setObject(i, OffsetDateTime.parse(v.asText()));
            case Types.TIMESTAMP -> p.setObject(i, LocalDateTime.parse(v.asText()));
            case Types.DATE -> p.setObject(i, LocalDate.parse(v.asText()));
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB ->
                    p.setBytes(i, Base64.getDecoder().decode(v.asText()));
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> p.setDouble(i, Double.parseDouble(v.asText()));
            case Types.BIGINT -> p.setLong(i, v.asLong());
            case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> p.setInt(i, v.asInt());
            case Types.BOOLEAN, Types.BIT -> p.setBoolean(i, v.asBoolean());
            default -> p.setObject(i, v.isNumber() ? v.numberValue() : v.asText());
        }
    }

    /** Moves each table's generated ids past the restored ones. */
    private static void restartIdentities(Connection c, List<String> tables) throws SQLException {
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT)
                .contains("postgres");
        for (String table : tables) {
            if (!hasIdentityId(c, table)) {
                continue;
            }
            long max;
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select coalesce(max(id), 0) from " + table)) {
                rs.next();
                max = rs.getLong(1);
            }
            try (Statement s = c.createStatement()) {
                s.execute(postgres ? "select setval(pg_get_serial_sequence('" + table + "', 'id'), " + (max + 1)
                        + ", false)" : "alter table " + table + " alter column id restart with " + (max + 1));
            }
        }
    }

    private static boolean hasIdentityId(Connection c, String table) throws SQLException {
        try (ResultSet rs = c.getMetaData().getColumns(c.getCatalog(), c.getSchema(), table, "id")) {
            return rs.next() && "YES".equals(rs.getString("IS_AUTOINCREMENT"));
        }
    }
}
