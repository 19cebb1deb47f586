package org.pitbox.server.voice;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * An answer's body that fails with {@link InterruptedIOException} when one read waits longer than {@code timeout}
 * (the JDK client's own timeout ends with the headers): the stream is closed under the waiting read.
 */
final class SilenceGuard extends FilterInputStream {
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "pitbox-tts-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final Duration timeout;
    private volatile boolean silent;

    SilenceGuard(InputStream in, Duration timeout) {
        super(in);
        this.timeout = timeout;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        ScheduledFuture<?> watch = WATCHDOG.schedule(this::expire, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            int n = super.read(b, off, len);
            if (n < 0 && silent) {
                throw new InterruptedIOException("ElevenLabs' audio stopped for " + timeout);
            }
            return n;
        } catch (InterruptedIOException e) {
            throw e;
        } catch (IOException e) {
            if (silent) {
                throw new InterruptedIOException("ElevenLabs' audio stopped for " + timeout);
            }
            throw e;
        } finally {
            watch.cancel(false);
        }
    }

    private void expire() {
        silent = true;
        try {
            in.close();
        } catch (IOException e) {
            // closing is all that was wanted
        }
    }
}
