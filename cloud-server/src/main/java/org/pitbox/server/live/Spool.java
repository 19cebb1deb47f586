package org.pitbox.server.live;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.pitbox.protocol.codec.FrameSchema;

/**
 * A session's frames on this node's disk as they arrive ({@code [u32 length][FRAME message]}), bounded memory.
 * The relay only hands frames over: the {@link HandOff}'s writer thread opens the file and writes them, so no relay
 * thread waits on the disk; while the node's spools hold the hand-off's bytes not yet written, {@link #append}
 * refuses (the publisher sends the frame again from its own spool). Each spool has its own name
 * ({@code team-key-uuid}): sessions of one key opened at once never share a file. Past {@code maxBytes} frames are
 * no longer kept: the recording ends there, and {@code onCut} runs once.
 */
final class Spool implements Recording, VideoRecording {
    /** Bytes of frames all spools of a node may hold for their writer. */
    static final long HAND_OFF_BYTES = 32 << 20;
    private static final System.Logger LOG = System.getLogger(Spool.class.getName());

    /** The writer of a node's spools, and the bytes handed to it and not yet written, at most {@code maxBytes}. */
    static final class HandOff {
        private final Executor writer;
        private final long maxBytes;
        private final AtomicLong pending = new AtomicLong();

        HandOff(Executor writer, long maxBytes) {
            this.writer = writer;
            this.maxBytes = maxBytes;
        }

        private boolean take(int bytes) {
            if (pending.addAndGet(bytes) <= maxBytes) {
                return true;
            }
            pending.addAndGet(-bytes);
            return false;
        }
    }

    private final Path dir;
    private final Path spool;
    private final Path ibt;
    private final long startSeconds = System.currentTimeMillis() / 1000;
    private final long maxBytes;
    private final Runnable onCut;
    private final HandOff handOff;
    /** Frames (byte[]) and what runs once they are written (Runnable), in order. */
    private final ArrayDeque<Object> pending = new ArrayDeque<>();
    private boolean writing;
    private boolean abandoned;
    private IOException failed;
    private long written;
    /** Touched by the writer only, and by finish once it has stopped. */
    private DataOutputStream out;

    Spool(Path dir, long teamId, String key, long maxBytes, Runnable onCut, HandOff handOff) {
        this(dir, teamId + "-" + key + "-" + UUID.randomUUID(), maxBytes, onCut, handOff);
    }

    /** A spool of a session's video pictures, bounded by {@link VideoMp4#MAX_BYTES}. */
    static Spool video(Path dir, long teamId, String key, Runnable onCut, HandOff handOff) {
        return new Spool(dir, teamId + "-" + key + "-" + UUID.randomUUID() + "-video", VideoMp4.MAX_BYTES, onCut,
                handOff);
    }

    private Spool(Path dir, String name, long maxBytes, Runnable onCut, HandOff handOff) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.onCut = onCut;
        this.handOff = handOff;
        this.spool = dir.resolve(name + ".frames");
        this.ibt = dir.resolve(name + ".ibt");
    }

    @Override
    public synchronized boolean append(long seq, byte[] message) throws IOException {
        if (failed != null) {
            throw failed;
        }
        if (written > maxBytes) {
            return true;
        }
        if (written + Integer.BYTES + message.length > maxBytes) {
            written = maxBytes + 1;
            LOG.log(System.Logger.Level.WARNING, spool.getFileName() + " reached " + maxBytes
                    + " bytes: the rest of the session is relayed but not recorded");
            onCut.run();
            return true;
        }
        if (!handOff.take(message.length)) {
            return false;
        }
        written += Integer.BYTES + message.length;
        pending.add(message);
        startWriter();
        return true;
    }

    /** Runs then on the writer's thread once every frame handed over so far is written; never after a failure. */
    @Override
    public synchronized void whenKept(Runnable then) {
        pending.add(then);
        startWriter();
    }

    private void startWriter() {
        if (!writing) {
            writing = true;
            handOff.writer.execute(this::write);
        }
    }

    /** On the writer's thread: writes what was handed over until nothing is left. */
    private void write() {
        while (true) {
            Object next;
            boolean ok;
            synchronized (this) {
                next = pending.poll();
                if (next == null || abandoned) {
                    writing = false;
                    notifyAll();
                    if (abandoned) {
                        delete();
                    }
                    return;
                }
                ok = failed == null;
            }
            if (next instanceof byte[] m) {
                handOff.pending.addAndGet(-m.length);
            }
            if (!ok) {
                continue;
            }
            if (next instanceof byte[] m) {
                try {
                    if (out == null) {
                        Files.createDirectories(dir);
                        out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(spool,
                                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16));
                    }
                    out.writeInt(m.length);
                    out.write(m);
                } catch (IOException e) {
                    synchronized (this) {
                        failed = e;
                    }
                }
            } else {
                ((Runnable) next).run();
            }
        }
    }

    /** Waits until the writer has written everything handed over. */
    private synchronized void awaitWritten() throws IOException {
        boolean interrupted = false;
        while (writing) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failed != null) {
            throw failed;
        }
    }

    @Override
    public void release() {
    }

    @Override
    public Path finish(FrameSchema schema, int rate, String sessionInfo) throws IOException {
        try (Recorder recorder = new Recorder(ibt, schema, rate, sessionInfo, startSeconds)) {
            replay(recorder::frame);
        }
        return ibt;
    }

    /** Turns a spool of VIDEO messages into an MP4, which it returns; null if it holds no picture. */
    @Override
    public Path finishVideo() throws IOException {
        Path mp4 = dir.resolve(spool.getFileName().toString().replace(".frames", ".mp4"));
        long pictures;
        try (VideoMp4 writer = new VideoMp4(mp4)) {
            replay(writer::picture);
            pictures = writer.pictures();
        }
        if (pictures == 0) {
            Files.deleteIfExists(mp4);
            return null;
        }
        return mp4;
    }

    private interface MessageReader {
        void read(byte[] message) throws IOException;
    }

    /** Waits until every message handed over is written, gives them to reader in order, and deletes the spool. */
    private void replay(MessageReader reader) throws IOException {
        awaitWritten();
        if (out == null) {
            Files.createDirectories(dir);
            Files.createFile(spool); // a session without frames
        } else {
            out.close();
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(spool), 1 << 16))) {
            while (true) {
                int length;
                try {
                    length = in.readInt();
                } catch (EOFException end) {
                    break;
                }
                reader.read(in.readNBytes(length));
            }
        }
        Files.delete(spool);
    }

    @Override
    public synchronized void abandon() {
        abandoned = true;
        for (Object o : pending) {
            if (o instanceof byte[] m) {
                handOff.pending.addAndGet(-m.length);
            }
        }
        pending.clear();
        if (!writing) {
            delete();
        }
    }

    private void delete() {
        try {
            if (out != null) {
                out.close();
            }
            Files.deleteIfExists(spool);
        } catch (IOException e) {
            // nothing to keep
        }
    }
}
