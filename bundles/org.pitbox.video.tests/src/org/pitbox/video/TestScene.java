package org.pitbox.video;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/** A moving synthetic scene with its frame counter drawn in as a bar code of 16 white or black blocks. */
final class TestScene {
    static final int BITS = 16;
    static final int BLOCK = 32;
    static final int MARGIN = 8;

    private TestScene() {
    }

    static VideoPicture picture(int n, int width, int height, long micros) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        draw(image.createGraphics(), n, width, height);
        int[] argb = ((DataBufferInt) image.getRaster().getDataBuffer()).getData().clone();
        addNoise(argb, n);
        return new VideoPicture(micros, width, height, argb);
    }

    /**
     * Fresh grey noise of +-4 levels each frame, like a real sim picture's detail: without it the flat scene costs
     * H.264 less than the cap and rate control cannot be checked.
     */
    static void addNoise(int[] argb, int n) {
        long seed = 0x9E3779B97F4A7C15L * (n + 1);
        for (int i = 0; i < argb.length; i++) {
            seed ^= seed << 13;
            seed ^= seed >>> 7;
            seed ^= seed << 17;
            int d = (int) (seed & 7) - 4;
            int p = argb[i];
            argb[i] = 0xFF000000 | clamp((p >> 16 & 255) + d) << 16 | clamp((p >> 8 & 255) + d) << 8 | clamp((p & 255) + d);
        }
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : v > 255 ? 255 : v;
    }

    /** Panning checkerboard with a gradient, a moving ball and the counter's bar code. */
    static void draw(Graphics2D g, int n, int width, int height) {
        int square = Math.max(16, width / 24);
        int shift = (n * 3) % (2 * square);
        for (int y = 0; y < height; y += square) {
            for (int x = -2 * square; x < width; x += square) {
                boolean dark = ((x + 2 * square) / square + y / square) % 2 == 0;
                int v = dark ? 60 + 100 * Math.max(0, x) / width : 160 - 60 * y / height;
                g.setColor(new Color(v, Math.min(255, v + 20), 255 - v));
                g.fillRect(x + shift, y, square, square);
            }
        }
        g.setColor(new Color(235, 200, 40));
        int r = height / 8;
        g.fillOval((width / 4 + n * 6) % width - r, height / 2 - r, 2 * r, 2 * r);
        g.setColor(Color.GRAY);
        g.fillRect(0, 0, 2 * MARGIN + BITS * (BLOCK + 4), BLOCK + 2 * MARGIN);
        for (int bit = 0; bit < BITS; bit++) {
            g.setColor((n >> bit & 1) == 1 ? Color.WHITE : Color.BLACK);
            g.fillRect(MARGIN + bit * (BLOCK + 4), MARGIN, BLOCK, BLOCK);
        }
    }

    /** The counter read back from a (decoded or captured) picture, top-left at (x0, y0). */
    static int counter(VideoPicture picture, int x0, int y0) {
        int n = 0;
        for (int bit = 0; bit < BITS; bit++) {
            int cx = x0 + MARGIN + bit * (BLOCK + 4) + BLOCK / 2;
            int cy = y0 + MARGIN + BLOCK / 2;
            double sum = 0;
            for (int dy = -4; dy < 4; dy++) {
                for (int dx = -4; dx < 4; dx++) {
                    sum += luma(picture.pixel(cx + dx, cy + dy));
                }
            }
            if (sum / 64 > 128) {
                n |= 1 << bit;
            }
        }
        return n;
    }

    static int counter(VideoPicture picture) {
        return counter(picture, 0, 0);
    }

    /** PSNR of the luma (BT.601) of two pictures of one size, in dB. */
    static double psnrY(VideoPicture a, VideoPicture b) {
        double se = 0;
        for (int i = 0; i < a.argb().length; i++) {
            double e = luma(a.argb()[i]) - luma(b.argb()[i]);
            se += e * e;
        }
        double mse = Math.max(se / a.argb().length, 1e-9);
        return 10 * Math.log10(255.0 * 255.0 / mse);
    }

    static double luma(int rgb) {
        return 0.299 * (rgb >> 16 & 255) + 0.587 * (rgb >> 8 & 255) + 0.114 * (rgb & 255);
    }
}
