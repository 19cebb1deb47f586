package org.pitbox.protocol.codec;

import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Encode plus decode of one live frame, for a JMH harness: create once per trial, call
 * {@link #roundTrip()} per invocation (it cycles through the session's rows). main() gives a rough figure.
 */
public final class LiveCodecBenchmark {
    private final IbtSample session;
    private final FrameEncoder encoder;
    private final FrameDecoder decoder;
    private final ByteBuffer frame;
    private final byte[] out;
    private final byte[][] rows;
    private int next;

    public LiveCodecBenchmark(Path ibtFile) throws java.io.IOException {
        session = IbtSample.read(ibtFile);
        encoder = new FrameEncoder(session.schema());
        decoder = new FrameDecoder(session.schema());
        frame = ByteBuffer.allocate(encoder.maxFrameSize());
        out = new byte[session.schema().rowLength()];
        rows = new byte[session.rowCount()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = session.row(i);
        }
    }

    /** Encodes and decodes the next row; returns the frame size (consume it in the benchmark). */
    public int roundTrip() throws CodecException {
        if (next == rows.length) {
            next = 0;
            encoder.requestKeyframe();
        }
        frame.clear();
        int size = encoder.encode(rows[next++], frame);
        frame.flip();
        decoder.decode(frame, out);
        return size;
    }

    public static void main(String[] args) throws Exception {
        for (Path file : IbtSample.files()) {
            LiveCodecBenchmark bench = new LiveCodecBenchmark(file);
            long sink = 0;
            for (int i = 0; i < 200_000; i++) {
                sink += bench.roundTrip();
            }
            int n = 200_000;
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink += bench.roundTrip();
            }
            System.out.printf("%-64s %.2f us/frame (%d)%n", file.getFileName(), (System.nanoTime() - start) / 1e3 / n, sink);
        }
    }
}
