package org.pitbox.server.ai;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.pitbox.protocol.api.AiApi.BudgetView;
import org.pitbox.server.http.ApiException;

/**
 * Each team's AI budget: requests per minute (counted on this server, in memory) and agent tokens per UTC day
 * (summed from the stored insights). The defaults come from the server's settings; a team's owner may set others.
 */
public final class Budgets {
    public static final int MAX_REQUESTS_PER_MINUTE = 10_000;
    public static final long MAX_TOKENS_PER_DAY = 1_000_000_000_000L;
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final AiSettings defaults;
    private final InsightDao dao;
    private final Clock clock;
    private final Map<Long, Deque<Instant>> recent = new ConcurrentHashMap<>();

    public Budgets(AiSettings defaults, InsightDao dao, Clock clock) {
        this.defaults = defaults;
        this.dao = dao;
        this.clock = clock;
    }

    public BudgetView of(long teamId) {
        long[] own = dao.budget(teamId).orElse(new long[] {defaults.requestsPerMinute(), defaults.tokensPerDay()});
        return new BudgetView((int) own[0], own[1], tokensToday(teamId));
    }

    /** 400 for values out of range. */
    public BudgetView set(long teamId, Integer requestsPerMinute, Long tokensPerDay) {
        if (requestsPerMinute == null || requestsPerMinute < 1 || requestsPerMinute > MAX_REQUESTS_PER_MINUTE) {
            throw ApiException.badRequest("invalid_field", "requestsPerMinute must be 1.." + MAX_REQUESTS_PER_MINUTE);
        }
        if (tokensPerDay == null || tokensPerDay < 0 || tokensPerDay > MAX_TOKENS_PER_DAY) {
            throw ApiException.badRequest("invalid_field", "tokensPerDay must be 0.." + MAX_TOKENS_PER_DAY);
        }
        dao.setBudget(teamId, requestsPerMinute, tokensPerDay, clock.instant());
        return of(teamId);
    }

    /** Counts one request, or answers 429 {@code ai_rate_limited} with Retry-After when the minute's are used. */
    public void takeRequest(long teamId, int perMinute) {
        Instant now = clock.instant();
        Deque<Instant> times = recent.computeIfAbsent(teamId, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(MINUTE))) {
                times.pollFirst();
            }
            if (times.size() >= perMinute) {
                long wait = Math.max(1, Duration.between(now, times.peekFirst().plus(MINUTE)).toSeconds() + 1);
                throw new ApiException(429, "ai_rate_limited", "the team's AI budget is " + perMinute
                        + " questions a minute; retry in " + wait + " s", Map.of("Retry-After", Long.toString(wait)));
            }
            times.addLast(now);
        }
    }

    /** True when the team's agent answers today used its whole token budget. */
    public boolean tokensSpent(long teamId, long tokensPerDay) {
        return tokensToday(teamId) >= tokensPerDay;
    }

    private long tokensToday(long teamId) {
        Instant midnight = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        return dao.agentTokensSince(teamId, midnight);
    }
}
