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
import java.util.UUID;
import org.pitbox.protocol.codec.FrameSchema;

/**
 * A session's frames on this node's disk as they arrive ({@code [u32 length][FRAME message]}), bounded memory.
 * Each spool has its own name ({@code team-key-uuid}): sessions of one key opened at once never share a file.
 * Past {@code maxBytes} frames are no longer kept: the recording ends there, and {@code onCut} runs once.
 */
final class Spool implements Recording {
    private static final System.Logger LOG = System.getLogger(Spool.class.getName());

    private final Path spool;
    private final Path ibt;
    private final long startSeconds = System.currentTimeMillis() / 1000;
    private final DataOutputStream out;
    private final long maxBytes;
    private final Runnable onCut;
    private long written;

    Spool(Path dir, long teamId, String key, long maxBytes, Runnable onCut) throws IOException {
        this.maxBytes = maxBytes;
        this.onCut = onCut;
        Files.createDirectories(dir);
        String name = teamId + "-" + key + "-" + UUID.randomUUID();
        this.spool = dir.resolve(name + ".frames");
        this.ibt = dir.resolve(name + ".ibt");
        this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(spool,
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16));
    }

    @Override
    public void append(long seq, byte[] message) throws IOException {
        if (written > maxBytes) {
            return;
        }
        written += Integer.BYTES + message.length;
        if (written > maxBytes) {
            LOG.log(System.Logger.Level.WARNING, spool.getFileName() + " reached " + maxBytes
                    + " bytes: the rest of the session is relayed but not recorded");
            onCut.run();
            return;
        }
        out.writeInt(message.length);
        out.write(message);
    }

    @Override
    public void whenKept(Runnable then) {
        then.run();
    }

    @Override
    public void release() {
    }

    @Override
    public Path finish(FrameSchema schema, int rate, String sessionInfo) throws IOException {
        out.close();
        try (Recorder recorder = new Recorder(ibt, schema, rate, sessionInfo, startSeconds);
                DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(spool), 1 << 16))) {
            while (true) {
                int length;
                try {
                    length = in.readInt();
                } catch (EOFException end) {
                    break;
                }
                recorder.frame(in.readNBytes(length));
            }
        }
        Files.delete(spool);
        return ibt;
    }

    @Override
    public void abandon() {
        try {
            out.close();
            Files.deleteIfExists(spool);
        } catch (IOException e) {
            // nothing to keep
        }
    }
}
