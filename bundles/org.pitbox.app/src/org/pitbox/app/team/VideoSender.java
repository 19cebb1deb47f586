package org.pitbox.app.team;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import org.pitbox.client.live.LivePublisher;
import org.pitbox.video.EncodedVideo;
import org.pitbox.video.VideoPipeline;
import org.pitbox.video.VideoSettings;
import org.pitbox.video.VideoStats;

/**
 * The driver's screen to the team's live session: a {@link VideoPipeline} whose pictures go to the session, timed on
 * its clock. Telemetry keeps priority: when the session refuses pictures (not connected, or video not getting out),
 * the bitrate steps down a third at a time, at most once a second, to the minimum; refused there, half the pictures
 * go; refused then, video pauses for {@link #PAUSE_NANOS}. After {@link #STEP_UP_NANOS} without a refusal it steps
 * back up the same way toward the driver's rate and cap.
 */
public final class VideoSender implements AutoCloseable {
    /** Where the pictures go: the live session ({@code LivePublisher}). */
    public interface Target {
        /** Where a {@link System#nanoTime()} reading falls on the session's clock, in microseconds. */
        long sessionMicros(long nanoTime);

        /** Sends a picture, or says why it was dropped. */
        LivePublisher.VideoResult publishVideo(long micros, boolean key, byte[] accessUnit);
    }

    static final long STEP_UP_NANOS = 10_000_000_000L;
    static final long PAUSE_NANOS = 5_000_000_000L;
    private static final long STEP_NANOS = 1_000_000_000L;

    private final Target target;
    private final VideoSettings settings;
    private final long startNanos;
    private final VideoPipeline pipeline;
    private int bitrate;
    private long lastRefusal = Long.MIN_VALUE / 2;
    private long lastStep = Long.MIN_VALUE / 2;
    private long pausedUntil;
    private boolean paused;
    /** The last picture found no open session: connecting, or the link is down. */
    private boolean offline;
    /** The last picture's time on the session's clock: each picture's is later (encoder thread only). */
    private long lastMicros = -1;

    /**
     * @param open starts the pipeline with the sink it is given; its pictures' times count from now
     */
    public VideoSender(VideoSettings settings, Target target, Function<Consumer<EncodedVideo>, VideoPipeline> open) {
        this.settings = settings;
        this.target = target;
        this.bitrate = settings.bitrate();
        this.startNanos = System.nanoTime();
        this.pipeline = open.apply(this::send);
    }

    /** On the encoder's thread: one picture to the session. */
    private void send(EncodedVideo v) {
        long micros = Math.max(lastMicros + 1, target.sessionMicros(startNanos + v.micros() * 1000));
        lastMicros = micros;
        LivePublisher.VideoResult result = target.publishVideo(micros, v.key(), v.annexB());
        synchronized (this) {
            offline = result == LivePublisher.VideoResult.NOT_CONNECTED;
        }
        switch (result) {
            case SENT -> linkAnswered(true, System.nanoTime());
            case LINK_BUSY -> linkAnswered(false, System.nanoTime());
            default -> { // no link to judge, or the picture was of no use before a key picture
            }
        }
    }

    /** Steps the bitrate down on a refusal, up after a quiet while; pauses when the minimum is refused too. */
    synchronized void linkAnswered(boolean sent, long now) {
        if (sent) {
            if (now - lastRefusal > STEP_UP_NANOS && now - lastStep > STEP_UP_NANOS) {
                if (pipeline.pictureStep() > 1) {
                    pipeline.setPictureStep(1);
                    lastStep = now;
                } else if (bitrate < settings.bitrate()) {
                    setBitrate(Math.min(settings.bitrate(), bitrate * 3 / 2), now);
                }
            }
            return;
        }
        lastRefusal = now;
        if (now - lastStep < STEP_NANOS) {
            return;
        }
        if (bitrate > VideoSettings.MIN_BITRATE) {
            setBitrate(Math.max(VideoSettings.MIN_BITRATE, bitrate * 2 / 3), now);
        } else if (pipeline.pictureStep() == 1) {
            pipeline.setPictureStep(2);
            lastStep = now;
        } else if (!paused) {
            paused = true;
            pausedUntil = now + PAUSE_NANOS;
            pipeline.pause();
        }
    }

    private void setBitrate(int bitsPerSecond, long now) {
        bitrate = bitsPerSecond;
        lastStep = now;
        pipeline.setBitrate(bitsPerSecond);
    }

    /** Once a second or so: resumes a pause that has run its time. */
    public synchronized void tick(long now) {
        if (paused && now >= pausedUntil) {
            paused = false;
            lastStep = now;
            pipeline.requestKeyframe();
            pipeline.resume();
        }
    }

    /** The session asked for a key picture (a subscriber joined or missed pictures). */
    public void keyWanted() {
        pipeline.requestKeyframe();
    }

    /** The bitrate the encoder aims at now. */
    public synchronized int bitrate() {
        return bitrate;
    }

    public synchronized boolean paused() {
        return paused;
    }

    public VideoStats stats() {
        return pipeline.stats();
    }

    /** One line for the driver: what goes out, or why it does not. */
    public synchronized String status() {
        String error = pipeline.error();
        if (error != null) {
            return "Video stopped: " + error;
        }
        if (paused) {
            return "Video paused: the link is short, telemetry first";
        }
        if (offline) {
            return "Video waits for the connection to the team";
        }
        String rate = String.format(Locale.ROOT, "%.1f Mbit/s", bitrate / 1e6);
        if (pipeline.pictureStep() > 1) {
            return "Video lowered to " + rate + " at " + settings.fps() / pipeline.pictureStep()
                    + " pictures a second: the link is short";
        }
        if (bitrate < settings.bitrate()) {
            return "Video lowered to " + rate + ": the link is short";
        }
        return "Video " + settings.height() + "p" + settings.fps() + " at " + rate + " (" + pipeline.stats().encoder()
                + ")";
    }

    /**
     * A few words for the overlay's link line while the link holds video back ("video paused", "video 0.6 Mbit/s",
     * "video 0.5 Mbit/s 7 fps"); null while it goes out as set.
     */
    public synchronized String linkNote() {
        if (paused) {
            return "video paused";
        }
        String rate = String.format(Locale.ROOT, "video %.1f Mbit/s", bitrate / 1e6);
        if (pipeline.pictureStep() > 1) {
            return rate + " " + settings.fps() / pipeline.pictureStep() + " fps";
        }
        return bitrate < settings.bitrate() ? rate : null;
    }

    @Override
    public void close() {
        pipeline.close();
    }
}
