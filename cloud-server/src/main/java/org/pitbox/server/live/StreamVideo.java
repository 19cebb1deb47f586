package org.pitbox.server.live;

import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A session's video pictures in JetStream's video stream, one subject per recording: when the driver moves to
 * another node the pictures stay, and the node that stores the session makes one MP4 of all of them.
 */
final class StreamVideo implements VideoRecording {
    private static final System.Logger LOG = System.getLogger(StreamVideo.class.getName());

    private final JetStreamLedger ledger;
    private final String recording;
    private final String subject;
    /** Bytes of pictures published and not yet acknowledged by JetStream. */
    private final AtomicLong unacknowledged = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private long kept;
    private CompletableFuture<PublishAck> last = CompletableFuture.completedFuture(null);

    StreamVideo(JetStreamLedger ledger, long teamId, String key, String recording) {
        this.ledger = ledger;
        this.recording = recording;
        this.subject = JetStreamLedger.videoSubject(teamId, key, recording);
    }

    /**
     * Publishes the picture without waiting; false while {@link StreamRecording#MAX_UNACKNOWLEDGED} bytes wait for
     * JetStream. Past {@link VideoMp4#MAX_BYTES} on this node, or while the video stream is full
     * ({@link JetStreamLedger#videoFull}), pictures are relayed only.
     */
    @Override
    public synchronized boolean append(long seq, byte[] message) {
        if (kept + message.length > VideoMp4.MAX_BYTES) {
            if (kept <= VideoMp4.MAX_BYTES) {
                kept = VideoMp4.MAX_BYTES + 1;
                LOG.log(System.Logger.Level.WARNING, subject + " reached " + VideoMp4.MAX_BYTES
                        + " bytes of video on this node: the rest is relayed but not recorded");
            }
            return true;
        }
        if (ledger.videoFull()) {
            refuse("the video stream is full");
            return true;
        }
        if (unacknowledged.get() + message.length > StreamRecording.MAX_UNACKNOWLEDGED) {
            return false;
        }
        kept += message.length;
        unacknowledged.addAndGet(message.length);
        last = ledger.js.publishAsync(subject, message, PublishOptions.builder().messageId(recording + ".v" + seq)
                .expectedStream(JetStreamLedger.VIDEO_STREAM).build());
        last.whenComplete((ack, failure) -> {
            unacknowledged.addAndGet(-message.length);
            if (failure != null) {
                ledger.markVideoFull();
                refuse("JetStream did not keep it: " + failure.getMessage());
            }
        });
        return true;
    }

    /** Counts a picture not recorded; the first of the recording is logged with why. */
    private void refuse(String why) {
        ledger.metrics.videoRefused();
        if (refused.getAndIncrement() == 0) {
            LOG.log(System.Logger.Level.WARNING, "a picture of " + subject + " is relayed but not recorded: " + why
                    + " (the next are counted in pitbox_live_video_refused_total)");
        }
    }

    /** Waits for the last picture's acknowledgement, then makes the MP4 of every picture of the recording. */
    @Override
    public Path finishVideo() throws IOException {
        CompletableFuture<PublishAck> pending;
        synchronized (this) {
            pending = last;
        }
        try {
            pending.get(JetStreamLedger.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(System.Logger.Level.WARNING, "the last pictures of " + subject + " may be missing: "
                    + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted storing " + subject, e);
        }
        return ledger.assembleVideo(recording, subject);
    }

    @Override
    public void abandon() {
        // the pictures stay in JetStream for the node that carries on
    }
}
