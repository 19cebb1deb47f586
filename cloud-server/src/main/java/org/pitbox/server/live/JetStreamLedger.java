package org.pitbox.server.live;

import io.nats.client.Connection;
import io.nats.client.IterableConsumer;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamStatusCheckedException;
import io.nats.client.KeyValue;
import io.nats.client.Message;
import io.nats.client.PurgeOptions;
import io.nats.client.api.DiscardPolicy;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.OrderedConsumerConfiguration;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.pitbox.protocol.codec.CodecException;
import org.pitbox.protocol.codec.FrameSchema;
import org.pitbox.protocol.live.LiveControl;

/**
 * Sessions shared by all nodes through JetStream. The stream {@value #STREAM} keeps every session's frames
 * under {@code pitbox.live.rec.{team}.{key}.{recording}}, each with its seq in the message id so repeats
 * are dropped; the KV bucket {@value #BUCKET} holds, per {@code {team}.{key}}, who publishes it, where and
 * which recording. A claim is a compare-and-set on that entry, refreshed while the session lives and
 * forgotten {@link #CLAIM_TTL} after its node stops refreshing it.
 * <p>
 * The bucket {@value #RECORDINGS} keeps, per recording until it is stored, what storing it takes. Every node
 * sweeps it: a recording that no claim names and whose newest frame is older than the config's
 * {@code orphanAfter} (its node crashed) is stored by the node that first takes it, a compare-and-set on its
 * entry, so exactly one node stores it (again only if that node dies while storing, after {@link #STORING_TIMEOUT}).
 */
final class JetStreamLedger implements Ledger {
    private static final System.Logger LOG = System.getLogger(JetStreamLedger.class.getName());
    static final String STREAM = "PITBOX_LIVE";
    /** Video pictures, apart from the frames: when it is full, video is refused and telemetry is not touched. */
    static final String VIDEO_STREAM = "PITBOX_LIVE_VIDEO";
    /**
     * The share of the video stream's bytes past which pictures are refused here, before NATS must refuse them:
     * nats-server 2.9 was seen to drop the stream's oldest picture to take a new one as the stream filled.
     */
    static final double VIDEO_FULL = 0.9;
    /** How often the video stream's bytes are read. */
    static final Duration VIDEO_CHECK = Duration.ofSeconds(1);
    static final String BUCKET = "pitbox-live-sessions";
    static final String RECORDINGS = "pitbox-live-recordings";
    static final Duration CLAIM_TTL = Duration.ofSeconds(30);
    static final Duration STORING_TIMEOUT = Duration.ofMinutes(10);
    static final Duration WAIT = Duration.ofSeconds(10);

    /** The KV value: the holder of a session key. */
    record Holder(String node, String recording, long userId, String name, byte[] schema, int rate) {
    }

