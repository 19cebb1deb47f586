package org.pitbox.server.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pitbox.client.CloudClient;
import org.pitbox.client.TransferProgress;
import org.pitbox.client.live.Backoff;
import org.pitbox.client.live.LiveListener;
import org.pitbox.client.live.LivePublisher;
import org.pitbox.client.live.LiveStatus;
import org.pitbox.client.live.LiveSubscriber;
import org.pitbox.protocol.api.Roles;
import org.pitbox.protocol.api.SessionView;
import org.pitbox.server.PitboxServer;
import org.pitbox.server.ServerConfig;

/**
 * Issue 13's soak: the abusive clients of {@link Abusers} against one server on loopback while 20 honest
 * drivers, each watched by 4 engineers, stream live frames with the desktop's {@link LivePublisher} and
 * {@link LiveSubscriber} and upload a session with its {@link CloudClient}. Bounded: 3 rounds of abuse, and
 * streaming at 30 Hz until 5 s after the last account's first token expired (about 55 s). The honest clients lose nothing (every frame arrives once and bit-exact, every upload
 * is stored byte-equal), {@code /health} answers within 1 s throughout, and the heap of this JVM (server and
 * clients) after a full GC stays under {@link #HEAP_BOUND_MB}.
 * <p>
 * Access tokens live one minute here, so every honest socket outlives the token it was opened with: the live
 * clients send their refreshed token on the socket (issue 13 item 7), and none may reconnect.
 */
class SoakTest {
    private static final int TEAMS = 4;
    private static final int DRIVERS_PER_TEAM = 5;
    private static final int ENGINEERS_PER_TEAM = 4;
    private static final int DRIVERS = TEAMS * DRIVERS_PER_TEAM;
    private static final int TICK_RATE = 30;
    /** The one-minute access tokens of the last account signed in have expired this long before streaming ends. */
    private static final int PAST_EXPIRY_SECONDS = 5;
    private static final int ABUSE_ROUNDS = 3;
    /**
     * The heap after a full GC, server and clients together (64 MB measured); without issue 13's limits the
     * catch-up buffers and outboxes would keep about 200 MB of what these abusers send.
     */
    static final long HEAP_BOUND_MB = 160;
    private static final String PASSWORD = "correct horse battery staple";
    private static final Duration HEALTH_DEADLINE = Duration.ofSeconds(1);

    private final AtomicInteger users = new AtomicInteger();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final AtomicLong heapMaxMb = new AtomicLong();

