package org.pitbox.client.live;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.pitbox.protocol.codec.FrameDecoder;
import org.pitbox.protocol.codec.FrameEncoder;
import org.pitbox.protocol.codec.FrameSchema;

/**
 * Encoded frames on disk until the server acknowledges them: segment files of {@code [u32 length][frame]},
 * bounded in bytes, plus a {@code head} file (the head frame's seq and place) and a {@code schema} file (the
 * frame format's version and the schema the frames were encoded for).
 * <p>
 * Sequence numbers are positional: the head frame has {@code headSeq}, the next {@code headSeq + 1}, and so
 * on. Dropping frames at the head therefore leaves no gap; it only has to leave a keyframe at the head.
 * Thread-safe.
 */
final class FrameSpool implements Closeable {
    private static final String SUFFIX = ".seg";
    private static final String LOCK = "lock";

    /** Another spool, in this process or another, has the directory open. */
    static final class InUse extends IOException {
        InUse(Path dir) {
            super("the spool " + dir + " is in use");
        }
    }

    /** A frame to send with its seq. */
    record Frame(long seq, byte[] data) {
    }

    private record Entry(Segment segment, long offset, int length, boolean key) {
        long size() {
            return 4L + length;
        }
    }

    private static final class Segment {
        final long index;
        final Path path;
        final FileChannel channel;
        long size;
        int live;

        Segment(Path dir, long index) throws IOException {
            this.index = index;
            this.path = dir.resolve(String.format("%012d%s", index, SUFFIX));
            this.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            this.size = channel.size();
        }
    }

    private final Path dir;
    private final FileChannel lock;
    private final long bound;
    /** Segment files are deleted whole, so keep them small against the bound: disk use stays near it. */
    private final long segmentBytes;
    private final ArrayDeque<Segment> segments = new ArrayDeque<>();
    /** Sent and not yet acknowledged, then not yet sent; together the spool in order. */
    private final ArrayDeque<Entry> sent = new ArrayDeque<>();
    private final ArrayDeque<Entry> unsent = new ArrayDeque<>();
    private long headSeq = 1;
    private long bytes;
    private long dropped;
    /** The head must be a keyframe: frames were lost before it. */
    private boolean needKey;
    /** Sent frames were dropped: the server may hold some of them, so resynchronise with a new open. */
    private boolean sentDropped;