    /** A recording's entry: its session, and the node storing it since when (epoch ms), or null. */
    record Meta(long teamId, String key, long userId, byte[] schema, int rate, String sessionInfo, String storingNode,
            long storingSince) {
        Meta storing(String by, long now) {
            return new Meta(teamId, key, userId, schema, rate, sessionInfo, by, now);
        }
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
    private final KeyValue recordings;
    private final Duration orphanAfter;
    private final Executor work;
    private final RecordingSink sink;
    final LiveMetrics metrics;
    private volatile boolean videoFull;
    private boolean videoCheckFailed;

    /**
     * Sets up the stream and the buckets; {@code node} names this node in the claims it makes. Orphaned
     * recordings are stored on {@code work}, then handed to {@code sink}; video pictures the stream refuses go to
     * {@code metrics}.
     */
    JetStreamLedger(Connection nats, Bus bus, String node, ScheduledExecutorService timer, Path liveDir,
            Duration orphanAfter, Executor work, RecordingSink sink, LiveMetrics metrics) throws IOException {
        this.bus = bus;
        this.node = node;
        this.timer = timer;
        this.liveDir = liveDir;
        this.orphanAfter = orphanAfter;
        this.work = work;
        this.sink = sink;
        this.metrics = metrics;
        try {
            jsm = nats.jetStreamManagement();
            if (!jsm.getStreamNames().contains(STREAM)) {
                jsm.addStream(StreamConfiguration.builder().name(STREAM).subjects("pitbox.live.rec.>")
                        .storageType(StorageType.File).maxAge(Duration.ofDays(2)).maxBytes(8L << 30)
                        .duplicateWindow(Duration.ofMinutes(5)).build());
            }
            if (!jsm.getStreamNames().contains(VIDEO_STREAM)) {
                jsm.addStream(StreamConfiguration.builder().name(VIDEO_STREAM).subjects("pitbox.live.video.>")
                        .storageType(StorageType.File).maxAge(Duration.ofDays(2)).maxBytes(8L << 30)
                        .discardPolicy(DiscardPolicy.New).duplicateWindow(Duration.ofMinutes(5)).build());
            }
            var kvm = nats.keyValueManagement();
            if (!kvm.getBucketNames().contains(BUCKET)) {
                kvm.create(KeyValueConfiguration.builder().name(BUCKET).ttl(CLAIM_TTL)
                        .storageType(StorageType.File).build());
            }
            if (!kvm.getBucketNames().contains(RECORDINGS)) {
                kvm.create(KeyValueConfiguration.builder().name(RECORDINGS).storageType(StorageType.File).build());
            }
        } catch (JetStreamApiException e) {
            throw new IOException("cannot set up JetStream: " + e.getMessage(), e);
        }
        js = nats.jetStream();
        claims = nats.keyValue(BUCKET);
        recordings = nats.keyValue(RECORDINGS);
        long every = Math.clamp(orphanAfter.toMillis() / 4, 200, 30_000);
        timer.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::checkVideoRoom, 0, VIDEO_CHECK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether the video stream is past {@link #VIDEO_FULL} of its bytes, or NATS refused a picture since. */
    boolean videoFull() {
        return videoFull;
    }

    /** NATS refused a picture: none goes to it until the next check finds room. */
    void markVideoFull() {
        videoFull = true;
    }

    private void checkVideoRoom() {
        try {
            var info = jsm.getStreamInfo(VIDEO_STREAM);
            long max = info.getConfiguration().getMaxBytes();
            videoFull = max > 0 && info.getStreamState().getByteCount() >= max * VIDEO_FULL;
            videoCheckFailed = false;
        } catch (IOException | JetStreamApiException | RuntimeException e) { // a throw would end the checks
            if (!videoCheckFailed) { // the last reading stands meanwhile
                videoCheckFailed = true;
                LOG.log(System.Logger.Level.WARNING, "cannot read the video stream's size: " + e.getMessage());
            }
        }
    }

    @Override
    public Recording.Claim claim(long teamId, String key, LiveMember driver, FrameSchema schema, int rate,
            String sessionInfo) throws IOException {
        String entry = teamId + "." + key;
        byte[] schemaBytes = schema.toBytes();
        try {
            for (int attempt = 0; attempt < 5; attempt++) {
                KeyValueEntry e = claims.get(entry);
                if (e == null || e.getOperation() != KeyValueOperation.PUT) {
                    Holder h = new Holder(node, UUID.randomUUID().toString(), driver.userId(),
                            driver.displayName(), schemaBytes, rate);
                    try {
                        recordings.put(h.recording(), Json.bytes(new Meta(teamId, key, driver.userId(), schemaBytes,
                                rate, sessionInfo, null, 0)));
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
                if (!same) {
                    recordings.put(h.recording(), Json.bytes(new Meta(teamId, key, driver.userId(), schemaBytes,
                            rate, sessionInfo, null, 0)));
                }
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

    static String videoSubject(long teamId, String key, String recording) {
        return "pitbox.live.video." + teamId + "." + key + "." + recording;
    }

    /**
     * Takes the recording for this node to store: false when another node is storing it. A recording without an
     * entry (of a node from before the entries) is this node's.
     */
    boolean take(String recording) throws IOException {
        try {
            KeyValueEntry e = recordings.get(recording);
            return e == null || e.getOperation() != KeyValueOperation.PUT || take(recording, e);
        } catch (JetStreamApiException e) {
            throw new IOException("cannot take recording " + recording + ": " + e.getMessage(), e);
        }
    }

    private boolean take(String recording, KeyValueEntry e) throws IOException, JetStreamApiException {
        Meta m = Json.readOrNull(e.getValue(), Meta.class);
        long now = System.currentTimeMillis();
        if (m == null || m.storingNode() != null && now - m.storingSince() < STORING_TIMEOUT.toMillis()) {
            return false;
        }
        try {
            recordings.update(recording, Json.bytes(m.storing(node, now)), e.getRevision());
            return true;
        } catch (JetStreamApiException taken) {
            return false;
        }
    }

    /** The recording is stored: its entry goes. */
    void forget(String recording) {
        try {
            recordings.delete(recording);
        } catch (IOException | JetStreamApiException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot forget stored recording " + recording, e);
        }
    }

    /** Stores the recordings whose node has gone: no claim names them and their newest frame is old. */
    private void sweep() {
        try {
            for (String recording : recordings.keys()) {
                KeyValueEntry e = recordings.get(recording);
                Meta m = e == null || e.getOperation() != KeyValueOperation.PUT ? null
                        : Json.readOrNull(e.getValue(), Meta.class);
                if (m == null || m.storingNode() != null && System.currentTimeMillis() - m.storingSince()
                        < STORING_TIMEOUT.toMillis() || owned(m, recording)) {
                    continue;
                }
                String subject = subject(m.teamId(), m.key(), recording);
                MessageInfo last = lastMessage(subject);
                ZonedDateTime lastAt = last == null ? e.getCreated() : last.getTime();
                if (Duration.between(lastAt.toInstant(), Instant.now()).compareTo(orphanAfter) < 0
                        || !take(recording, e)) {
                    continue;
                }
                if (last == null) {
                    forget(recording); // claimed, never recorded
                    continue;
                }
                work.execute(() -> storeOrphan(recording, subject, m));
            }
        } catch (IOException | JetStreamApiException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot look for orphaned live recordings: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean owned(Meta m, String recording) throws IOException, JetStreamApiException {
        KeyValueEntry e = claims.get(m.teamId() + "." + m.key());
        if (e == null || e.getOperation() != KeyValueOperation.PUT) {
            return false;
        }
        Holder h = Json.readOrNull(e.getValue(), Holder.class);
        return h != null && recording.equals(h.recording());
    }

    private void storeOrphan(String recording, String subject, Meta m) {
        try {
            FrameSchema schema = FrameSchema.fromBytes(m.schema());
            Path ibt = assemble(recording, subject, schema, m.rate(), m.sessionInfo());
            forget(recording);
            Path video = null;
            try {
                video = assembleVideo(recording, videoSubject(m.teamId(), m.key(), recording));
            } catch (IOException | RuntimeException e) { // the telemetry is stored all the same
                LOG.log(System.Logger.Level.ERROR, "the video of orphaned recording " + recording
                        + " could not be stored", e);
            }
            LOG.log(System.Logger.Level.INFO, "live session " + m.key() + " of team " + m.teamId()
                    + " was left by a stopped node: stored from JetStream");
            sink.sessionEnded(m.teamId(), m.userId(), m.key(), schema, m.sessionInfo(), ibt, video);
        } catch (IOException | CodecException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "orphaned live recording " + recording + " could not be stored; it"
                    + " stays in JetStream and is tried again after " + STORING_TIMEOUT.toMinutes() + " min", e);
        }
    }

    /** The last message of a subject, or null. */
    MessageInfo lastMessage(String subject) throws IOException, JetStreamApiException {
        return lastMessage(STREAM, subject);
    }

    private MessageInfo lastMessage(String stream, String subject) throws IOException, JetStreamApiException {
        try {
            return jsm.getLastMessage(stream, subject);
        } catch (JetStreamApiException e) {
            if (e.getErrorCode() == 404) {
                return null;
            }
            throw e;
        }
    }

    /** Decodes the recording's frames into {@code <recording>.ibt} under the live folder, then purges them. */
    Path assemble(String recording, String subject, FrameSchema schema, int rate, String sessionInfo)
            throws IOException {
        Files.createDirectories(liveDir);
        Path ibt = liveDir.resolve(recording + ".ibt");
        Recorder[] recorder = new Recorder[1];
        try {
            boolean any = replay(STREAM, subject, m -> {
                if (recorder[0] == null) {
                    recorder[0] = new Recorder(ibt, schema, rate, sessionInfo, m.metaData().timestamp().toEpochSecond());
                }
                recorder[0].frame(m.getData());
            });
            if (!any) {
                new Recorder(ibt, schema, rate, sessionInfo, System.currentTimeMillis() / 1000).close();
            }
        } finally {
            if (recorder[0] != null) {
                recorder[0].close();
            }
        }
        purge(STREAM, subject);
        return ibt;
    }

    /**
     * Makes {@code <recording>.mp4} under the live folder of the recording's pictures, then purges them; null when
     * it has none.
     */
    Path assembleVideo(String recording, String subject) throws IOException {
        Files.createDirectories(liveDir);
        Path mp4 = liveDir.resolve(recording + ".mp4");
        long pictures;
        try (VideoMp4 writer = new VideoMp4(mp4)) {
            replay(VIDEO_STREAM, subject, m -> writer.picture(m.getData()));
            pictures = writer.pictures();
        }
        purge(VIDEO_STREAM, subject);
        if (pictures == 0) {
            Files.deleteIfExists(mp4);
            return null;
        }
        return mp4;
    }

    private interface MessageReader {
        void read(Message m) throws IOException;
    }

    /** Gives every message of the subject to reader in order; false when it has none. */
    private boolean replay(String stream, String subject, MessageReader reader) throws IOException {
        try {
            MessageInfo end = lastMessage(stream, subject);
            if (end == null) {
                return false;
            }
            IterableConsumer messages = js.getStreamContext(stream)
                    .createOrderedConsumer(new OrderedConsumerConfiguration().filterSubject(subject)).iterate();
            try {
                for (Message m = next(messages);; m = next(messages)) {
                    reader.read(m);
                    if (m.metaData().streamSequence() >= end.getSeq()) {
                        break;
                    }
                }
            } finally {
                messages.stop();
            }
            return true;
        } catch (JetStreamApiException | JetStreamStatusCheckedException e) {
            throw new IOException("cannot read " + subject + " from JetStream: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted reading " + subject, e);
        }
    }

    /** Deletes the subject's messages, once what they held is written. */
    private void purge(String stream, String subject) throws IOException {
        try {
            jsm.purgeStream(stream, PurgeOptions.subject(subject));
        } catch (JetStreamApiException e) {
            throw new IOException("cannot purge " + subject + " from JetStream: " + e.getMessage(), e);
        }
    }

    private static Message next(IterableConsumer frames) throws InterruptedException,
            JetStreamStatusCheckedException, IOException {
        Message m = frames.nextMessage(WAIT);
        if (m == null) {
            throw new IOException("JetStream sent no message within " + WAIT.toSeconds() + " s");
        }
        return m;
    }
}
