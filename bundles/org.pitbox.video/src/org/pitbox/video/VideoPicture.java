package org.pitbox.video;

/** One picture: packed 0xAARRGGBB pixels, row by row, and when it was taken in microseconds. */
public record VideoPicture(long micros, int width, int height, int[] argb) {
    public VideoPicture {
        if (width <= 0 || height <= 0 || argb.length != width * height) {
            throw new IllegalArgumentException("a " + width + "x" + height + " picture needs " + width * height
                    + " pixels, not " + argb.length);
        }
    }

    public int pixel(int x, int y) {
        return argb[y * width + x];
    }
}
