package org.pitbox.server.voice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.pitbox.protocol.api.VoiceApi;
import org.pitbox.protocol.api.VoiceApi.BudgetView;
import org.pitbox.server.http.ApiException;

/**
 * Each team's speech budget: requests per minute (counted on this server, in memory, cached phrases included) and
 * characters sent to ElevenLabs per UTC day (in the database, so all servers share it). The defaults come from the
 * server's settings; a team's owner may set others. Over either: 429 {@code tts_over_budget} with Retry-After.
 */
final class SpeechBudgets {
    static final int MAX_REQUESTS_PER_MINUTE = 10_000;
    static final long MAX_CHARACTERS_PER_DAY = 1_000_000_000L;
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final VoiceSettings defaults;
    private final VoiceDao dao;
    private final Clock clock;
    private final Map<Long, Deque<Instant>> recent = new ConcurrentHashMap<>();

    SpeechBudgets(VoiceSettings defaults, VoiceDao dao, Clock clock) {
        this.defaults = defaults;
        this.dao = dao;
        this.clock = clock;
    }

    BudgetView of(long teamId) {
        long[] own = dao.budget(teamId).orElse(new long[] {defaults.requestsPerMinute(), defaults.charactersPerDay()});
        return new BudgetView((int) own[0], own[1], dao.characters(teamId, today()));
    }

    /** 400 for values out of range. */
    BudgetView set(long teamId, Integer requestsPerMinute, Long charactersPerDay) {
        if (requestsPerMinute == null || requestsPerMinute < 1 || requestsPerMinute > MAX_REQUESTS_PER_MINUTE) {
            throw ApiException.badRequest("invalid_field", "requestsPerMinute must be 1.." + MAX_REQUESTS_PER_MINUTE);
        }
        if (charactersPerDay == null || charactersPerDay < 0 || charactersPerDay > MAX_CHARACTERS_PER_DAY) {
            throw ApiException.badRequest("invalid_field", "charactersPerDay must be 0.." + MAX_CHARACTERS_PER_DAY);
        }
        dao.setBudget(teamId, requestsPerMinute, charactersPerDay, clock.instant());
        return of(teamId);
    }

    /** Counts one request, or refuses it when the minute's are used. */
    void takeRequest(long teamId, BudgetView budget) {
        Instant now = clock.instant();
        Deque<Instant> times = recent.computeIfAbsent(teamId, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(MINUTE))) {
                times.pollFirst();
            }
            if (times.size() >= budget.requestsPerMinute()) {
                long wait = Math.max(1, Duration.between(now, times.peekFirst().plus(MINUTE)).toSeconds() + 1);
                throw overBudget("the team's speech budget is " + budget.requestsPerMinute() + " requests a minute",
                        wait);
            }
            times.addLast(now);
        }
    }

    /** Refuses {@code chars} more when they would pass today's characters. */
    void checkCharacters(long teamId, BudgetView budget, int chars) {
        if (budget.charactersUsedToday() + chars > budget.charactersPerDay()) {
            Instant midnight = today().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            throw overBudget("the team's speech budget is " + budget.charactersPerDay() + " characters a day and "
                    + budget.charactersUsedToday() + " are used", Duration.between(clock.instant(), midnight)
                            .toSeconds() + 1);
        }
    }

    /** Counts characters ElevenLabs accepted. */
    void countCharacters(long teamId, int chars) {
        dao.addCharacters(teamId, today(), chars);
    }

    private static ApiException overBudget(String why, long retrySeconds) {
        return new ApiException(429, VoiceApi.TTS_OVER_BUDGET, why + "; the local voice speaks meanwhile (retry in "
                + retrySeconds + " s)", Map.of("Retry-After", Long.toString(retrySeconds)));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
