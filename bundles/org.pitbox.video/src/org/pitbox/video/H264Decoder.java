package org.pitbox.video;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_LOW_DELAY;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.av_new_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * Decodes H.264 access units (Annex-B) into pictures with FFmpeg, one picture out per access unit in. A decoder that
 * joins a stream late skips access units until an IDR picture arrives and says so in {@link #status()}. Not
 * thread-safe.
 */
public final class H264Decoder implements AutoCloseable {
    private static final int NAL_IDR = 5;

    private final AVCodecContext context;
    private final AVPacket packet;
    private final AVFrame frame;
    private final FrameConverter converter;
    private boolean started;
    private long skipped;
    private long decoded;

    public H264Decoder() {
        Ffmpeg.load(); // before any FFmpeg call: it sets where the natives unpack
        packet = av_packet_alloc();
        frame = av_frame_alloc();
        converter = new FrameConverter();
        AVCodec codec = avcodec_find_decoder(AV_CODEC_ID_H264);
        context = avcodec_alloc_context3(codec);
        context.flags(context.flags() | AV_CODEC_FLAG_LOW_DELAY);
        context.thread_count(1);
        int r = avcodec_open2(context, codec, (AVDictionary) null);
        if (r < 0) {
            throw new IllegalStateException("FFmpeg's H.264 decoder did not open: " + Ffmpeg.error(r));
        }
    }

    public VideoPicture decode(EncodedVideo unit) {
        return decode(unit.annexB(), unit.micros());
    }

    /** The picture in this access unit, or null while waiting for a key frame or if the decoder held it back. */
    public VideoPicture decode(byte[] annexB, long micros) {
        if (!started && !containsIdr(annexB)) {
            skipped++;
            return null;
        }
        started = true;
        if (av_new_packet(packet, annexB.length) < 0) {
            throw new IllegalStateException("no memory for a " + annexB.length + " byte packet");
        }
        packet.data().put(annexB);
        packet.pts(micros);
        int r = avcodec_send_packet(context, packet);
        av_packet_unref(packet);
        if (r < 0) {
            throw new IllegalStateException("H.264 decoder refused an access unit: " + Ffmpeg.error(r));
        }
        VideoPicture picture = null;
        while (avcodec_receive_frame(context, frame) == 0) {
            long pts = frame.pts() == Long.MIN_VALUE ? micros : frame.pts();
            picture = converter.toPicture(frame, frame.width(), frame.height(), pts);
            decoded++;
            av_frame_unref(frame);
        }
        return picture;
    }

    /** True until the first IDR picture has come. */
    public boolean waitingForKeyframe() {
        return !started;
    }

    /** Access units skipped while waiting for a key frame. */
    public long skipped() {
        return skipped;
    }

    /** For example "waiting for a key frame (12 skipped)" or "decoding (300 pictures)". */
    public String status() {
        return started ? "decoding (" + decoded + " pictures)" : "waiting for a key frame (" + skipped + " skipped)";
    }

    /** Whether an Annex-B access unit holds an IDR slice. */
    static boolean containsIdr(byte[] data) {
        for (int i = 0; i + 3 < data.length; i++) {
            if (data[i] == 0 && data[i + 1] == 0 && data[i + 2] == 1 && (data[i + 3] & 0x1f) == NAL_IDR) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        avcodec_free_context(context);
        av_packet_free(packet);
        av_frame_free(frame);
        converter.close();
    }
}
