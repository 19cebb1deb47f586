package org.pitbox.video;

/** The test scene as a frame source, paced at a frame rate like a capture device. */
final class SceneSource implements FrameSource {
    private final int width;
    private final int height;
    private final int fps;
    private final long start = System.nanoTime();
    private int n;

    SceneSource(int width, int height, int fps) {
        this.width = width;
        this.height = height;
        this.fps = fps;
    }

    @Override
    public VideoPicture grab() {
        long due = start + n * 1_000_000_000L / fps;
        long wait = due - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        VideoPicture picture = TestScene.picture(n, width, height, (System.nanoTime() - start) / 1000);
        n++;
        return picture;
    }

    @Override
    public void close() {
    }
}
