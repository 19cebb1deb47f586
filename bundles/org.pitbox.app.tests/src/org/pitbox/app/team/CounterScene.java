package org.pitbox.app.team;

import org.pitbox.video.FrameSource;
import org.pitbox.video.VideoPicture;

/**
 * A moving scene with its picture number drawn in as 12 black or white blocks along the top, paced at a frame rate
 * like a capture device; {@link #counter} reads the number back from a decoded picture.
 */
final class CounterScene implements FrameSource {
    static final int BITS = 12;
    private static final int BLOCK = 16;

    private final int width;
    private final int height;
    private final int fps;
    private final long start = System.nanoTime();
    /** When each picture was made (System.nanoTime), by its number. */
    final long[] madeAt = new long[1 << BITS];
    private int n;

    CounterScene(int width, int height, int fps) {
        this.width = width;
        this.height = height;
        this.fps = fps;
    }

    @Override
    public VideoPicture grab() {
        long wait = start + n * 1_000_000_000L / fps - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        int[] argb = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean ball = Math.abs(x - (n * 7) % width) < 20 && Math.abs(y - height / 2) < 20;
                argb[y * width + x] = ball ? 0xFFE04020 : 0xFF000000 | (x * 255 / width) << 8 | (y * 255 / height);
            }
        }
        for (int bit = 0; bit < BITS; bit++) {
            int color = (n >> bit & 1) == 1 ? 0xFFFFFFFF : 0xFF000000;
            for (int y = 0; y < BLOCK; y++) {
                for (int x = bit * BLOCK; x < (bit + 1) * BLOCK; x++) {
                    argb[y * width + x] = color;
                }
            }
        }
        long now = System.nanoTime();
        madeAt[n & (madeAt.length - 1)] = now;
        VideoPicture p = new VideoPicture((now - start) / 1000, width, height, argb);
        n++;
        return p;
    }

    /** The picture number drawn into a (decoded) picture of this scene. */
    static int counter(VideoPicture p) {
        int n = 0;
        for (int bit = 0; bit < BITS; bit++) {
            int c = p.argb()[BLOCK / 2 * p.width() + bit * BLOCK + BLOCK / 2];
            int luma = ((c >> 16 & 255) + (c >> 8 & 255) + (c & 255)) / 3;
            n |= (luma > 128 ? 1 : 0) << bit;
        }
        return n;
    }

    @Override
    public void close() {
    }
}
