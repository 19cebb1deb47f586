package org.pitbox.server.sessions;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.BitSet;
import java.util.Enumeration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.pitbox.protocol.codec.PackedFile;
import org.pitbox.server.auth.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unpacks a packed upload while its chunks arrive, so that {@code complete} finds the .ibt rebuilt and its SHA-256
 * known instead of doing that work after the last byte. Each check runs on a thread of its own at nice 19
 * ({@link LowPriority}), at most {@code threads} at once (an upload without one is checked at completion, as
 * before); it reads chunks from the store as they are stored, in order, and gives up after waiting
 * {@link #PATIENCE_SECONDS} for one (an upload paused, or sent through another node). Its result is only a
 * shortcut: any failure leaves the check to completion.
 */
final class EarlyCheck {
    static final int PATIENCE_SECONDS = 60;
    private static final Logger LOG = LoggerFactory.getLogger(EarlyCheck.class);

    /** An upload's .ibt, rebuilt into {@code file}, and its hex SHA-256. */
    record Result(Path file, String sha256) {
    }

    private final SessionStore files;
    private final Path work;
    private final long maxBytes;
    private final Semaphore threads;
    private final ConcurrentHashMap<Long, Check> checks = new ConcurrentHashMap<>();

    EarlyCheck(SessionStore files, Path work, long maxBytes, int threads) {
        this.files = files;
        this.work = work;
        this.maxBytes = maxBytes;
        this.threads = new Semaphore(threads);
    }

    /** Chunk {@code n} of the {@code count} of upload {@code id} is stored; starts its check when a thread is free. */
    void arrived(long id, int n, int count) {
        Check c = checks.get(id);
        if (c == null && threads.tryAcquire()) {
            Check fresh = new Check(id, count);
            c = checks.putIfAbsent(id, fresh);
            if (c == null) {
                c = fresh;
                Thread.ofPlatform().name("pitbox-early-check-" + id).daemon().start(() -> {
                    LowPriority.lowerThisThread();
                    fresh.run();
                });
            } else {
                threads.release();
            }
        }
        if (c != null) {
            c.arrived(n);
        }
    }

    /**
     * The check's result once every chunk is stored: waits for it to read the rest. Null when the upload had no
     * check or it failed; the caller then checks the chunks itself. The caller deletes the result's file.
     */
    Result finish(long id) {
        Check c = checks.remove(id);
        return c == null ? null : c.claim(false);
    }

    /** Stops the upload's check, if any, and deletes what it wrote. */
    void drop(long id) {
        Check c = checks.remove(id);
        if (c != null) {
            c.claim(true);
            delete(c.file);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("could not delete {}", file, e);
        }
    }

    /** One upload's check: its chunks in order, as they arrive. */
    private final class Check implements Enumeration<InputStream> {
        private final long id;
        private final int count;
        private final Path file;
        private final BitSet stored = new BitSet();
        private int next;
        private boolean all;
        private boolean stopped;
        private boolean claimed;
        private boolean ended;
        private Result result;

        Check(long id, int count) {
            this.id = id;
            this.count = count;
            this.file = work.resolve(id + ".ibt.early");
        }

        synchronized void arrived(int n) {
            stored.set(n);
            notifyAll();
        }

        /**
         * Tells the check every chunk is stored, or that it is to stop, and waits for its end; its result, or null
         * when it failed, was stopped or gave its file up.
         */
        synchronized Result claim(boolean stop) {
            all = true;
            stopped = stop;
            claimed = true;
            notifyAll();
            boolean interrupted = false;
            while (!ended) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true; // the check ends soon: it has every chunk, or is stopped
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return stop ? null : result;
        }

        void run() {
            Result r = null;
            try {
                List<Integer> before = files.received(id); // stored before a restart, say
                synchronized (this) {
                    before.forEach(stored::set);
                }
                if (isPacked()) {
                    MessageDigest digest = Secrets.sha256();
                    try (InputStream in = new SequenceInputStream(this);
                            OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
                        PackedFile.unpack(in, out, maxBytes);
                    }
                    r = new Result(file, IbtPack.hex(digest));
                }
            } catch (IOException | RuntimeException e) {
                LOG.debug("upload {} is left to be checked at completion: {}", id, e.toString());
            } finally {
                threads.release();
            }
            if (r == null) {
                delete(file);
            }
            if (!handOver(r)) {
                checks.remove(id, this);
                delete(file);
            }
        }

        /** Ends the check with {@code r}; true when completion takes it in time, false when nobody did. */
        private synchronized boolean handOver(Result r) {
            result = r;
            ended = true;
            notifyAll();
            if (r == null) {
                return false;
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
            for (long left; !claimed && (left = deadline - System.nanoTime()) > 0;) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    break;
                }
            }
            if (!claimed) {
                result = null; // the upload was completed elsewhere, or abandoned
                claimed = true;
            }
            return result != null;
        }

        private boolean isPacked() throws IOException {
            await(0);
            try (InputStream in = files.chunk(id, 0)) {
                return PackedFile.isPacked(in.readNBytes(4));
            }
        }

        /** Waits until chunk {@code n} is stored. */
        private synchronized void await(int n) throws IOException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
            while (!all && !stored.get(n) || stopped) {
                if (stopped) {
                    throw new IOException("stopped");
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IOException("chunk " + n + " did not arrive in time");
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException();
                }
            }
        }

        @Override
        public boolean hasMoreElements() {
            return next < count;
        }

        @Override
        public InputStream nextElement() {
            if (next >= count) {
                throw new NoSuchElementException();
            }
            try {
                await(next);
                return files.chunk(id, next++);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
