package org.pitbox.video;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGRA;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;

/**
 * Converts and scales between {@link VideoPicture}'s packed ARGB ints (BGRA bytes in memory on little-endian
 * machines) and FFmpeg frames with swscale. Not thread-safe: one per thread.
 */
final class FrameConverter implements AutoCloseable {
    private final AVFrame bgra;
    private SwsContext sws;

    FrameConverter() {
        Ffmpeg.load();
        bgra = av_frame_alloc();
    }

    /** Writes the picture into {@code dst}, scaled to dst's size and converted to its pixel format. */
    void toFrame(VideoPicture picture, AVFrame dst) {
        staging(picture.width(), picture.height());
        av_frame_make_writable(bgra);
        IntPointer pixels = new IntPointer(bgra.data(0));
        int stride = bgra.linesize(0) / 4;
        for (int y = 0; y < picture.height(); y++) {
            pixels.position((long) y * stride).put(picture.argb(), y * picture.width(), picture.width());
        }
        av_frame_make_writable(dst);
        scale(bgra, dst);
    }

    /** Reads {@code src} into a new picture of the given size. */
    VideoPicture toPicture(AVFrame src, int width, int height, long micros) {
        staging(width, height);
        scale(src, bgra);
        int[] argb = new int[width * height];
        IntPointer pixels = new IntPointer(bgra.data(0));
        int stride = bgra.linesize(0) / 4;
        for (int y = 0; y < height; y++) {
            pixels.position((long) y * stride).get(argb, y * width, width);
        }
        return new VideoPicture(micros, width, height, argb);
    }

    private void staging(int width, int height) {
        if (bgra.width() != width || bgra.height() != height) {
            av_frame_unref(bgra);
            bgra.format(AV_PIX_FMT_BGRA);
            bgra.width(width);
            bgra.height(height);
            if (av_frame_get_buffer(bgra, 32) < 0) {
                throw new IllegalStateException("no memory for a " + width + "x" + height + " picture");
            }
        }
    }

    private void scale(AVFrame src, AVFrame dst) {
        sws = sws_getCachedContext(sws, src.width(), src.height(), src.format(), dst.width(), dst.height(),
                dst.format(), SWS_BILINEAR, null, null, (DoublePointer) null);
        if (sws == null || sws.isNull()) {
            throw new IllegalStateException("swscale cannot convert pixel format " + src.format() + " to " + dst.format());
        }
        sws_scale(sws, src.data(), src.linesize(), 0, src.height(), dst.data(), dst.linesize());
    }

    @Override
    public void close() {
        av_frame_free(bgra);
        if (sws != null) {
            sws_freeContext(sws);
            sws = null;
        }
    }
}