    /** An honest account and how many token pairs it was given (login, then each refresh). */
    private record Account(CloudClient client, String email, AtomicInteger pairs) {
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void honestClientsLoseNothingWhileAbusersRun(@TempDir Path dir) throws Exception {
        Map<String, String> env = Map.of("PITBOX_ACCESS_TOKEN_MINUTES", "1",
                "PITBOX_AUTH_RATE_PER_MINUTE", "600", "PITBOX_TRUSTED_PROXIES", "127.0.0.1",
                "PITBOX_UPLOAD_CHUNK_BYTES", Integer.toString(256 << 10));
        long began = System.nanoTime();
        try (PitboxServer server = PitboxServer.start(ServerConfig.from(
                new String[] {"--port", "0", "--data-dir", dir.resolve("server").toString()}, env))) {
            URI uri = URI.create("http://127.0.0.1:" + server.port());
            List<Account> drivers = new ArrayList<>();
            List<Account> engineers = new ArrayList<>();
            long[] teamOf = new long[DRIVERS];
            for (int t = 0; t < TEAMS; t++) {
                Account owner = account(uri);
                engineers.add(owner);
                long team = owner.client().createTeam("Honest " + t).id();
                for (int e = 1; e < ENGINEERS_PER_TEAM; e++) {
                    engineers.add(member(uri, owner, team, Roles.ENGINEER));
                }
                for (int d = 0; d < DRIVERS_PER_TEAM; d++) {
                    teamOf[drivers.size()] = team;
                    drivers.add(member(uri, owner, team, Roles.DRIVER));
                }
            }
            Account mallory = account(uri);
            long abuseTeam = mallory.client().createTeam("Abuse").id();
            long streamUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(60 + PAST_EXPIRY_SECONDS);

            phase("accounts", began);
            List<Watcher> watchers = new ArrayList<>();
            List<LiveSubscriber> subscribers = new ArrayList<>();
            for (int d = 0; d < DRIVERS; d++) {
                int team = d / DRIVERS_PER_TEAM;
                for (int e = 0; e < ENGINEERS_PER_TEAM; e++) {
                    Watcher w = new Watcher(d);
                    watchers.add(w);
                    subscribers.add(LiveSubscriber.session(uri, engineers.get(team * ENGINEERS_PER_TEAM + e)
                            .client()::accessToken, teamOf[d], key(d), backoff(), w));
                }
            }
            for (Watcher w : watchers) {
                assertTrue(w.connected.await(30, TimeUnit.SECONDS), "an engineer could not connect");
            }
            List<LivePublisher> publishers = new ArrayList<>();
            List<String> lostLinks = new CopyOnWriteArrayList<>();
            for (int d = 0; d < DRIVERS; d++) {
                publishers.add(new LivePublisher(uri, drivers.get(d).client()::accessToken, teamOf[d], key(d),
                        SoakData.SCHEMA, SoakData.YAML, LivePublisher.Config.defaults(dir.resolve("spool-" + d))
                                .withTickRate(TICK_RATE).withBackoff(backoff()), lostLinks(lostLinks, d)));
            }

            phase("connected", began);
            Thread health = Thread.ofPlatform().name("soak-health").start(() -> probeHealth(uri));
            Thread uploads = Thread.ofPlatform().name("soak-uploads").start(() -> upload(drivers, teamOf, dir));
            Abusers abusers = new Abusers(server.port(), mallory.client(), abuseTeam, dir);
            Thread abuse = Thread.ofPlatform().name("soak-abuse").start(() -> abuse(abusers, drivers.get(0).email()));
            long published = stream(publishers, streamUntil);
            phase("streamed", began);
            abuse.join();
            uploads.join();
            phase("abused and uploaded", began);
            measureHeap();
            atOnce(publishers, p -> {
                if (!p.end(Duration.ofSeconds(30))) {
                    problems.add("a driver's session was not recorded whole");
                }
            });
            health.interrupt();
            health.join();
            for (Watcher w : watchers) {
                assertTrue(w.ended.await(30, TimeUnit.SECONDS), "an engineer did not see the session end");
                String problem = w.problem(published);
                if (problem != null) {
                    problems.add(problem);
                }
            }
            phase("ended", began);
            atOnce(subscribers, LiveSubscriber::close);
            abusers.close();

            assertEquals(List.of(), problems);
            assertEquals(List.of(), lostLinks, "a driver's link was lost");
            for (Account a : concat(drivers, engineers)) {
                assertTrue(a.pairs().get() >= 2, a.email() + " never refreshed its one-minute token");
            }
            new CloudClient(uri).login(drivers.get(0).email(), PASSWORD); // the flood's target is not locked out
            Map<String, Long> outcomes = new TreeMap<>();
            abusers.outcomes.forEach((k, v) -> outcomes.put(k, v.get()));
            assertRefused(outcomes);
            assertTrue(heapMaxMb.get() < HEAP_BOUND_MB, "heap after GC " + heapMaxMb + " MB, bound " + HEAP_BOUND_MB);
            System.out.printf("soak: %d drivers x %d engineers, %d frames each (%d published, %d delivered),"
                    + " %d uploads byte-equal, heap after GC at most %d MB (bound %d MB); abuse: %s%n", DRIVERS,
                    ENGINEERS_PER_TEAM, published, published * DRIVERS, published * DRIVERS * ENGINEERS_PER_TEAM,
                    DRIVERS, heapMaxMb.get(), HEAP_BOUND_MB, outcomes);
        }
    }

    /**
     * Every abuse was refused or cut off: nothing stored, every oversized message closed its socket (1009, or
     * the connection cut while the client was still sending it).
     */
    private static void assertRefused(Map<String, Long> outcomes) {
        for (Map.Entry<String, Long> o : outcomes.entrySet()) {
            String what = o.getKey();
            boolean refused = what.startsWith("slow body: HTTP 401") || what.startsWith("invented method: HTTP 4")
                    || what.startsWith("wrong login: HTTP 401") || what.startsWith("wrong login: HTTP 429")
                    || what.endsWith("closed 1009") || what.endsWith("connection lost") || what.equals("bomb: HTTP 422 too_many_sectors");
            assertTrue(refused, "an abuse was not refused: " + o);
        }
    }

