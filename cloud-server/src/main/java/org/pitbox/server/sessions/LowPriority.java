package org.pitbox.server.sessions;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the calling thread at nice 19, below every normal thread of the machine, without privileges (Linux). Not the
 * idle scheduling policy: a thread under it gets so little of a busy core that a garbage collection waited up to
 * 80 ms for it to reach its safepoint, with the relay stopped meanwhile (nice 19: up to 30 ms). The change is for
 * the thread's life (an unprivileged thread cannot raise itself again), so only threads of their own call it.
 * Elsewhere (Windows, macOS) or without JNA it does nothing and says so once, at debug.
 */
public final class LowPriority {
    private static final Logger LOG = LoggerFactory.getLogger(LowPriority.class);
    private static final int PRIO_PROCESS = 0;
    private static final int NICE = 19;
    private static final AtomicBoolean TOLD = new AtomicBoolean();

    /** The C library's call; who 0 is the calling thread on Linux. */
    private interface C extends Library {
        int setpriority(int which, int who, int prio);
    }

    private static final class Linked {
        static final C C_LIB = Native.load("c", C.class);
    }

    private LowPriority() {
    }

    /** Lowers the calling thread for the rest of its life; what it did ("nice 19") or why not. */
    public static String lowerThisThread() {
        String done;
        try {
            if (!Platform.isLinux()) {
                done = "not lowered: no unprivileged way on " + System.getProperty("os.name");
            } else if (Linked.C_LIB.setpriority(PRIO_PROCESS, 0, NICE) == 0) {
                return "nice " + NICE;
            } else {
                done = "not lowered: errno " + Native.getLastError();
            }
        } catch (LinkageError e) {
            done = "not lowered: " + e;
        }
        if (TOLD.compareAndSet(false, true)) {
            LOG.debug("Storage threads: {}", done);
        }
        return done;
    }
}
