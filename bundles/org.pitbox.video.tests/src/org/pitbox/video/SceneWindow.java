package org.pitbox.video;

import java.awt.Canvas;
import java.awt.EventQueue;
import java.awt.Frame;
import java.awt.Graphics;
import java.awt.image.BufferedImage;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** An undecorated AWT window at a place on the screen showing the test scene, its counter stepping 25 times a second. */
final class SceneWindow implements AutoCloseable {
    private final Frame frame = new Frame("PitBox video test");
    private final AtomicInteger shown = new AtomicInteger();
    private final ConcurrentHashMap<Integer, Long> shownAt = new ConcurrentHashMap<>();
    private final Thread painter;

    SceneWindow(int x, int y, int width, int height) throws InterruptedException, InvocationTargetException {
        Canvas canvas = new Canvas() {
            @Override
            public void update(Graphics g) {
                paint(g);
            }

            @Override
            public void paint(Graphics g) {
                int n = shown.get();
                BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
                TestScene.draw(image.createGraphics(), n, width, height);
                g.drawImage(image, 0, 0, null); // one blit, which the X server never shows half done
                shownAt.putIfAbsent(n, System.nanoTime());
            }
        };
        EventQueue.invokeAndWait(() -> {
            frame.setUndecorated(true);
            frame.add(canvas);
            frame.setBounds(x, y, width, height);
            frame.setVisible(true);
        });
        painter = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                shown.incrementAndGet();
                canvas.repaint();
                VideoPipelineTest.sleep(40);
            }
        }, "scene-painter");
        painter.start();
    }

    /** When the picture with this counter was drawn, System.nanoTime(); now if never. */
    long shownAt(int counter) {
        return shownAt.getOrDefault(counter, System.nanoTime());
    }

    @Override
    public void close() throws InterruptedException, InvocationTargetException {
        painter.interrupt();
        painter.join();
        EventQueue.invokeAndWait(frame::dispose);
    }
}
