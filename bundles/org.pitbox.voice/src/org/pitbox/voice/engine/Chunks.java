package org.pitbox.voice.engine;

import java.io.InputStream;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Audio bytes handed from the capturing thread to a decoder thread as they arrive: the decoder's reads wait for
 * the next chunk, and end once {@link #end()} has been called and every chunk was read.
 */
final class Chunks extends InputStream {
    private static final byte[] END = new byte[0];

    private final LinkedBlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
    private byte[] current = new byte[0];
    private int at;
    private boolean ended;

    void add(byte[] chunk) {
        if (chunk.length > 0) {
            queue.add(chunk);
        }
    }

    void end() {
        queue.add(END);
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        while (at == current.length) {
            if (ended) {
                return -1;
            }
            try {
                current = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ended = true;
                return -1;
            }
            at = 0;
            ended = current == END;
        }
        int n = Math.min(len, current.length - at);
        System.arraycopy(current, at, b, off, n);
        at += n;
        return n;
    }
}
