package org.pitbox.server.sessions;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One lock per session, kept only while someone holds or waits for it: work on one session (a parse of a large
 * upload) never makes another session's requests wait.
 */
final class SessionLocks {
    private final ConcurrentHashMap<Long, Entry> entries = new ConcurrentHashMap<>();

    <T> T with(long id, Supplier<T> work) {
        Entry entry = entries.compute(id, (k, e) -> (e == null ? new Entry() : e).enter());
        try {
            synchronized (entry) {
                return work.get();
            }
        } finally {
            entries.computeIfPresent(id, (k, e) -> e.leave() ? null : e);
        }
    }

    void run(long id, Runnable work) {
        with(id, () -> {
            work.run();
            return null;
        });
    }

    /** Sessions with a holder or a waiter. */
    int size() {
        return entries.size();
    }

    /** Counted only inside the map's atomic compute calls. */
    private static final class Entry {
        private int users;

        Entry enter() {
            users++;
            return this;
        }

        boolean leave() {
            return --users == 0;
        }
    }
}
