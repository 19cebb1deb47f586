package org.pitbox.server.live;

import java.time.Duration;

/**
 * What one client may make the relay hold, and a session's recording on disk. A message over its cap closes the socket (1009); radio over its
 * length gets an {@code error}; a socket whose outbox passes {@code outboxBytes} is cut off as too slow.
 *
 * @param frameBytes   largest binary message of a publisher (a 60 Hz row of every iRacing channel is ~8 kB)
 * @param openBytes    largest text message of a publisher: its {@code open} carries the session-info YAML
 * @param controlBytes largest message of a subscriber or team socket
 * @param radioChars   longest radio text
 * @param catchUpBytes frames kept per session for late joiners; beyond it they wait for the next keyframe
 * @param outboxBytes  unwritten bytes per socket; frames may fill half of it and are dropped beyond that,
 *                     other messages fill the rest and past it the socket is disconnected
 * @param idleTimeout  a socket with nothing read or written for this long is closed (clients ping)
 * @param recordingBytes frames a session's spool keeps; later frames are relayed but not recorded
 */
public record LiveLimits(int frameBytes, int openBytes, int controlBytes, int radioChars, long catchUpBytes,
        long outboxBytes, Duration idleTimeout, long recordingBytes) {
    public static final LiveLimits DEFAULTS = new LiveLimits(64 << 10, 1 << 20, 8 << 10, 2000, 4L << 20, 12L << 20,
            Duration.ofSeconds(30), 1L << 30);

    public LiveLimits {
        if (frameBytes < 1024 || openBytes < 1024 || controlBytes < 1024 || radioChars < 1) {
            throw new IllegalArgumentException("live message limits must be at least 1 KiB and one character");
        }
        if (catchUpBytes < frameBytes) {
            throw new IllegalArgumentException("live-catch-up-bytes must hold a frame (live-frame-bytes, " + frameBytes
                    + "), got " + catchUpBytes);
        }
        if (outboxBytes / 2 < catchUpBytes + 2L * openBytes) { // a late joiner's catch-up and session message fit
            throw new IllegalArgumentException("live-outbox-bytes must be at least twice live-catch-up-bytes and a"
                    + " session message (" + 2 * (catchUpBytes + 2L * openBytes) + "), got " + outboxBytes);
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("the live idle timeout must be positive");
        }
        if (recordingBytes < frameBytes) {
            throw new IllegalArgumentException("max-live-recording-bytes must hold a frame (live-frame-bytes, "
                    + frameBytes + "), got " + recordingBytes);
        }
    }

    public LiveLimits withFrameBytes(int bytes) {
        return new LiveLimits(bytes, openBytes, controlBytes, radioChars, catchUpBytes, outboxBytes, idleTimeout,
                recordingBytes);
    }

    public LiveLimits withCatchUpBytes(long bytes) {
        return new LiveLimits(frameBytes, openBytes, controlBytes, radioChars, bytes, outboxBytes, idleTimeout,
                recordingBytes);
    }

    public LiveLimits withOutboxBytes(long bytes) {
        return new LiveLimits(frameBytes, openBytes, controlBytes, radioChars, catchUpBytes, bytes, idleTimeout,
                recordingBytes);
    }

    public LiveLimits withIdleTimeout(Duration timeout) {
        return new LiveLimits(frameBytes, openBytes, controlBytes, radioChars, catchUpBytes, outboxBytes, timeout,
                recordingBytes);
    }

    public LiveLimits withRecordingBytes(long bytes) {
        return new LiveLimits(frameBytes, openBytes, controlBytes, radioChars, catchUpBytes, outboxBytes, idleTimeout,
                bytes);
    }
}