    /** Publishes every driver's rows at the tick rate until {@code until}; returns the rows per driver. */
    private static long stream(List<LivePublisher> publishers, long until) {
        long period = TimeUnit.SECONDS.toNanos(1) / TICK_RATE;
        long start = System.nanoTime();
        long ticks = (until - start) / period;
        for (long seq = 1; seq <= ticks; seq++) {
            for (long wait; (wait = start + seq * period - System.nanoTime()) > 0;) {
                LockSupport.parkNanos(wait);
            }
            for (int d = 0; d < publishers.size(); d++) {
                publishers.get(d).publish(SoakData.row(d, seq));
            }
        }
        return ticks;
    }

    private void abuse(Abusers abusers, String victim) {
        try {
            for (int round = 0; round < ABUSE_ROUNDS; round++) {
                Thread.sleep(5_000);
                abusers.round(round, victim);
                measureHeap();
            }
        } catch (Exception e) {
            problems.add("the abusers failed: " + e);
        }
    }

    /** Each driver uploads the simulated lap, then downloads it again: the bytes must be the same. */
    private void upload(List<Account> drivers, long[] teamOf, Path dir) {
        try {
            Path ibt = SoakData.honestIbt(dir.resolve("honest.ibt"));
            for (int d = 0; d < drivers.size(); d++) {
                Thread.sleep(1_000);
                CloudClient c = drivers.get(d).client();
                SessionView v = c.upload(teamOf[d], ibt, new CloudClient.Upload("Martinsville", "Car", "Driver " + d,
                        Instant.now()), null, TransferProgress.NONE, () -> false);
                Path back = dir.resolve("download-" + d + ".ibt");
                c.download(v.id(), back, TransferProgress.NONE, () -> false);
                if (Files.mismatch(ibt, back) != -1) {
                    problems.add("driver " + d + ": the stored upload differs");
                }
                Files.delete(back);
            }
        } catch (Exception e) {
            problems.add("an honest upload failed: " + e);
        }
    }

    /** GET /health every quarter second until interrupted; each must answer 200 within a second. */
    private void probeHealth(URI uri) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest get = HttpRequest.newBuilder(uri.resolve("/health")).timeout(HEALTH_DEADLINE).build();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                int status = http.send(get, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status != 200) {
                    problems.add("/health answered " + status);
                }
                Thread.sleep(250);
            } catch (InterruptedException e) {
                break;
            } catch (Exception e) {
                problems.add("/health did not answer within " + HEALTH_DEADLINE.toMillis() + " ms: " + e);
            }
        }
        http.shutdownNow();
    }

    private interface Step<T> {
        void run(T t) throws InterruptedException;
    }

    /** Runs step on every item at once, each on a thread of its own, and waits for all. */
    private static <T> void atOnce(List<T> items, Step<T> step) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (T item : items) {
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    step.run(item);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    private static void phase(String what, long began) {
        System.out.printf("soak: %s after %d s%n", what, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began));
    }

    private void measureHeap() {
        System.gc();
        long mb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
        heapMaxMb.accumulateAndGet(mb, Math::max);
    }

    private static LiveListener lostLinks(List<String> lost, int driver) {
        return new LiveListener() {
            @Override
            public void status(LiveStatus status) {
                if (status.state() == LiveStatus.State.OFFLINE && !"closed".equals(status.reason())) {
                    lost.add("driver " + driver + ": " + status.reason());
                }
            }
        };
    }

    private Account account(URI uri) throws Exception {
        CloudClient c = new CloudClient(uri);
        AtomicInteger pairs = new AtomicInteger();
        c.onTokens(p -> pairs.incrementAndGet());
        String email = "soak" + users.incrementAndGet() + "@team.example";
        c.register(email, PASSWORD, "Soak " + users.get());
        c.login(email, PASSWORD);
        return new Account(c, email, pairs);
    }

    private Account member(URI uri, Account owner, long team, String role) throws Exception {
        Account a = account(uri);
        a.client().acceptInvite(owner.client().invite(team, role).code());
        return a;
    }

    private static List<Account> concat(List<Account> a, List<Account> b) {
        List<Account> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String key(int driver) {
        return "car" + driver;
    }

    private static Backoff backoff() {
        return new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2), new Random(7));
    }
}
