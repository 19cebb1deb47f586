package org.pitbox.ui.tests;

import org.pitbox.video.FrameSource;
import org.pitbox.video.VideoPicture;

/**
 * A driver's view for video tests, paced like a capture device: sky, grass, the road running to the horizon with its
 * centre line moving, and the car's nose.
 */
final class OnboardScene implements FrameSource {
    private final int width;
    private final int height;
    private final int fps;
    private final long start = System.nanoTime();
    private int n;

    OnboardScene(int width, int height, int fps) {
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
        int horizon = height * 2 / 5;
        double bend = 0.3 * Math.sin(n / 40.0);
        int[] argb = new int[width * height];
        for (int y = 0; y < height; y++) {
            double depth = y <= horizon ? 0 : (double) (y - horizon) / (height - horizon);
            int centre = (int) (width / 2 + bend * width * (1 - depth) * (1 - depth));
            int half = (int) (width * 0.45 * depth);
            boolean dash = ((int) (8 / Math.max(depth, 0.05)) + n) % 8 < 4;
            for (int x = 0; x < width; x++) {
                int c;
                if (y <= horizon) {
                    c = 0xFF000000 | (90 + y * 80 / horizon) << 16 | (140 + y * 60 / horizon) << 8 | 230;
                } else if (Math.abs(x - centre) < half) {
                    c = Math.abs(x - centre) < Math.max(1, half / 40) && dash ? 0xFFF0F0F0 : 0xFF505458;
                } else {
                    c = 0xFF2E7D32;
                }
                argb[y * width + x] = c;
            }
        }
        for (int y = height * 5 / 6; y < height; y++) { // the car's nose
            int half = (height - y) * 3 + width / 8;
            for (int x = width / 2 - half; x < width / 2 + half; x++) {
                argb[y * width + x] = 0xFFC62828;
            }
        }
        VideoPicture p = new VideoPicture((System.nanoTime() - start) / 1000, width, height, argb);
        n++;
        return p;
    }

    @Override
    public void close() {
    }
}
