package org.pitbox.server.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.jcodec.codecs.h264.H264Decoder;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.model.Picture;
import org.jcodec.containers.mp4.MP4Packet;
import org.jcodec.containers.mp4.boxes.Edit;
import org.jcodec.containers.mp4.demuxer.AbstractMP4DemuxerTrack;
import org.jcodec.containers.mp4.demuxer.MP4Demuxer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pitbox.protocol.live.LiveControl;
import org.pitbox.protocol.live.LiveProtocol;

/**
 * The driver's video over real WebSockets: it reaches the session's subscribers of the driver's team only, from a
 * key picture on; a late joiner gets the next key picture, asked for at once; the session is stored with an MP4 on
 * the session's clock; video beyond its rate, before open or over its size is refused.
 */
class LiveVideoTest extends RelayTest {
    static final long START_MICROS = 500_000;
    private static final long PICTURE_MICROS = 33_333;

    @BeforeEach
    void start() throws Exception {
        node = new TestNode(dir);
        client.setMaxBinaryMessageSize(1 << 20); // pictures are bigger than the client's 64 KiB default
    }

    static byte[] video(long seq, TestPictures.Coded p) {
        return LiveProtocol.video(seq, START_MICROS + (seq - 1) * PICTURE_MICROS, p.key(), p.accessUnit());
    }

    private static List<byte[]> videoOf(TestSocket s, int count) throws InterruptedException {
        List<byte[]> got = new ArrayList<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (got.size() < count) {
            byte[] m = s.binary.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (m == null) {
                throw new AssertionError("got " + got.size() + " of " + count + " pictures within 30 s");
            }
            if (LiveProtocol.type(m) == LiveProtocol.VIDEO) {
                got.add(m);
            }
        }
        return got;
    }

    @Test
    void videoReachesTheDriversTeamOnlyAndIsStoredAsAnMp4OnTheSessionsClock() throws Exception {
        TestPublisher driver = driver();
        TestSocket engineer = socket(subscribe(), "engineer-token");
        engineer.await(LiveControl.SESSION);
        TestPublisher rivalDriver = rivalDriver();
        TestSocket rival = rival();
        rival.await(LiveControl.SESSION);

        List<TestPictures.Coded> pictures = TestPictures.make(40, 15);
        for (int i = 0; i < 110; i++) { // rows are 1/60 s apart; the video starts 0.5 s in, at 30 pictures a second
            driver.publish(SimRows.ROWS.get(i));
            if (i >= 30 && i % 2 == 0) {
                int seq = (i - 30) / 2 + 1;
                driver.socket.send(video(seq, pictures.get(seq - 1)));
            }
        }
        List<byte[]> got = videoOf(engineer, 40);
        for (int n = 0; n < 40; n++) {
            assertEquals(n + 1, LiveProtocol.number(got.get(n)), "in order, none missed");
            assertArrayEquals(pictures.get(n).accessUnit(),
                    Arrays.copyOfRange(got.get(n), LiveProtocol.VIDEO_HEADER, got.get(n).length));
        }
        assertTrue(LiveProtocol.isVideoKey(got.get(0)));
        assertEquals(START_MICROS, LiveProtocol.videoMicros(got.get(0)));
        rival.send(LiveControl.radio("marker"));
        rival.await(LiveControl.RADIO);
        assertTrue(rival.binary.stream().noneMatch(m -> LiveProtocol.type(m) == LiveProtocol.VIDEO),
                "another team's session of the same key shows none of it");
        rivalDriver.socket.close();

        driver.socket.send(LiveControl.of(LiveControl.END));
        driver.socket.await(LiveControl.ENDED);
        TestNode.Stored stored = node.stored.poll(30, TimeUnit.SECONDS);
        assertNotNull(stored.video(), "the session's video is stored with it");
        assertMp4(stored.video(), pictures, START_MICROS);
    }

    /** Every picture, in order, the first one decodable, and an empty edit as long as the session before it. */
    static void assertMp4(Path mp4, List<TestPictures.Coded> pictures, long leadMicros) throws Exception {
        try (var channel = NIOUtils.readableChannel(mp4.toFile())) {
            MP4Demuxer demuxer = MP4Demuxer.createMP4Demuxer(channel);
            AbstractMP4DemuxerTrack track = (AbstractMP4DemuxerTrack) demuxer.getVideoTrack();
            assertEquals(pictures.size(), track.getFrameCount());
            List<Edit> edits = track.getEdits();
            assertEquals(-1, edits.get(0).getMediaTime(), "an empty edit first: " + edits);
            long movieScale = demuxer.getMovie().getTimescale();
            assertEquals(leadMicros, edits.get(0).getDuration() * 1_000_000 / movieScale, 1000.0);
            MP4Packet first = track.getNextFrame(ByteBuffer.allocate(1 << 20));
            assertTrue(first.isKeyFrame());
            Picture decoded = new H264Decoder().decodeFrame(first.getData(), // the demuxer gives Annex B
                    Picture.create(TestPictures.WIDTH, TestPictures.HEIGHT,
                            org.jcodec.common.model.ColorSpace.YUV420J).getData());
            assertEquals(TestPictures.WIDTH, decoded.getWidth());
            for (int n = 1; n < pictures.size(); n++) {
                MP4Packet p = track.getNextFrame(ByteBuffer.allocate(1 << 20));
                assertEquals(pictures.get(n).key(), p.isKeyFrame(), "picture " + n);
                assertEquals((double) leadMicros + n * PICTURE_MICROS, p.getPts() * 1_000_000.0 / p.getTimescale(), 20.0,
                        "times on the session's clock (the demuxer applies the edit)");
            }
        }
    }

