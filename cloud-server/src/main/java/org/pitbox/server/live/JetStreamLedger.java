package org.pitbox.server.live;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import org.pitbox.protocol.codec.FrameSchema;
import org.pitbox.protocol.live.LiveControl;

/**
 * Sessions shared by all nodes through JetStream. The stream {@value #STREAM} keeps every session's frames
 * under {@code pitbox.live.rec.{team}.{key}.{recording}}, each with its seq in the message id so repeats
 * are dropped; the KV bucket {@value #BUCKET} holds, per {@code {team}.{key}}, who publishes it, where and
 * which recording. A claim is a compare-and-set on that entry, refreshed while the session lives and
 * forgotten {@link #CLAIM_TTL} after its node stops refreshing it.
 */
final class JetStreamLedger implements Ledger {
    static final String STREAM = "PITBOX_LIVE";
    static final String BUCKET = "pitbox-live-sessions";
    static final Duration CLAIM_TTL = Duration.ofSeconds(30);

    /** The KV value: the holder of a session key. */
    record Holder(String node, String recording, long userId, String name, byte[] schema, int rate) {
    }

    private final Bus bus;
    private final String node;
    /** Keeps the claims alive. */
    final ScheduledExecutorService timer;
    /** Where finished recordings are written. */
    final Path liveDir;
    final JetStream js;
    final JetStreamManagement jsm;
    final KeyValue claims;

    /** Sets up the stream and the bucket; {@code node} names this node in the claims it makes. */
    JetStreamLedger(Connection nats, Bus bus, String node, ScheduledExecutorService timer, Path liveDir)
            throws IOException {
        this.bus = bus;
        this.node = node;
        this.timer = timer;
        this.liveDir = liveDir;
        try {
            jsm = nats.jetStreamManagement();
            if (!jsm.getStreamNames().contains(STREAM)) {
                jsm.addStream(StreamConfiguration.builder().name(STREAM).subjects("pitbox.live.rec.>")
                        .storageType(StorageType.File).maxAge(Duration.ofDays(2)).maxBytes(8L << 30)
                        .duplicateWindow(Duration.ofMinutes(5)).build());
            }
            var kvm = nats.keyValueManagement();
            if (!kvm.getBucketNames().contains(BUCKET)) {
                kvm.create(KeyValueConfiguration.builder().name(BUCKET).ttl(CLAIM_TTL)
                        .storageType(StorageType.File).build());
            }
        } catch (JetStreamApiException e) {
            throw new IOException("cannot set up JetStream: " + e.getMessage(), e);
        }
        js = nats.jetStream();
        claims = nats.keyValue(BUCKET);
    }

    @Override
    public Recording.Claim claim(long teamId, String key, LiveMember driver, FrameSchema schema, int rate)
            throws IOException {
        String entry = teamId + "." + key;
        byte[] schemaBytes = schema.toBytes();
        try {
            for (int attempt = 0; attempt < 5; attempt++) {
                KeyValueEntry e = claims.get(entry);
                if (e == null || e.getOperation() != KeyValueOperation.PUT) {
                    Holder h = new Holder(node, UUID.randomUUID().toString(), driver.userId(),
                            driver.displayName(), schemaBytes, rate);
                    try {
                        long revision = claims.create(entry, Json.bytes(h));
                        return new Recording.Claim(new StreamRecording(this, entry, teamId, key, h, revision), 0, null);
                    } catch (JetStreamApiException taken) {
                        continue;
                    }
                }
                Holder old = Json.read(e.getValue(), Holder.class);
                if (old.userId() != driver.userId()) {
                    return Recording.Claim.refused(old.name());
                }
                boolean same = Arrays.equals(old.schema(), schemaBytes) && old.rate() == rate;
                Holder h = new Holder(node, same ? old.recording() : UUID.randomUUID().toString(),
                        driver.userId(), driver.displayName(), schemaBytes, rate);
                long revision;
                try {
                    revision = claims.update(entry, Json.bytes(h), e.getRevision());
                } catch (JetStreamApiException taken) {
                    continue;
                }
                // the old node hands over quietly, or ends and stores its recording if the schema or rate changed
                bus.publish(Bus.control(teamId, key), Json.bytes(LiveControl.of(same ? Origin.MOVED
                        : LiveControl.END)));
                StreamRecording r = new StreamRecording(this, entry, teamId, key, h, revision);
                return new Recording.Claim(r, same ? r.lastStored() : 0, null);
            }
        } catch (JetStreamApiException e) {
            throw new IOException("cannot claim session " + key + ": " + e.getMessage(), e);
        }
        throw new IOException("session " + key + " is being claimed by another node");
    }

    static String subject(long teamId, String key, String recording) {
        return "pitbox.live.rec." + teamId + "." + key + "." + recording;
    }
}
