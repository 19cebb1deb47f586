package org.pitbox.server.live;

import io.nats.client.JetStreamApiException;
import io.nats.client.PublishOptions;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.PublishAck;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.pitbox.protocol.codec.FrameSchema;
import org.pitbox.protocol.live.LiveProtocol;

/** A session's frames in the JetStream stream, one subject per recording, and its claim in the KV bucket. */
final class StreamRecording implements Recording {
    private static final System.Logger LOG = System.getLogger(StreamRecording.class.getName());
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Bytes of a recording's frames that may wait for JetStream's acknowledgement before {@link #append} refuses. */
    static final long MAX_UNACKNOWLEDGED = 8 << 20;

    private final JetStreamLedger ledger;
    private final String entry;
    private final String subject;
    private final String recording;
    private final long teamId;
    private final String key;
    private final byte[] holder;
    private final ScheduledFuture<?> refresher;
    private final Object claim = new Object();
    private long revision;
    private CompletableFuture<PublishAck> last = CompletableFuture.completedFuture(null);
    /** Bytes of frames published and not yet acknowledged by JetStream. */
    private final AtomicLong unacknowledged = new AtomicLong();

    StreamRecording(JetStreamLedger ledger, String entry, long teamId, String key, JetStreamLedger.Holder h,
            long revision) {
        this.ledger = ledger;
        this.entry = entry;
        this.recording = h.recording();
        this.teamId = teamId;
        this.key = key;
        this.subject = JetStreamLedger.subject(teamId, key, recording);
        this.holder = Json.bytes(h);
        this.revision = revision;
        long every = JetStreamLedger.CLAIM_TTL.toMillis() / 3;
        this.refresher = ledger.timer.scheduleAtFixedRate(this::refresh, every, every,
                TimeUnit.MILLISECONDS);
    }

    /** The recording's video, kept in JetStream beside its frames. */
    StreamVideo video() {
        return new StreamVideo(ledger, teamId, key, recording);
    }

    /** The last frame in the stream, 0 if none. */
    long lastStored() throws IOException, JetStreamApiException {
        MessageInfo m = ledger.lastMessage(subject);
        return m == null ? 0 : LiveProtocol.number(m.getData());
    }

    /** False while {@link #MAX_UNACKNOWLEDGED} bytes of frames wait for JetStream's acknowledgement. */
    @Override
    public synchronized boolean append(long seq, byte[] message) {
        if (unacknowledged.get() + message.length > MAX_UNACKNOWLEDGED) {
            return false;
        }
        unacknowledged.addAndGet(message.length);
        last = ledger.js.publishAsync(subject, message,
                PublishOptions.builder().messageId(recording + "." + seq).expectedStream(JetStreamLedger.STREAM).build());
        last.whenComplete((ack, failure) -> unacknowledged.addAndGet(-message.length));
        return true;
    }

    @Override
    public synchronized void whenKept(Runnable then) {
        last.whenComplete((ack, failure) -> {
            if (failure == null) {
                then.run();
            } else {
                LOG.log(System.Logger.Level.WARNING, "JetStream did not keep a frame of " + subject, failure);
            }
        });
    }

    /** Keeps the claim alive; stops once another node has taken the key. */
    private void refresh() {
        synchronized (claim) {
            try {
                revision = ledger.claims.update(entry, holder, revision);
            } catch (IOException | JetStreamApiException e) {
                refresher.cancel(false);
            }
        }
    }

    @Override
    public void release() {
        synchronized (claim) {
            refresher.cancel(false);
            try {
                ledger.claims.delete(entry, revision);
            } catch (IOException | JetStreamApiException e) {
                // taken by another node meanwhile, or gone with the TTL
            }
        }
    }

    @Override
    public Path finish(FrameSchema schema, int rate, String sessionInfo) throws IOException {
        CompletableFuture<PublishAck> pending;
        synchronized (this) {
            pending = last;
        }
        try {
            pending.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("JetStream did not keep the last frames of " + subject + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted storing " + subject, e);
        }
        if (!ledger.take(recording)) {
            return null; // another node found it orphaned and stores it
        }
        Path ibt = ledger.assemble(recording, subject, schema, rate, sessionInfo);
        ledger.forget(recording);
        return ibt;
    }

    @Override
    public void abandon() {
        refresher.cancel(false);
    }
}
