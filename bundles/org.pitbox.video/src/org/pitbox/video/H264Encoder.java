package org.pitbox.video;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_CONFIG_PIX_FORMAT;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_supported_config;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_QUIET;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_I;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_NONE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_NV12;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * H.264 through FFmpeg: the first encoder of {@link #CANDIDATES} that opens (hardware first, then libopenh264),
 * constant bitrate at the cap, no B-frames, a key frame every interval and on {@link #requestKeyframe()}. A new
 * bitrate reopens the encoder, so the next access unit is a key frame with fresh parameter sets. Not thread-safe.
 */
public final class H264Encoder implements AutoCloseable {
    /** Tried in this order. */
    public static final List<String> CANDIDATES = List.of("h264_nvenc", "h264_qsv", "h264_amf", "h264_mf",
            "h264_vaapi", "libopenh264");

    /** Low-latency constant bitrate options per encoder; an encoder ignores the ones it does not know. */
    private static final Map<String, Map<String, String>> OPTIONS = Map.of(
            "h264_nvenc", Map.of("preset", "p1", "tune", "ull", "rc", "cbr", "zerolatency", "1", "delay", "0",
                    "forced-idr", "1"),
            "h264_qsv", Map.of("preset", "veryfast", "look_ahead", "0", "async_depth", "1", "forced_idr", "1"),
            "h264_amf", Map.of("usage", "ultralowlatency", "rc", "cbr"),
            "h264_mf", Map.of("rate_control", "cbr", "scenario", "display_remoting"),
            "libopenh264", Map.of("rc_mode", "bitrate", "allow_skip_frames", "0"));

    private final List<String> candidates;
    private VideoSettings settings;
    private AVCodecContext context;
    private String name;
    private int index;
    private final FrameConverter converter;
    private final AVPacket packet;
    private AVFrame frame;
    private boolean keyframeWanted;
    private long lastPts = Long.MIN_VALUE;

    public H264Encoder(VideoSettings settings) {
        this(settings, CANDIDATES);
    }

    /** Tries only the named FFmpeg encoders, in order. */
    public H264Encoder(VideoSettings settings, List<String> candidates) {
        Ffmpeg.load(); // before any FFmpeg call: it sets where the natives unpack
        converter = new FrameConverter();
        packet = av_packet_alloc();
        this.candidates = List.copyOf(candidates);
        this.settings = settings;
        open(0);
    }

    /** FFmpeg's name of the encoder in use, for example "libopenh264" or "h264_nvenc". */
    public String name() {
        return name;
    }

    public VideoSettings settings() {
        return settings;
    }

    /** The next access unit will be a key frame. */
    public void requestKeyframe() {
        keyframeWanted = true;
    }

    /** Changes the cap (0.5 to 4 Mbit/s) from the next picture on, which will be a key frame. */
    public void setBitrate(int bitsPerSecond) {
        VideoSettings next = settings.withBitrate(bitsPerSecond);
        if (next.bitrate() != settings.bitrate()) {
            settings = next;
            closeCodec();
            open(index);
        }
    }

    /**
     * Encodes one picture (scaled to the settings' size if it differs) taken at {@code picture.micros()}; returns the
     * access units that came out, normally exactly one.
     */
    public List<EncodedVideo> encode(VideoPicture picture) {
        converter.toFrame(picture, frame);
        long pts = Math.max(picture.micros(), lastPts + 1);
        lastPts = pts;
        frame.pts(pts);
        frame.pict_type(keyframeWanted ? AV_PICTURE_TYPE_I : AV_PICTURE_TYPE_NONE);
        keyframeWanted = false;
        int r = avcodec_send_frame(context, frame);
        if (r < 0 && index + 1 < candidates.size()) {
            // a hardware encoder that opened but cannot encode here: the next candidate takes over
            closeCodec();
            open(index + 1);
            converter.toFrame(picture, frame);
            frame.pts(pts);
            r = avcodec_send_frame(context, frame);
        }
        if (r < 0) {
            throw new IllegalStateException(name + " refused a picture: " + Ffmpeg.error(r));
        }
        List<EncodedVideo> out = new ArrayList<>(1);
        while (avcodec_receive_packet(context, packet) == 0) {
            byte[] data = new byte[packet.size()];
            packet.data().get(data);
            out.add(new EncodedVideo(packet.pts(), (packet.flags() & AV_PKT_FLAG_KEY) != 0, data));
            av_packet_unref(packet);
        }
        return out;
    }

    /** Opens the first candidate from {@code first} on that opens. */
    private void open(int first) {
        StringBuilder failures = new StringBuilder();
        av_log_set_level(AV_LOG_QUIET);
        try {
            for (int i = first; i < candidates.size(); i++) {
                String candidate = candidates.get(i);
                String failure = tryOpen(candidate);
                if (failure == null) {
                    name = candidate;
                    index = i;
                    return;
                }
                failures.append(failures.isEmpty() ? "" : "; ").append(candidate).append(": ").append(failure);
            }
        } finally {
            av_log_set_level(AV_LOG_ERROR);
        }
        throw new IllegalStateException("no H.264 encoder opened (" + failures + ")");
    }

    private String tryOpen(String candidate) {
        AVCodec codec = avcodec_find_encoder_by_name(candidate);
        if (codec == null || codec.isNull()) {
            return "not in this FFmpeg";
        }
        int format = pixelFormat(codec);
        AVCodecContext c = avcodec_alloc_context3(codec);
        c.width(settings.width());
        c.height(settings.height());
        c.pix_fmt(format);
        c.time_base(av_make_q(1, 1_000_000));
        c.framerate(av_make_q(settings.fps(), 1));
        c.bit_rate(settings.bitrate());
        c.rc_max_rate(settings.bitrate());
        c.rc_min_rate(settings.bitrate());
        c.rc_buffer_size(settings.bitrate());
        c.gop_size(settings.keyframeInterval());
        c.max_b_frames(0);
        c.thread_count(1);
        AVDictionary options = new AVDictionary(null);
        OPTIONS.getOrDefault(candidate, Map.of()).forEach((k, v) -> av_dict_set(options, k, v, 0));
        int r = avcodec_open2(c, codec, options);
        av_dict_free(options);
        if (r < 0) {
            avcodec_free_context(c);
            return Ffmpeg.error(r);
        }
        context = c;
        frame = av_frame_alloc();
        frame.format(format);
        frame.width(settings.width());
        frame.height(settings.height());
        if (av_frame_get_buffer(frame, 32) < 0) {
            throw new IllegalStateException("no memory for a " + settings.width() + "x" + settings.height() + " frame");
        }
        return null;
    }

    /** YUV 4:2:0 planar where the encoder takes it, else NV12 (Quick Sync). */
    private static int pixelFormat(AVCodec codec) {
        PointerPointer<?> list = new PointerPointer<>(1);
        IntPointer count = new IntPointer(1);
        if (avcodec_get_supported_config(null, codec, AV_CODEC_CONFIG_PIX_FORMAT, 0, list, count) < 0
                || list.get(0) == null) {
            return AV_PIX_FMT_YUV420P;
        }
        IntPointer formats = new IntPointer(list.get(0));
        boolean nv12 = false;
        for (int i = 0; i < count.get(); i++) {
            if (formats.get(i) == AV_PIX_FMT_YUV420P) {
                return AV_PIX_FMT_YUV420P;
            }
            nv12 |= formats.get(i) == AV_PIX_FMT_NV12;
        }
        return nv12 ? AV_PIX_FMT_NV12 : AV_PIX_FMT_YUV420P;
    }

    private void closeCodec() {
        if (context != null) {
            avcodec_free_context(context);
            context = null;
        }
        if (frame != null) {
            av_frame_free(frame);
            frame = null;
        }
    }

    @Override
    public void close() {
        closeCodec();
        av_packet_free(packet);
        converter.close();
    }
}