    /** Opens the spool in dir, keeping what a previous run left there if it was for the same frames. */
    FrameSpool(Path dir, long bound, FrameSchema schema) throws IOException {
        this.dir = dir;
        this.bound = bound;
        this.segmentBytes = Math.clamp(bound / 16, 4 << 10, 1 << 20);
        Files.createDirectories(dir);
        this.lock = lock(dir);
        Path schemaFile = dir.resolve("schema");
        byte[] schemaBytes = schema.toBytes();
        byte[] kind = ByteBuffer.allocate(1 + schemaBytes.length).put((byte) FrameEncoder.VERSION).put(schemaBytes)
                .array();
        try {
            if (!Files.exists(schemaFile) || !sameFrames(Files.readAllBytes(schemaFile), kind)) {
                deleteFiles(false);
                Files.write(schemaFile, kind);
            }
            recover();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Whether a spool described by {@code existing} holds frames of {@code kind}'s schema in a format this version
     * decodes: a spool left by the version before is kept and sent, its keyframes saying their format.
     */
    private static boolean sameFrames(byte[] existing, byte[] kind) {
        return existing.length == kind.length && FrameDecoder.reads(existing[0])
                && Arrays.equals(existing, 1, existing.length, kind, 1, kind.length);
    }

    /** Locks dir for this spool alone; a spool of another process keeps its lock while it runs. */
    private static FileChannel lock(Path dir) throws IOException {
        FileChannel c = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            if (c.tryLock() != null) {
                return c;
            }
        } catch (OverlappingFileLockException e) {
            // held in this process
        }
        c.close();
        throw new InUse(dir);
    }

    private void recover() throws IOException {
        long headSegment = -1;
        long headOffset = 0;
        Path headFile = dir.resolve("head");
        if (Files.exists(headFile)) {
            String[] parts = Files.readString(headFile).trim().split(" ");
            headSeq = Long.parseLong(parts[0]);
            headSegment = Long.parseLong(parts[1]);
            headOffset = Long.parseLong(parts[2]);
        }
        for (Path p : segmentFiles()) {
            long index = Long.parseLong(p.getFileName().toString().replace(SUFFIX, ""));
            if (index < headSegment) {
                Files.delete(p);
                continue;
            }
            Segment s = new Segment(dir, index);
            segments.add(s);
            ByteBuffer len = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            byte[] first = new byte[1];
            long at = 0;
            while (at + 4 <= s.size) {
                len.clear();
                s.channel.read(len, at);
                int n = len.flip().getInt();
                if (n < 2 || at + 4 + n > s.size) {
                    break;
                }
                s.channel.read(ByteBuffer.wrap(first), at + 4);
                if (index > headSegment || at >= headOffset) {
                    add(new Entry(s, at, n, FrameEncoder.isKeyframe(first, 0)));
                }
                at += 4 + n;
            }
            s.channel.truncate(at); // a record cut off by a crash
            s.size = at;
        }
        needKey = !Files.exists(headFile) && !isEmpty() && !unsent.peekFirst().key();
        dropToKeyframe();
    }

    private List<Path> segmentFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        }
    }

    private void add(Entry e) {
        unsent.add(e);
        e.segment.live++;
        bytes += e.size();
    }

    /**
     * Appends a frame, dropping the oldest ones when the spool is full. False (and nothing stored) when the
     * frame is a delta but the spool needs a keyframe first: encode the row again as a keyframe.
     */
    synchronized boolean append(byte[] frame, boolean key) throws IOException {
        if (bytes + 4 + frame.length > bound) {
            while (!isEmpty() && bytes + 4 + frame.length > bound) {
                dropHead();
            }
            dropToKeyframe();
        }
        if (isEmpty() && needKey && !key) {
            return false;
        }
        Segment s = segments.peekLast();
        if (s == null || s.size >= segmentBytes) {
            s = new Segment(dir, s == null ? 0 : s.index + 1);
            segments.add(s);
        }
        ByteBuffer b = ByteBuffer.allocate(4 + frame.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(frame.length).put(frame).flip();
        long at = s.size;
        while (b.hasRemaining()) {
            s.channel.write(b, at + b.position());
        }
        s.size += b.limit();
        add(new Entry(s, at, frame.length, key));
        needKey = false;
        notifyAll();
        return true;
    }

    /**
     * The next frame to send, waiting up to waitMillis for one; null if none, or while window frames are
     * waiting for their ACK.
     */
    synchronized Frame next(int window, long waitMillis) throws IOException, InterruptedException {
        long end = System.currentTimeMillis() + waitMillis;
        while (unsent.isEmpty() || sent.size() >= window) {
            long left = end - System.currentTimeMillis();
            if (left <= 0) {
                return null;
            }
            wait(left);
        }
        Entry e = unsent.removeFirst();
        sent.add(e);
        ByteBuffer b = ByteBuffer.allocate(e.length);
        while (b.hasRemaining()) {
            if (e.segment.channel.read(b, e.offset + 4 + b.position()) < 0) {
                throw new IOException("spool segment " + e.segment.path + " is short");
            }
        }
        return new Frame(headSeq + sent.size() - 1, b.array());
    }

    /** The server has recorded every frame up to seq. */
    synchronized void ack(long seq) throws IOException {
        while (!sent.isEmpty() && headSeq <= seq) {
            release(sent.removeFirst());
            headSeq++;
        }
        saveHead();
        notifyAll();
    }

    /**
     * A (re)opened connection: the server has recorded up to seq. Frames it has leave the spool, the rest
     * will be sent again from the head.
     */
    synchronized void opened(long seq) throws IOException {
        for (Iterator<Entry> it = sent.descendingIterator(); it.hasNext();) {
            unsent.addFirst(it.next());
        }
        sent.clear();
        if (seq >= headSeq - 1) {
            for (long n = seq - headSeq + 1; n > 0 && !isEmpty(); n--) {
                Entry e = unsent.removeFirst();
                release(e);
                if (sentDropped) {
                    dropped++; // the server holds other frames in their place
                }
            }
            if (sentDropped) {
                needKey = true;
            }
        } else {
            needKey = true; // the server lost frames: a new session from seq + 1
        }
        headSeq = seq + 1;
        sentDropped = false;
        dropToKeyframe();
        saveHead();
        notifyAll();
    }

    /** True once sent frames were dropped; reconnect so that open and opened resynchronise. */
    synchronized boolean needsResync() {
        return sentDropped;
    }

    private void dropHead() throws IOException {
        Entry e = sent.pollFirst();
        if (e != null) {
            sentDropped = true;
        } else {
            e = unsent.removeFirst();
        }
        release(e);
        dropped++;
        needKey = true;
    }

    private void dropToKeyframe() throws IOException {
        if (!needKey) {
            return;
        }
        while (!isEmpty() && !(sent.isEmpty() ? unsent.peekFirst() : sent.peekFirst()).key()) {
            dropHead();
        }
        saveHead();
    }

    private void release(Entry e) throws IOException {
        bytes -= e.size();
        Segment s = e.segment;
        if (--s.live == 0 && s != segments.peekLast()) {
            segments.remove(s);
            s.channel.close();
            Files.deleteIfExists(s.path);
        }
    }

    private void saveHead() throws IOException {
        Entry head = sent.isEmpty() ? unsent.peekFirst() : sent.peekFirst();
        Segment last = segments.peekLast();
        String text = head != null ? headSeq + " " + head.segment.index + " " + head.offset
                : headSeq + " " + (last == null ? 0 : last.index) + " " + (last == null ? 0 : last.size);
        Path tmp = dir.resolve("head.tmp");
        Files.writeString(tmp, text, StandardCharsets.US_ASCII);
        Files.move(tmp, dir.resolve("head"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** True when every frame kept has been sent on this connection. */
    synchronized boolean allSent() {
        return unsent.isEmpty();
    }

    synchronized boolean isEmpty() {
        return sent.isEmpty() && unsent.isEmpty();
    }

    /** Frames kept (sent and unsent). */
    synchronized int frames() {
        return sent.size() + unsent.size();
    }

    synchronized long bytes() {
        return bytes;
    }

    /** Frames dropped so far because the spool was full or the server had lost them. */
    synchronized long dropped() {
        return dropped;
    }

    /** The seq of the last frame kept or acknowledged. */
    synchronized long lastSeq() {
        return headSeq + frames() - 1;
    }

    /** Deletes the spool's files: the session is over. */
    synchronized void clear() throws IOException {
        close();
        deleteFiles(true);
    }

    private void deleteFiles(boolean withLock) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                if (withLock || !p.getFileName().toString().equals(LOCK)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Override
    public synchronized void close() throws IOException {
        for (Segment s : segments) {
            s.channel.close();
        }
        segments.clear();
        sent.clear();
        unsent.clear();
        bytes = 0;
        lock.close();
        notifyAll();
    }
}
