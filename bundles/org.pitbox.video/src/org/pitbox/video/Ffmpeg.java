package org.pitbox.video;

import java.nio.file.Path;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avdevice;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.pitbox.core.home.PitboxHome;

/** Loads FFmpeg's native libraries once, unpacked under PitBox's home unless JavaCPP's cache folder is set. */
final class Ffmpeg {
    static final String CACHE_PROPERTY = "org.bytedeco.javacpp.cachedir";
    private static boolean loaded;

    private Ffmpeg() {
    }

    static synchronized void load() {
        if (loaded) {
            return;
        }
        if (System.getProperty(CACHE_PROPERTY, "").isBlank()) {
            System.setProperty(CACHE_PROPERTY, PitboxHome.resolve("native").toString());
        }
        try {
            Loader.load(avutil.class);
            Loader.load(avcodec.class);
            Loader.load(swscale.class);
            Loader.load(avdevice.class);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new IllegalStateException("FFmpeg's native libraries for " + Loader.getPlatform()
                    + " are missing (fragment org.bytedeco.ffmpeg." + Loader.getPlatform() + "): " + e.getMessage(), e);
        }
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        loaded = true;
    }

    /** FFmpeg's text for an error code. */
    static String error(int code) {
        BytePointer text = new BytePointer(256);
        avutil.av_strerror(code, text, 256);
        return text.getString() + " (" + code + ")";
    }

    static Path cacheDir() {
        return Path.of(System.getProperty(CACHE_PROPERTY));
    }
}
