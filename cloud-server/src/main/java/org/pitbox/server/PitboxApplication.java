package org.pitbox.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.pitbox.server.ai.AiWiring;
import org.pitbox.server.auth.AuthService;
import org.pitbox.server.auth.JdbcRefreshTokenDao;
import org.pitbox.server.auth.JdbcUserDao;
import org.pitbox.server.auth.LoginGuard;
import org.pitbox.server.auth.PasswordHasher;
import org.pitbox.server.auth.RateLimitFilter;
import org.pitbox.server.auth.RateLimiter;
import org.pitbox.server.auth.SecurityFeature;
import org.pitbox.server.auth.TokenService;
import org.pitbox.server.backup.Backup;
import org.pitbox.server.backup.BackupResource;
import org.pitbox.server.db.Database;
import org.pitbox.server.db.Jdbc;
import org.pitbox.server.http.BodyLimitFilter;
import org.pitbox.server.http.ClientAddresses;
import org.pitbox.server.http.ClientDisconnect;
import org.pitbox.server.http.CorsFilter;
import org.pitbox.server.http.ErrorMappers;
import org.pitbox.server.http.MetricsFilter;
import org.pitbox.server.live.SessionWatch;
import org.pitbox.server.metrics.Metrics;
import org.pitbox.server.resources.AuthResource;
import org.pitbox.server.resources.HealthResource;
import org.pitbox.server.resources.InviteResource;
import org.pitbox.server.resources.MetricsResource;
import org.pitbox.server.resources.OpenApiResource;
import org.pitbox.server.resources.SessionResource;
import org.pitbox.server.resources.TeamResource;
import org.pitbox.server.resources.TeamSessionsResource;
import org.pitbox.server.sessions.JdbcSessionDao;
import org.pitbox.server.sessions.Quotas;
import org.pitbox.server.sessions.SessionService;
import org.pitbox.server.sessions.SessionStore;
import org.pitbox.server.sessions.StorageWork;
import org.pitbox.server.teams.JdbcTeamDao;
import org.pitbox.server.teams.TeamAccess;
import org.pitbox.server.teams.TeamService;
import org.pitbox.server.voice.VoiceWiring;

/**
 * Wires everything: DAOs, services, filters and resources. The services a live relay needs are public here:
 * {@link #tokens()} to check access tokens, {@link #teamAccess()} for team membership, {@link #teams()} to hear
 * of membership changes, {@link #sessions()} to store a recorded session, {@link #metrics()} and
 * {@link #healthChecks()} to report.
 */
public final class PitboxApplication extends ResourceConfig {
    /** Rate limiter names for {@link org.pitbox.server.auth.RateLimited}. */
    public static final String AUTH_LIMIT = "auth";
    /**
     * Jersey warns that every resource registered as an instance "will be ignored" as a provider (Jersey issue
     * 3700): it is then used as a resource all the same. Held here so the quieter level stays set.
     */
    private static final Logger JERSEY_PROVIDERS =
            quiet("org.glassfish.jersey.internal.inject.Providers");
    /** Jersey logs an answer it could not write at SEVERE with a stack trace, also when the client just left. */
    private static final Logger JERSEY_RESPONDER =
            filtered("org.glassfish.jersey.server.ServerRuntime$Responder");

    private final TokenService tokens;
    private final TeamAccess teamAccess;
    private final TeamService teams;
    private final SessionService sessions;
    private final StorageWork storage;
    private final Metrics metrics;
    private final SessionWatch.Factory liveCoaches;
    private final AiWiring ai;
    private final Map<String, BooleanSupplier> healthChecks = new ConcurrentHashMap<>();

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    private static Logger filtered(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setFilter(ClientDisconnect.jerseyFilter());
        return logger;
    }

    PitboxApplication(ServerConfig config, Database database, String tokenSecret, Metrics metrics, Clock clock)
            throws IOException {
        this.metrics = metrics;
        Jdbc jdbc = new Jdbc(database.dataSource());
        tokens = new TokenService(tokenSecret, config.accessTokenTtl(), clock);
        AuthService auth = new AuthService(new JdbcUserDao(jdbc), new JdbcRefreshTokenDao(jdbc), new PasswordHasher(),
                tokens, config.refreshTokenTtl(), clock);
        JdbcTeamDao teamDao = new JdbcTeamDao(jdbc);
        teamAccess = new TeamAccess(teamDao);
        teams = new TeamService(teamDao, teamAccess, config.inviteTtl(), clock);
        ServerConfig.Limits limits = config.limits();
        SessionStore store = SessionStore.of(config);
        Path work = Files.createDirectories(config.dataDir().resolve("work"));
        JdbcSessionDao sessionDao = new JdbcSessionDao(jdbc);
        storage = new StorageWork(config.storage().threads(), config.storage().queue(), config.storage().downloads(),
                metrics);
        sessions = new SessionService(sessionDao, store, work, teamAccess, config.uploadChunkBytes(),
                new Quotas(limits.teamQuotaBytes(), limits.maxSessionBytes(), limits.openUploadsPerUser(),
                        limits.uploadExpiry()), storage, metrics, clock);
        healthChecks.put("database", database::isReady);

        property(ServerProperties.WADL_FEATURE_DISABLE, true);
        property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        register(JacksonFeature.withoutExceptionMappers());
        register(new JacksonConfig());
        register(new ErrorMappers.Api());
        register(new ErrorMappers.Web());
        register(new ErrorMappers.Json());
        register(new ErrorMappers.Unexpected());
        register(new MetricsFilter(metrics));
        register(new BodyLimitFilter(config.maxBodyBytes()));
        if (!config.corsOrigins().isEmpty()) {
            register(new CorsFilter(config.corsOrigins()));
        }
        register(new SecurityFeature(tokens));
        register(new RateLimitFilter(Map.of(AUTH_LIMIT, new RateLimiter(config.authRatePerMinute(), clock)),
                new ClientAddresses(config.clientAddress())));

        register(new HealthResource(Version.current(), healthChecks));
        register(new MetricsResource(metrics, config.metricsToken()));
        register(new BackupResource(new Backup(database.dataSource(), store), config.adminToken()));
        register(new OpenApiResource(this));
        register(new AuthResource(auth, new LoginGuard(config.authRatePerMinute(), clock)));
        register(new TeamResource(teams));
        register(new InviteResource(teams));
        register(new TeamSessionsResource(sessions));
        register(new SessionResource(sessions));
        ai = AiWiring.create(config.ai(), jdbc, sessionDao, store, work, teamDao, teamAccess, metrics, clock);
        register(ai.resource());
        liveCoaches = ai.coaches();
        register(VoiceWiring.create(config.elevenLabs(), jdbc, teamAccess, metrics, clock));
    }

    public TokenService tokens() {
        return tokens;
    }

    public TeamAccess teamAccess() {
        return teamAccess;
    }

    public TeamService teams() {
        return teams;
    }

    public SessionService sessions() {
        return sessions;
    }

    /** The uploads' and downloads' threads and places, apart from the live relay's. */
    public StorageWork storage() {
        return storage;
    }

    /** The coach that watches each live session. */
    public SessionWatch.Factory liveCoaches() {
        return liveCoaches;
    }

    /** The AI gateway, told when a live session is stored. */
    public AiWiring ai() {
        return ai;
    }

    public Metrics metrics() {
        return metrics;
    }

    /** Named readiness checks shown by {@code /health}; add more at any time. */
    public Map<String, BooleanSupplier> healthChecks() {
        return healthChecks;
    }
}
