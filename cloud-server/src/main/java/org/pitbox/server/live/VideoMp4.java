package org.pitbox.server.live;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import org.jcodec.codecs.h264.H264Utils;
import org.jcodec.common.Codec;
import org.jcodec.common.MuxerTrack;
import org.jcodec.common.VideoCodecMeta;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Packet;
import org.jcodec.common.model.Size;
import org.jcodec.containers.mp4.boxes.Edit;
import org.jcodec.containers.mp4.muxer.AbstractMP4MuxerTrack;
import org.jcodec.containers.mp4.muxer.MP4Muxer;
import org.pitbox.protocol.live.LiveProtocol;

/**
 * Writes a session's VIDEO messages, in seq order, into an MP4 file (H.264) that any player plays. The track starts
 * with an empty edit as long as the session ran before the first picture, so the video's time is the session's
 * (the telemetry's clock). Pictures before the first key picture, and after a gap in seq until the next key picture,
 * are left out: the picture before them is shown the while.
 */
final class VideoMp4 implements Closeable {
    /** Bytes of pictures a session's video keeps (two hours at 4 Mbit/s); later pictures are relayed only. */
    static final long MAX_BYTES = 4L << 30;
    private static final int TIMESCALE = 90_000;
    private static final long LAST_PICTURE_MICROS = 33_333;

    private final Path file;
    private SeekableByteChannel channel;
    private MP4Muxer muxer;
    private MuxerTrack track;
    private byte[] held;
    private long firstMicros;
    private long writtenMicros;
    private long lastSeq;
    private boolean synced;
    private long pictures;

    VideoMp4(Path file) {
        this.file = file;
    }

    /** The next VIDEO message of the session. */
    void picture(byte[] message) throws IOException {
        long seq = LiveProtocol.number(message);
        if (seq <= lastSeq) {
            return;
        }
        boolean gap = seq != lastSeq + 1;
        lastSeq = seq;
        if (!LiveProtocol.isVideoKey(message) && (!synced || gap)) {
            synced = false;
            return;
        }
        if (track == null && !start(message)) {
            return;
        }
        synced = true;
        if (held != null) {
            write(held, LiveProtocol.videoMicros(message) - LiveProtocol.videoMicros(held));
        }
        held = message;
    }

    /** Pictures written. */
    long pictures() {
        return pictures + (held == null ? 0 : 1);
    }

    /** Opens the file at the first key picture, sized by its SPS; false if it has none. */
    private boolean start(byte[] key) throws IOException {
        List<ByteBuffer> sps = H264Utils.getRawSPS(LiveProtocol.videoData(key));
        if (sps.isEmpty()) {
            return false;
        }
        Size size = H264Utils.getPicSize(H264Utils.readSPS(sps.get(0)));
        channel = NIOUtils.writableChannel(file.toFile());
        muxer = MP4Muxer.createMP4MuxerToChannel(channel);
        track = muxer.addVideoTrack(Codec.H264, VideoCodecMeta.createSimpleVideoCodecMeta(size, ColorSpace.YUV420));
        firstMicros = Math.max(0, LiveProtocol.videoMicros(key));
        return true;
    }

    private void write(byte[] message, long micros) throws IOException {
        long pts = ticks(LiveProtocol.videoMicros(message) - firstMicros);
        ByteBuffer data = ByteBuffer.wrap(message.clone(), LiveProtocol.VIDEO_HEADER,
                message.length - LiveProtocol.VIDEO_HEADER).slice();
        boolean key = LiveProtocol.isVideoKey(message);
        track.addFrame(Packet.createPacket(data, pts, TIMESCALE, Math.max(1, ticks(micros)), pictures,
                key ? Packet.FrameType.KEY : Packet.FrameType.INTER, null));
        pictures++;
        writtenMicros += micros;
    }

    private static long ticks(long micros) {
        return micros * TIMESCALE / 1_000_000;
    }

    @Override
    public void close() throws IOException {
        if (track == null) {
            return;
        }
        try {
            if (held != null) {
                write(held, LAST_PICTURE_MICROS);
                held = null;
            }
            if (firstMicros > 0 && track instanceof AbstractMP4MuxerTrack t) { // the lead, then every picture
                t.setEdits(List.of(new Edit(ticks(firstMicros), -1, 1f), new Edit(ticks(writtenMicros), 0, 1f)));
            }
            muxer.finish();
        } finally {
            channel.close();
        }
    }
}
