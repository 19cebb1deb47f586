package org.pitbox.server.voice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.pitbox.protocol.api.VoiceApi.ProfileView;
import org.pitbox.server.db.DataAccessException;
import org.pitbox.server.db.Jdbc;

/** Voice profiles, speech budgets and daily character counts in the database (tables of migration V5). */
public final class VoiceDao {
    private static final String COLUMNS = "voice_id, speed, stability, similarity, style";

    private final Jdbc jdbc;

    public VoiceDao(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The team's default profile, if its owner set one. */
    public Optional<ProfileView> teamProfile(long teamId) {
        return jdbc.queryOne("select " + COLUMNS + " from voice_team_profiles where team_id = ?",
                rs -> profile("team", rs), teamId);
    }

    /** The driver's own profile in the team, if he set one. */
    public Optional<ProfileView> driverProfile(long teamId, long userId) {
        return jdbc.queryOne("select " + COLUMNS + " from voice_driver_profiles where team_id = ? and user_id = ?",
                rs -> profile("driver", rs), teamId, userId);
    }

    public void setTeamProfile(long teamId, ProfileView p, Instant now) {
        jdbc.inTransaction(c -> {
            Jdbc.update(c, "delete from voice_team_profiles where team_id = ?", teamId);
            return Jdbc.update(c, "insert into voice_team_profiles (team_id, " + COLUMNS + ", updated_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?)", teamId, p.voiceId(), p.speed(), p.stability(), p.similarity(),
                    p.style(), now);
        });
    }

    public void setDriverProfile(long teamId, long userId, ProfileView p, Instant now) {
        jdbc.inTransaction(c -> {
            Jdbc.update(c, "delete from voice_driver_profiles where team_id = ? and user_id = ?", teamId, userId);
            return Jdbc.update(c, "insert into voice_driver_profiles (team_id, user_id, " + COLUMNS + ", updated_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?)", teamId, userId, p.voiceId(), p.speed(), p.stability(),
                    p.similarity(), p.style(), now);
        });
    }

    /** The team's own budget, if its owner set one: requests per minute and characters per day. */
    public Optional<long[]> budget(long teamId) {
        return jdbc.queryOne("select requests_per_minute, characters_per_day from tts_budgets where team_id = ?",
                rs -> new long[] {rs.getInt(1), rs.getLong(2)}, teamId);
    }

    public void setBudget(long teamId, int requestsPerMinute, long charactersPerDay, Instant now) {
        jdbc.inTransaction(c -> {
            Jdbc.update(c, "delete from tts_budgets where team_id = ?", teamId);
            return Jdbc.update(c, "insert into tts_budgets (team_id, requests_per_minute, characters_per_day,"
                    + " updated_at) values (?, ?, ?, ?)", teamId, requestsPerMinute, charactersPerDay, now);
        });
    }

    /** Characters the team sent to ElevenLabs on {@code day}. */
    public long characters(long teamId, LocalDate day) {
        return jdbc.queryOne("select characters from tts_usage where team_id = ? and usage_day = ?",
                rs -> rs.getLong(1), teamId, day).orElse(0L);
    }

    /** Adds to the day's characters; a row another server inserted meanwhile is updated instead. */
    public void addCharacters(long teamId, LocalDate day, long characters) {
        String update = "update tts_usage set characters = characters + ? where team_id = ? and usage_day = ?";
        if (jdbc.update(update, characters, teamId, day) > 0) {
            return;
        }
        try {
            jdbc.update("insert into tts_usage (team_id, usage_day, characters) values (?, ?, ?)", teamId, day,
                    characters);
        } catch (DataAccessException e) {
            if (!e.isDuplicateKey()) {
                throw e;
            }
            jdbc.update(update, characters, teamId, day);
        }
    }

    private static ProfileView profile(String scope, ResultSet rs) throws SQLException {
        return new ProfileView(scope, rs.getString(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4),
                rs.getDouble(5));
    }
}
