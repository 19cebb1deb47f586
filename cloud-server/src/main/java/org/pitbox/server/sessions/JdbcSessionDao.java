package org.pitbox.server.sessions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.pitbox.server.db.Jdbc;

public final class JdbcSessionDao implements SessionDao {
    private static final String COLUMNS = "id, team_id, uploader_id, track, car, driver, started_at, size_bytes,"
            + " sha256, status, created_at, record_count, duration_seconds, lap_count, video_bytes";
    private static final String UPLOADING = "uploading";
    private static final String COMPLETE = "complete";

    private final Jdbc jdbc;

    public JdbcSessionDao(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long create(long teamId, long uploaderId, String track, String car, String driver, Instant startedAt,
            long sizeBytes, String sha256, Instant now) {
        return jdbc.insert("insert into sessions (team_id, uploader_id, track, car, driver, started_at, size_bytes,"
                + " sha256, status, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", teamId, uploaderId, track, car,
                driver, startedAt, sizeBytes, sha256, UPLOADING, now);
    }

    @Override
    public Optional<SessionRow> find(long id) {
        return jdbc.queryOne("select " + COLUMNS + " from sessions where id = ?", JdbcSessionDao::row, id);
    }

    @Override
    public List<SessionRow> page(long teamId, Filter filter, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        String where = where(teamId, filter, params);
        params.add(limit);
        params.add(offset);
        return jdbc.query("select " + COLUMNS + " from sessions" + where
                + " order by started_at desc, id desc limit ? offset ?", JdbcSessionDao::row, params.toArray());
    }

    @Override
    public long count(long teamId, Filter filter) {
        List<Object> params = new ArrayList<>();
        String where = where(teamId, filter, params);
        return jdbc.queryOne("select count(*) from sessions" + where, rs -> rs.getLong(1), params.toArray())
                .orElse(0L);
    }

    @Override
    public boolean complete(long id, Parsed p) {
        return jdbc.inTransaction(c -> {
            int updated = Jdbc.update(c, "update sessions set track = ?, car = ?, sha256 = ?, size_bytes = ?,"
                    + " status = ?, record_count = ?, duration_seconds = ?, lap_count = ? where id = ? and status = ?",
                    p.track(), p.car(), p.sha256(), p.sizeBytes(), COMPLETE, p.recordCount(), p.durationSeconds(),
                    p.laps().size(), id, UPLOADING);
            if (updated == 0) {
                return false;
            }
            List<Object[]> rows = new ArrayList<>(p.laps().size());
            for (LapRow lap : p.laps()) {
                rows.add(new Object[] {id, rows.size(), lap.number(), lap.lapTime(), sectors(lap.sectorTimes()),
                        Double.isNaN(lap.fuelUsed()) ? null : lap.fuelUsed(), String.join(",", lap.flags())});
            }
            Jdbc.batch(c, "insert into laps (session_id, ordinal, number, lap_time, sector_times, fuel_used, flags)"
                    + " values (?, ?, ?, ?, ?, ?, ?)", rows);
            return true;
        });
    }

    @Override
    public List<LapRow> laps(long id) {
        return jdbc.query("select number, lap_time, sector_times, fuel_used, flags from laps where session_id = ?"
                + " order by ordinal", rs -> {
                    double fuel = rs.getDouble("fuel_used");
                    if (rs.wasNull()) {
                        fuel = Double.NaN;
                    }
                    String flags = rs.getString("flags");
                    return new LapRow(rs.getInt("number"), rs.getDouble("lap_time"),
                            sectors(rs.getString("sector_times")), fuel,
                            flags.isEmpty() ? List.of() : List.of(flags.split(",")));
                }, id);
    }

    @Override
    public long teamBytes(long teamId) {
        return jdbc.queryOne("select coalesce(sum(size_bytes), 0) from sessions where team_id = ?",
                rs -> rs.getLong(1), teamId).orElse(0L);
    }

    @Override
    public int openUploads(long uploaderId) {
        return jdbc.queryOne("select count(*) from sessions where uploader_id = ? and status = ?",
                rs -> rs.getInt(1), uploaderId, UPLOADING).orElse(0);
    }

    @Override
    public List<Long> unfinishedBefore(Instant before) {
        return jdbc.query("select id from sessions where status = ? and created_at < ?", rs -> rs.getLong(1),
                UPLOADING, before);
    }

    @Override
    public void delete(long id) {
        jdbc.update("delete from sessions where id = ?", id);
    }

    @Override
    public void setVideo(long id, long bytes) {
        jdbc.update("update sessions set video_bytes = ? where id = ?", bytes, id);
    }

    private static String where(long teamId, Filter f, List<Object> params) {
        StringBuilder sql = new StringBuilder(" where team_id = ?");
        params.add(teamId);
        text(sql, params, "track", f.track());
        text(sql, params, "car", f.car());
        text(sql, params, "driver", f.driver());
        if (f.from() != null) {
            sql.append(" and started_at >= ?");
            params.add(f.from());
        }
        if (f.to() != null) {
            sql.append(" and started_at < ?");
            params.add(f.to());
        }
        return sql.toString();
    }

    private static void text(StringBuilder sql, List<Object> params, String column, String value) {
        if (value != null) {
            sql.append(" and lower(").append(column).append(") = ?");
            params.add(value.toLowerCase(Locale.ROOT));
        }
    }

    /** Seconds joined by commas, NaN for a sector the lap did not cover (so one such sector is not "", no sectors). */
    private static String sectors(List<Double> times) {
        return times.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** Also reads the first schema's empty items for uncovered sectors. */
    private static List<Double> sectors(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(text.split(",", -1)).map(s -> s.isEmpty() ? Double.NaN : Double.parseDouble(s)).toList();
    }

    private static SessionRow row(ResultSet rs) throws SQLException {
        return new SessionRow(rs.getLong("id"), rs.getLong("team_id"), rs.getLong("uploader_id"),
                rs.getString("track"), rs.getString("car"), rs.getString("driver"), Jdbc.instant(rs, "started_at"),
                rs.getLong("size_bytes"), rs.getString("sha256"), COMPLETE.equals(rs.getString("status")),
                Jdbc.instant(rs, "created_at"), rs.getObject("record_count", Integer.class),
                rs.getObject("duration_seconds", Double.class), rs.getObject("lap_count", Integer.class),
                rs.getObject("video_bytes", Long.class));
    }
}
