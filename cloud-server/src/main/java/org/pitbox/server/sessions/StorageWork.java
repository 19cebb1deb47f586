package org.pitbox.server.sessions;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.pitbox.server.http.ApiException;
import org.pitbox.server.metrics.Metrics;

/**
 * The CPU-heavy storage work of uploads (chunk writes, joining, unpacking, SHA-256, parsing) and downloads
 * (rebuilding the .ibt as it streams) on threads of its own at the lowest priority, so it never takes the live
 * relay's threads. An upload request holds one of {@code threads + queue} places while its work waits or runs; with
 * none free it is refused at once with 503 {@code storage_busy} and Retry-After. A download holds one of
 * {@code downloads} places, and a thread of their own, while it streams; with none free it gets 503
 * {@code downloads_busy}. The request's own thread waits meanwhile, so these bound the server's threads they take
 * too. The threads run at nice 19 ({@link LowPriority}), below the relay's.
 */
public final class StorageWork implements AutoCloseable {
    /** Seconds a refused client is told to wait. */
    static final int RETRY_AFTER_SECONDS = 2;

    /** Work that may fail with an IOException. */
    @FunctionalInterface
    public interface IoWork<T> {
        T run() throws IOException;
    }

    /**
     * A place taken: give it back by closing it (once; later closes do nothing). It is free again only when it is
     * closed and no work started on it still runs (a request thread may be interrupted, or the place closed from
     * another thread, while its work runs on).
     */
    public static final class Place implements Closeable {
        private final Gate of;
        private final long user;
        private final ExecutorService pool;
        private int running;
        private boolean closed;
        private boolean released;

        private Place(Gate of, long user, ExecutorService pool) {
            this.of = of;
            this.user = user;
            this.pool = pool;
        }

        /**
         * Runs work on a storage thread and waits for it; its exceptions come out as they were thrown, an
         * IOException as an UncheckedIOException.
         */
        public <T> T call(IoWork<T> work) {
            synchronized (this) {
                running++;
            }
            Future<T> done;
            try {
                done = pool.submit(() -> {
                    try {
                        return work.run();
                    } finally {
                        ended();
                    }
                });
            } catch (RuntimeException e) {
                ended();
                throw e;
            }
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        return done.get();
                    } catch (InterruptedException e) {
                        interrupted = true; // the work runs on; its place stays taken until it ends
                    }
                }
            } catch (ExecutionException e) {
                throw unchecked(e.getCause());
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void close() {
            synchronized (this) {
                closed = true;
            }
            releaseIfFree();
        }

        private void ended() {
            synchronized (this) {
                running--;
            }
            releaseIfFree();
        }

        /** Gives the place back once: when it is closed and none of its work runs. */
        private void releaseIfFree() {
            synchronized (this) {
                if (!closed || running > 0 || released) {
                    return;
                }
                released = true;
            }
            of.release(user);
        }
    }

    /** Places of one kind, and how many each account holds. */
    private final class Gate {
        private final Semaphore places;
        private final int perUser;
        private final ConcurrentHashMap<Long, Integer> held = new ConcurrentHashMap<>();
        private final String work;
        private final String code;
        private final String what;

        Gate(int places, String work, String code, String what) {
            this.places = new Semaphore(places);
            this.perUser = Math.max(1, places / 2);
            this.work = work;
            this.code = code;
            this.what = what;
        }

        Place take(long user, ExecutorService pool) {
            boolean[] mine = {false};
            held.compute(user, (k, n) -> {
                int count = n == null ? 0 : n;
                mine[0] = count < perUser;
                return mine[0] ? count + 1 : n;
            });
            if (!mine[0]) {
                throw refused(work, code, "you have " + perUser + " at once already, as many as one account may");
            }
            if (!places.tryAcquire()) {
                forget(user);
                throw refused(work, code, what);
            }
            return new Place(this, user, pool);
        }

        void release(long user) {
            places.release();
            forget(user);
        }

        private void forget(long user) {
            held.computeIfPresent(user, (k, n) -> n <= 1 ? null : n - 1);
        }
    }

    private final ExecutorService pool;
    private final ExecutorService downloaders;
    private final Gate uploads;
    private final Gate downloads;
    private final Metrics.Counter busy;

    public StorageWork(int threads, int queue, int downloads, Metrics metrics) {
        this.pool = pool(threads, "pitbox-storage-");
        this.downloaders = pool(downloads, "pitbox-download-");
        this.uploads = new Gate(threads + queue, "upload", "storage_busy", "the server's storage work is full");
        this.downloads = new Gate(downloads, "download", "downloads_busy", "the server streams as many downloads"
                + " as it allows");
        this.busy = metrics.counter("pitbox_storage_busy_total", "Uploads and downloads refused because the server's"
                + " storage work was full", "work");
    }

    /**
     * Threads started when needed, each lowering itself ({@link LowPriority}) first; the semaphores bound their work.
     */
    private static ExecutorService pool(int threads, String name) {
        ThreadFactory plain = Thread.ofPlatform().name(name, 0).daemon().factory();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), work -> plain.newThread(() -> {
                    LowPriority.lowerThisThread();
                    work.run();
                }));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /**
     * Takes a place for {@code user}'s upload work (the request's body may be read while it is held); 503 when none
     * is free or the account holds its share.
     */
    public Place enter(long user) {
        return uploads.take(user, pool);
    }

    /** Runs {@code user}'s work on a storage thread with a place of its own, and waits for it; 503 as {@link #enter}. */
    public <T> T call(long user, IoWork<T> work) {
        try (Place p = enter(user)) {
            return p.call(work);
        }
    }

    /** Takes a place for {@code user}'s download, to stream with {@link Place#call}; 503 as {@link #enter}. */
    public Place download(long user) {
        return downloads.take(user, downloaders);
    }

    private ApiException refused(String work, String code, String what) {
        busy.inc(work);
        return new ApiException(503, code, what + "; try again in " + RETRY_AFTER_SECONDS + " s",
                Map.of("Retry-After", Integer.toString(RETRY_AFTER_SECONDS)));
    }

    private static RuntimeException unchecked(Throwable cause) {
        if (cause instanceof RuntimeException r) {
            return r;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        if (cause instanceof IOException io) {
            return new UncheckedIOException(io);
        }
        return new IllegalStateException(cause);
    }

    @Override
    public void close() {
        pool.shutdown();
        downloaders.shutdown();
    }
}
