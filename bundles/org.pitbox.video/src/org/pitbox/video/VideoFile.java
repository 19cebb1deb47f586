package org.pitbox.video;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_flush_buffers;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.AVSEEK_FLAG_BACKWARD;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_seek_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_move_ref;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.PointerPointer;

/**
 * A video file (a stored session's MP4, or any file FFmpeg reads) picture by picture on the file's own clock, as a
 * player shows it: {@link #at} is the picture on screen at a time (seeking to the key picture before it when that
 * is quicker than reading on), {@link #next} the one after it, for playback. A file whose track starts with an empty
 * edit has its first picture that late. Not thread-safe.
 */
public final class VideoFile implements AutoCloseable {
    /** Reading on is quicker than seeking back to a key picture for a jump at most this far ahead. */
    private static final long READ_ON_MICROS = 2_000_000;

    private final Path path;
    private final AVFormatContext format;
    private final AVCodecContext decoder;
    private final AVPacket packet;
    private final AVFrame shown;
    private final AVFrame ahead;
    private final FrameConverter converter;
    private final int stream;
    private final long timeBaseNum;
    private final long timeBaseDen;
    private final long durationMicros;
    /** The time of the picture last given out, or -1 before any. */
    private long position = -1;
    /** Whether {@code ahead} holds a decoded picture not given out yet. */
    private boolean aheadHeld;
    private boolean ended;

    private VideoFile(Path path) throws IOException {
        Ffmpeg.load(); // before any FFmpeg call: it sets where the natives unpack
        this.path = path;
        packet = av_packet_alloc();
        shown = av_frame_alloc();
        ahead = av_frame_alloc();
        converter = new FrameConverter();
        AVFormatContext context = new AVFormatContext(null);
        int r = avformat_open_input(context, path.toString(), (AVInputFormat) null, (AVDictionary) null);
        if (r < 0) {
            freeFrames();
            throw new IOException("cannot open the video " + path.getFileName() + ": " + Ffmpeg.error(r));
        }
        format = context;
        AVCodecContext opened = null;
        try {
            r = avformat_find_stream_info(format, (PointerPointer<?>) null);
            if (r < 0) {
                throw new IOException(path.getFileName() + " is not a video FFmpeg can read: " + Ffmpeg.error(r));
            }
            stream = av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, (AVCodec) null, 0);
            if (stream < 0) {
                throw new IOException(path.getFileName() + " holds no video track");
            }
            AVStream track = format.streams(stream);
            timeBaseNum = track.time_base().num();
            timeBaseDen = track.time_base().den();
            AVCodec codec = avcodec_find_decoder(track.codecpar().codec_id());
            if (codec == null || codec.isNull()) {
                throw new IOException(path.getFileName() + "'s video is in a format this build cannot decode");
            }
            opened = avcodec_alloc_context3(codec);
            avcodec_parameters_to_context(opened, track.codecpar());
            opened.thread_count(1);
            r = avcodec_open2(opened, codec, (AVDictionary) null);
            if (r < 0) {
                throw new IOException("cannot decode " + path.getFileName() + ": " + Ffmpeg.error(r));
            }
            long end = track.duration() == AV_NOPTS_VALUE ? 0 : micros(track.duration());
            long start = track.start_time() == AV_NOPTS_VALUE ? 0 : micros(track.start_time());
            durationMicros = Math.max(end + start, format.duration() == AV_NOPTS_VALUE ? 0 : format.duration());
        } catch (IOException | RuntimeException e) {
            if (opened != null) {
                avcodec_free_context(opened);
            }
            avformat_close_input(format);
            freeFrames();
            throw e;
        }
        decoder = opened;
    }

    /** Opens {@code file}; a clear IOException when it is missing, not a video, or not decodable here. */
    public static VideoFile open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no video at " + file);
        }
        return new VideoFile(file);
    }

    public Path path() {
        return path;
    }

    public int width() {
        return decoder.width();
    }

    public int height() {
        return decoder.height();
    }

    /** From the file's time 0 to the end of its last picture. */
    public long durationMicros() {
        return durationMicros;
    }

    /**
     * The picture on screen at {@code micros}: the last one that starts at or before it (the first one when
     * {@code micros} is before it). Null for a file with no picture.
     */
    public VideoPicture at(long micros) throws IOException {
        boolean readOn = position >= 0 && micros >= position && micros - position <= READ_ON_MICROS;
        if (!readOn) {
            long target = Math.max(0, micros) * timeBaseDen / (timeBaseNum * 1_000_000L);
            int r = av_seek_frame(format, stream, target, AVSEEK_FLAG_BACKWARD);
            if (r < 0 && av_seek_frame(format, stream, 0, AVSEEK_FLAG_BACKWARD) < 0) {
                throw new IOException("cannot seek in " + path.getFileName() + ": " + Ffmpeg.error(r));
            }
            avcodec_flush_buffers(decoder);
            av_frame_unref(shown);
            av_frame_unref(ahead);
            aheadHeld = false;
            ended = false;
            position = -1;
        }
        while (true) {
            if (!aheadHeld && !decodeNext()) {
                return shown.width() > 0 ? current() : null;
            }
            if (micros(time(ahead)) > micros && shown.width() > 0) {
                return current();
            }
            show(ahead);
        }
    }

    /** The picture after the last one given out, or null at the end of the file. */
    public VideoPicture next() throws IOException {
        if (!aheadHeld && !decodeNext()) {
            return null;
        }
        show(ahead);
        return current();
    }

    private void show(AVFrame next) {
        av_frame_unref(shown);
        av_frame_move_ref(shown, next);
        aheadHeld = false;
    }

    /** Decodes the next picture into {@code ahead}; false at the end of the file. */
    private boolean decodeNext() throws IOException {
        while (true) {
            int r = avcodec_receive_frame(decoder, ahead);
            if (r == 0) {
                aheadHeld = true;
                return true;
            }
            if (r == AVERROR_EOF || ended) {
                ended = true;
                return false;
            }
            r = av_read_frame(format, packet);
            try {
                if (r < 0) {
                    ended = true;
                    avcodec_send_packet(decoder, null); // the end: the decoder gives what it holds
                } else if (packet.stream_index() == stream) {
                    r = avcodec_send_packet(decoder, packet);
                    if (r < 0) {
                        throw new IOException(path.getFileName() + " has an unreadable picture: " + Ffmpeg.error(r));
                    }
                }
            } finally {
                av_packet_unref(packet);
            }
        }
    }

    private VideoPicture current() {
        position = micros(time(shown));
        return converter.toPicture(shown, shown.width(), shown.height(), position);
    }

    private static long time(AVFrame f) {
        return f.best_effort_timestamp() != AV_NOPTS_VALUE ? f.best_effort_timestamp() : f.pts();
    }

    private long micros(long pts) {
        return pts * timeBaseNum * 1_000_000L / timeBaseDen;
    }

    private void freeFrames() {
        av_packet_free(packet);
        av_frame_free(shown);
        av_frame_free(ahead);
        converter.close();
    }

    @Override
    public void close() {
        avcodec_free_context(decoder);
        avformat_close_input(format);
        freeFrames();
    }
}