    @Test
    void aLateJoinerGetsVideoFromTheNextKeyPictureWhichIsAskedForAtOnce() throws Exception {
        TestPublisher driver = driver();
        List<TestPictures.Coded> pictures = TestPictures.make(14, 12); // key pictures 1 and 13
        for (int n = 1; n <= 10; n++) {
            driver.publish(SimRows.ROWS.get(n));
            driver.socket.send(video(n, pictures.get(n - 1)));
        }
        // frames up to the first acknowledgement: once it comes, the server has handled the pictures sent before them
        for (int n = 11; n <= LiveProtocol.ACK_EVERY; n++) {
            driver.publish(SimRows.ROWS.get(n));
        }
        SubscriberEvents.await(() -> driver.acked >= LiveProtocol.ACK_EVERY, "acknowledgement of the frames");
        driver.socket.binary.clear();
        TestSocket engineer = socket(subscribe(), "engineer-token");
        engineer.await(LiveControl.SESSION);
        byte[] request = driver.socket.binary.poll(10, TimeUnit.SECONDS);
        assertNotNull(request, "the driver is asked for a key picture at once");
        assertEquals(LiveProtocol.VIDEO_KEY_REQUEST, LiveProtocol.type(request));

        driver.socket.send(video(11, pictures.get(10)));
        driver.socket.send(video(12, pictures.get(11)));
        driver.socket.send(video(13, pictures.get(12)));
        driver.socket.send(video(14, pictures.get(13)));
        List<byte[]> got = videoOf(engineer, 2);
        assertEquals(13, LiveProtocol.number(got.get(0)), "the pictures before the key picture are of no use");
        assertTrue(LiveProtocol.isVideoKey(got.get(0)));
        assertEquals(14, LiveProtocol.number(got.get(1)));
    }

    @Test
    void videoBeyondItsRateBeforeOpenOrOverItsSizeIsRefused() throws Exception {
        TestSocket early = socket(publish(), "driver-token");
        byte[] key = video(1, TestPictures.make(1, 1).get(0));
        early.send(key);
        assertEquals("send open before video", early.await(LiveControl.ERROR).text());
        early.close();

        TestPublisher driver = driver();
        TestSocket engineer = socket(subscribe(), "engineer-token");
        engineer.await(LiveControl.SESSION);
        byte[] big = new byte[400 << 10];
        System.arraycopy(key, 0, big, 0, key.length);
        for (int n = 1; n <= 10; n++) { // 4 MB at once: the 2 s burst of 8 Mbit/s is 2 MB
            byte[] m = big.clone();
            ByteBuffer.wrap(m).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(1, n);
            driver.socket.send(m);
        }
        assertTrue(driver.socket.await(LiveControl.ERROR).text().startsWith("video over 8 Mbit/s"));
        driver.socket.send(LiveControl.radio("marker"));
        engineer.await(LiveControl.RADIO);
        long relayed = engineer.binary.stream().filter(m -> LiveProtocol.type(m) == LiveProtocol.VIDEO).count();
        assertTrue(relayed >= 4 && relayed <= 6, relayed + " of 10 pictures of 400 kB relayed: the burst's worth");

        byte[] tooBig = new byte[LiveSocket.MAX_VIDEO_BYTES + 1];
        tooBig[0] = LiveProtocol.VIDEO;
        driver.socket.send(tooBig);
        assertTrue(driver.socket.awaitClose().startsWith(Integer.toString(StatusCode.MESSAGE_TOO_LARGE)));
    }

    @Test
    void theMp4LeavesOutPicturesItCannotDecodeUntilTheNextKeyPicture() throws Exception {
        List<TestPictures.Coded> pictures = TestPictures.make(30, 10); // keys at 1, 11, 21
        Path mp4 = dir.resolve("gap.mp4");
        try (VideoMp4 writer = new VideoMp4(mp4)) {
            for (int n = 2; n <= 30; n++) { // no key picture before 11, and 15 lost
                if (n != 15) {
                    writer.picture(video(n, pictures.get(n - 1)));
                }
            }
            assertEquals(4 + 10, writer.pictures(), "11 to 14, then 21 to 30");
        }
        try (var channel = NIOUtils.readableChannel(mp4.toFile())) {
            AbstractMP4DemuxerTrack track = (AbstractMP4DemuxerTrack) MP4Demuxer.createMP4Demuxer(channel)
                    .getVideoTrack();
            assertEquals(14, track.getFrameCount());
        }
        Path none = dir.resolve("none.mp4");
        try (VideoMp4 writer = new VideoMp4(none)) {
            writer.picture(video(2, pictures.get(1)));
            assertEquals(0, writer.pictures());
        }
        assertFalse(none.toFile().exists(), "no file without a key picture");
    }
}
