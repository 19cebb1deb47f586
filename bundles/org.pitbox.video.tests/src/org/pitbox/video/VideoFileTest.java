package org.pitbox.video;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_copy;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_find_input_format;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVOutputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stored MP4 read as the engineer's playback reads it: seeks anywhere, reads on, and keeps the file's clock. */
class VideoFileTest {
    /** Wide enough for the counter's 16 blocks; a key picture every second. */
    private static final VideoSettings SMALL = new VideoSettings(854, 480, 15, 1_000_000, 1);
    /** The first picture is this late on the file's clock, as a session's video that began after the session. */
    private static final long LEAD = 5_000_000;
    private static final int PICTURES = 60;
    private static final long STEP = 1_000_000 / SMALL.fps();

    @TempDir
    static Path dir;
    private static Path file;

    @BeforeAll
    static void writeTheFile() throws IOException {
        file = dir.resolve("session.mp4");
        List<EncodedVideo> units = new ArrayList<>();
        try (H264Encoder encoder = new H264Encoder(SMALL)) {
            for (int n = 0; n < PICTURES; n++) {
                units.addAll(encoder.encode(TestScene.picture(n, SMALL.width(), SMALL.height(), LEAD + n * STEP)));
            }
        }
        writeMp4(file, units);
    }

    @Test
    void picturesKeepTheFilesClockAndComeInOrder() throws IOException {
        try (VideoFile video = VideoFile.open(file)) {
            assertEquals(854, video.width());
            assertEquals(480, video.height());
            assertTrue(video.durationMicros() >= LEAD + (PICTURES - 1) * STEP, "duration " + video.durationMicros());
            VideoPicture first = video.at(0);
            assertEquals(0, TestScene.counter(first), "before the first picture: the first picture");
            assertEquals(LEAD, first.micros(), 1000, "the lead stays: the first picture is 5 s in");
            for (int n = 1; n < PICTURES; n++) {
                VideoPicture p = video.next();
                assertEquals(n, TestScene.counter(p));
                assertEquals(LEAD + n * STEP, p.micros(), 1000);
            }
            assertNull(video.next(), "the end");
        }
    }

    @Test
    void seeksForwardAndBackToThePictureOnScreenAtATime() throws IOException {
        try (VideoFile video = VideoFile.open(file)) {
            for (int n : new int[] {40, 41, 44, 12, 59, 0, 30, 31, 3}) {
                VideoPicture p = video.at(LEAD + n * STEP + STEP / 2);
                assertEquals(n, TestScene.counter(p), "the picture on screen half a picture after picture " + n);
            }
            assertEquals(59, TestScene.counter(video.at(LEAD + 100 * STEP)), "after the end: the last picture");
            assertNotNull(video.at(LEAD + 20 * STEP));
            assertEquals(21, TestScene.counter(video.next()), "reading on from a seek");
        }
    }

    @Test
    void aMissingOrBrokenFileSaysWhat() throws IOException {
        IOException missing = assertThrows(IOException.class, () -> VideoFile.open(dir.resolve("none.mp4")));
        assertTrue(missing.getMessage().startsWith("no video at "), missing.getMessage());
        Path broken = dir.resolve("broken.mp4");
        Files.write(broken, new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 1, 2, 3});
        IOException bad = assertThrows(IOException.class, () -> VideoFile.open(broken));
        assertTrue(bad.getMessage().contains("broken.mp4"), bad.getMessage());
    }

    /**
     * Muxes Annex-B access units into an MP4 with FFmpeg: written as a raw H.264 stream, read back by FFmpeg's
     * demuxer (which finds the SPS and PPS) and remuxed with the units' times; a first time above 0 becomes an
     * empty edit.
     */
    static void writeMp4(Path target, List<EncodedVideo> units) throws IOException {
        Path raw = target.resolveSibling(target.getFileName() + ".h264");
        try (OutputStream out = Files.newOutputStream(raw)) {
            for (EncodedVideo unit : units) {
                out.write(unit.annexB());
            }
        }
        AVFormatContext in = new AVFormatContext(null);
        check(avformat_open_input(in, raw.toString(), av_find_input_format("h264"), (AVDictionary) null), "input");
        check(avformat_find_stream_info(in, (AVDictionary) null), "stream info");
        AVFormatContext out = new AVFormatContext(null);
        check(avformat_alloc_output_context2(out, (AVOutputFormat) null, "mp4", target.toString()), "muxer");
        AVStream stream = avformat_new_stream(out, null);
        check(avcodec_parameters_copy(stream.codecpar(), in.streams(0).codecpar()), "parameters");
        stream.codecpar().codec_tag(0);
        stream.time_base(new AVRational().num(1).den(90_000));
        AVIOContext io = new AVIOContext(null);
        check(avio_open(io, target.toString(), AVIO_FLAG_WRITE), "open");
        out.pb(io);
        check(avformat_write_header(out, (AVDictionary) null), "header");
        long num = stream.time_base().num();
        long den = stream.time_base().den();
        AVPacket packet = av_packet_alloc();
        for (int n = 0; n < units.size() && av_read_frame(in, packet) >= 0; n++) {
            long ts = units.get(n).micros() * den / (1_000_000L * num);
            packet.pts(ts);
            packet.dts(ts);
            packet.duration(STEP * den / (1_000_000L * num));
            packet.stream_index(0);
            packet.pos(-1);
            check(av_interleaved_write_frame(out, packet), "write");
        }
        av_packet_free(packet);
        check(av_write_trailer(out), "trailer");
        avio_closep(out.pb());
        avformat_free_context(out);
        avformat_close_input(in);
    }

    private static void check(int r, String step) throws IOException {
        if (r < 0) {
            throw new IOException("MP4 " + step + ": " + Ffmpeg.error(r));
        }
    }
}
