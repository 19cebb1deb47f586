package org.pitbox.app.team;

import java.awt.Canvas;
import java.awt.Color;
import java.awt.EventQueue;
import java.awt.Frame;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Toolkit;
import java.awt.image.BufferedImage;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;

/**
 * A window standing in for the simulator's: an undecorated AWT window at a place on the screen, repainted
 * {@code hz} times a second with a scene that pans (a textured landscape scrolling sideways and a car crossing it),
 * its picture number drawn in at the top left as {@link CounterScene} does, so {@link CounterScene#counter} reads
 * it back from a captured, encoded and decoded picture.
 */
final class RacingWindow implements AutoCloseable {
    private static final int BLOCK = 16;
    private static final int MASK = (1 << CounterScene.BITS) - 1;

    private final int width;
    private final int height;
    private final int hz;
    private final BufferedImage background;
    private final long[] shownAt = new long[MASK + 1];
    private final Frame frame = new Frame("PitBox video benchmark");
    private final Canvas canvas = new Canvas();
    private final Thread painter;
    private volatile boolean running = true;

    RacingWindow(int x, int y, int width, int height, int hz) throws Exception {
        this.width = width;
        this.height = height;
        this.hz = hz;
        this.background = landscape(width, height);
        EventQueue.invokeAndWait(() -> {
            frame.setUndecorated(true);
            canvas.setIgnoreRepaint(true);
            frame.add(canvas);
            frame.setBounds(x, y, width, height);
            frame.setVisible(true);
        });
        painter = Thread.ofPlatform().daemon().name("racing-window").start(this::paintLoop);
    }

    /** A landscape twice as wide as the window whose right half repeats its left, so it scrolls without a seam. */
    private static BufferedImage landscape(int width, int height) {
        BufferedImage tile = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = tile.createGraphics();
        Random r = new Random(17);
        int horizon = height / 3;
        for (int y = 0; y < horizon; y++) {
            g.setColor(new Color(90 + y * 60 / horizon, 140 + y * 60 / horizon, 230));
            g.drawLine(0, y, width, y);
        }
        g.setColor(new Color(60, 120, 50));
        g.fillRect(0, horizon, width, height - horizon);
        for (int i = 0; i < 60; i++) { // stands and buildings on the horizon
            g.setColor(new Color(r.nextInt(200), r.nextInt(200), r.nextInt(200)));
            int w = 10 + r.nextInt(width / 12);
            int h = 10 + r.nextInt(horizon / 2);
            g.fillRect(r.nextInt(width - w), horizon - h, w, h);
        }
        int track = height * 3 / 5;
        g.setColor(new Color(70, 70, 75));
        g.fillRect(0, track, width, height / 4);
        for (int x = 0; x < width; x += 64) { // kerbs
            g.setColor((x / 64) % 2 == 0 ? Color.RED : Color.WHITE);
            g.fillRect(x, track - 8, 32, 8);
        }
        g.dispose();
        int[] px = tile.getRGB(0, 0, width, height, null, 0, width);
        for (int i = 0; i < px.length; i++) { // grain, as a rendered picture has
            int d = r.nextInt(17) - 8;
            int p = px[i];
            px[i] = clamp((p >> 16 & 255) + d) << 16 | clamp((p >> 8 & 255) + d) << 8 | clamp((p & 255) + d);
        }
        BufferedImage wide = new BufferedImage(2 * width, height, BufferedImage.TYPE_INT_RGB);
        wide.setRGB(0, 0, width, height, px, 0, width);
        wide.setRGB(width, 0, width, height, px, 0, width);
        return wide;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    private void paintLoop() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        long start = System.nanoTime();
        for (int n = 0; running; n++) {
            long wait = start + n * 1_000_000_000L / hz - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            g.drawImage(background, -(n * 6 % width), 0, null);
            int carX = (n * 11) % (width + 200) - 100;
            g.setColor(new Color(220, 40, 30));
            g.fillRoundRect(carX, height * 3 / 5 + 20, 160, 50, 20, 20);
            g.setColor(Color.BLACK);
            g.fillOval(carX + 20, height * 3 / 5 + 55, 34, 34);
            g.fillOval(carX + 106, height * 3 / 5 + 55, 34, 34);
            for (int bit = 0; bit < CounterScene.BITS; bit++) {
                g.setColor((n >> bit & 1) == 1 ? Color.WHITE : Color.BLACK);
                g.fillRect(bit * BLOCK, 0, BLOCK, BLOCK);
            }
            Graphics window = canvas.getGraphics();
            if (window != null) {
                window.drawImage(image, 0, 0, null); // one blit
                window.dispose();
                Toolkit.getDefaultToolkit().sync();
            }
            shownAt[n & MASK] = System.nanoTime();
        }
        g.dispose();
    }

    /** When the picture with this number was last drawn (System.nanoTime), 0 if never. */
    long shownAt(int counter) {
        return shownAt[counter & MASK];
    }

    @Override
    public void close() throws Exception {
        running = false;
        painter.join(2000);
        EventQueue.invokeAndWait(frame::dispose);
    }
}
