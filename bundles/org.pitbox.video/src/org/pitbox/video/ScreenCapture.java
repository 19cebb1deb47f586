package org.pitbox.video;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avdevice.avdevice_register_all;
import static org.bytedeco.ffmpeg.global.avformat.av_find_input_format;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * Grabs the screen through FFmpeg's capture devices: x11grab on Linux (the X display in DISPLAY), gdigrab on Windows
 * (the desktop or a window by its title). The device paces {@link #grab()} at the settings' rate; each picture is
 * scaled to the settings' size. Not thread-safe.
 */
public final class ScreenCapture implements FrameSource {
    private final String description;
    private final VideoSettings settings;
    private final AVFormatContext format;
    private final AVCodecContext decoder;
    private final AVPacket packet;
    private final AVFrame frame;
    private final FrameConverter converter;
    private final long startNanos = System.nanoTime();

    private ScreenCapture(String device, String url, Map<String, String> options, VideoSettings settings) {
        Ffmpeg.load(); // before any FFmpeg call: it sets where the natives unpack
        packet = av_packet_alloc();
        frame = av_frame_alloc();
        converter = new FrameConverter();
        avdevice_register_all();
        this.settings = settings;
        this.description = device + " " + url;
        AVInputFormat input = av_find_input_format(device);
        if (input == null || input.isNull()) {
            throw new IllegalStateException("this FFmpeg has no " + device + " capture device");
        }
        AVDictionary dictionary = new AVDictionary(null);
        options.forEach((k, v) -> av_dict_set(dictionary, k, v, 0));
        AVFormatContext context = new AVFormatContext(null);
        int r = avformat_open_input(context, url, input, dictionary);
        av_dict_free(dictionary);
        if (r < 0) {
            close();
            throw new IllegalStateException("cannot capture " + description + " " + options + ": " + Ffmpeg.error(r));
        }
        format = context;
        AVCodecParameters parameters = format.streams(0).codecpar();
        AVCodec codec = avcodec_find_decoder(parameters.codec_id());
        decoder = avcodec_alloc_context3(codec);
        avcodec_parameters_to_context(decoder, parameters);
        r = avcodec_open2(decoder, codec, (AVDictionary) null);
        if (r < 0) {
            close();
            throw new IllegalStateException("cannot read " + description + "'s pictures: " + Ffmpeg.error(r));
        }
    }

    /**
     * A region of the screen: x11grab on Linux (on {@code display}, or DISPLAY when null), gdigrab's desktop on
     * Windows.
     */
    public static ScreenCapture region(String display, int x, int y, int width, int height, VideoSettings settings) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("framerate", Integer.toString(settings.fps()));
        options.put("video_size", width + "x" + height);
        options.put("draw_mouse", "0");
        if (windows()) {
            options.put("offset_x", Integer.toString(x));
            options.put("offset_y", Integer.toString(y));
            return new ScreenCapture("gdigrab", "desktop", options, settings);
        }
        String name = display != null ? display : System.getenv("DISPLAY");
        if (name == null || name.isBlank()) {
            throw new IllegalStateException("no X display to capture: DISPLAY is not set");
        }
        return new ScreenCapture("x11grab", name + "+" + x + "," + y, options, settings);
    }

    /** A window by its title (Windows only: gdigrab), for example the simulator's. */
    public static ScreenCapture window(String title, VideoSettings settings) {
        if (!windows()) {
            throw new UnsupportedOperationException("capturing a window by its title needs Windows; give a region");
        }
        Map<String, String> options = new LinkedHashMap<>();
        options.put("framerate", Integer.toString(settings.fps()));
        options.put("draw_mouse", "0");
        return new ScreenCapture("gdigrab", "title=" + title, options, settings);
    }

    private static boolean windows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    /** The next picture, stamped with microseconds since this capture opened. */
    @Override
    public VideoPicture grab() throws IOException {
        while (true) {
            int r = av_read_frame(format, packet);
            if (r < 0) {
                throw new IOException(description + " stopped: " + Ffmpeg.error(r));
            }
            long micros = (System.nanoTime() - startNanos) / 1000;
            r = avcodec_send_packet(decoder, packet);
            av_packet_unref(packet);
            if (r < 0) {
                throw new IOException(description + " gave an unreadable picture: " + Ffmpeg.error(r));
            }
            if (avcodec_receive_frame(decoder, frame) == 0) {
                VideoPicture picture = converter.toPicture(frame, settings.width(), settings.height(), micros);
                av_frame_unref(frame);
                return picture;
            }
        }
    }

    @Override
    public String toString() {
        return description;
    }

    @Override
    public void close() {
        if (decoder != null) {
            avcodec_free_context(decoder);
        }
        if (format != null) {
            avformat_close_input(format);
        }
        av_packet_free(packet);
        av_frame_free(frame);
        converter.close();
    }
}
