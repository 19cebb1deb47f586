package org.pitbox.server.live;

import io.nats.client.IterableConsumer;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamStatusCheckedException;
import io.nats.client.Message;
import io.nats.client.PublishOptions;
import io.nats.client.PurgeOptions;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.OrderedConsumerConfiguration;
import io.nats.client.api.PublishAck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.pitbox.protocol.codec.FrameSchema;
import org.pitbox.protocol.live.LiveProtocol;

/** A session's frames in the JetStream stream, one subject per recording, and its claim in the KV bucket. */
final class StreamRecording implements Recording {
    private static final System.Logger LOG = System.getLogger(StreamRecording.class.getName());
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final JetStreamLedger ledger;
    private final String entry;
    private final String subject;
    private final String recording;
    private final byte[] holder;
    private final ScheduledFuture<?> refresher;
    private final Object claim = new Object();
    private long revision;
    private CompletableFuture<PublishAck> last = CompletableFuture.completedFuture(null);

    StreamRecording(JetStreamLedger ledger, String entry, long teamId, String key, JetStreamLedger.Holder h,
            long revision) {
        this.ledger = ledger;
        this.entry = entry;
        this.recording = h.recording();
        this.subject = JetStreamLedger.subject(teamId, key, recording);
        this.holder = Json.bytes(h);
        this.revision = revision;
        long every = JetStreamLedger.CLAIM_TTL.toMillis() / 3;
        this.refresher = ledger.timer.scheduleAtFixedRate(this::refresh, every, every,
                TimeUnit.MILLISECONDS);
    }

    /** The last frame in the stream, 0 if none. */
    long lastStored() throws IOException, JetStreamApiException {
        MessageInfo m = lastMessage();
        return m == null ? 0 : LiveProtocol.number(m.getData());
    }

    private MessageInfo lastMessage() throws IOException, JetStreamApiException {
        try {
            return ledger.jsm.getLastMessage(JetStreamLedger.STREAM, subject);
        } catch (JetStreamApiException e) {
            if (e.getErrorCode() == 404) {
                return null;
            }
            throw e;
        }
    }

    @Override
    public synchronized void append(long seq, byte[] message) {
        last = ledger.js.publishAsync(subject, message,
                PublishOptions.builder().messageId(recording + "." + seq).expectedStream(JetStreamLedger.STREAM).build());
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
        Path dir = ledger.liveDir;
        Files.createDirectories(dir);
        Path ibt = dir.resolve(recording + ".ibt");
        try {
            pending.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            MessageInfo end = lastMessage();
            if (end == null) {
                new Recorder(ibt, schema, rate, sessionInfo, System.currentTimeMillis() / 1000).close();
                return ibt;
            }
            IterableConsumer frames = ledger.js.getStreamContext(JetStreamLedger.STREAM)
                    .createOrderedConsumer(new OrderedConsumerConfiguration().filterSubject(subject)).iterate();
            try {
                Message m = next(frames);
                try (Recorder recorder = new Recorder(ibt, schema, rate, sessionInfo,
                        m.metaData().timestamp().toEpochSecond())) {
                    for (;; m = next(frames)) {
                        recorder.frame(m.getData());
                        if (m.metaData().streamSequence() >= end.getSeq()) {
                            break;
                        }
                    }
                }
            } finally {
                frames.stop();
            }
            ledger.jsm.purgeStream(JetStreamLedger.STREAM, PurgeOptions.subject(subject));
        } catch (JetStreamApiException | JetStreamStatusCheckedException | ExecutionException | TimeoutException e) {
            throw new IOException("cannot read " + subject + " from JetStream: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted reading " + subject, e);
        }
        return ibt;
    }

    private static Message next(IterableConsumer frames) throws InterruptedException,
            JetStreamStatusCheckedException, IOException {
        Message m = frames.nextMessage(WAIT);
        if (m == null) {
            throw new IOException("JetStream sent no message within " + WAIT.toSeconds() + " s");
        }
        return m;
    }

    @Override
    public void abandon() {
        refresher.cancel(false);
    }
}
