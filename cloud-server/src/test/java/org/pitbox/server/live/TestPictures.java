package org.pitbox.server.live;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jcodec.codecs.h264.H264Encoder;
import org.jcodec.common.VideoEncoder;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;

/** H.264 pictures of a moving square for video tests, made by jcodec's pure-Java encoder. */
final class TestPictures {
    record Coded(boolean key, byte[] accessUnit) {
    }

    static final int WIDTH = 160, HEIGHT = 96;

    private TestPictures() {
    }

    /** count pictures, a key picture every keyEvery. */
    static List<Coded> make(int count, int keyEvery) {
        H264Encoder encoder = H264Encoder.createH264Encoder();
        encoder.setKeyInterval(keyEvery);
        Picture p = Picture.create(WIDTH, HEIGHT, ColorSpace.YUV420J);
        ByteBuffer out = ByteBuffer.allocate(WIDTH * HEIGHT * 3);
        List<Coded> pictures = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            byte[] y = p.getPlaneData(0);
            for (int row = 0; row < HEIGHT; row++) {
                for (int col = 0; col < WIDTH; col++) {
                    boolean square = Math.abs(col - 20 - 4 * n % (WIDTH - 40)) < 12 && Math.abs(row - HEIGHT / 2) < 12;
                    y[row * WIDTH + col] = (byte) (square ? 100 : (col + row) % 64 - 100);
                }
            }
            out.clear();
            VideoEncoder.EncodedFrame f = encoder.encodeFrame(p, out);
            ByteBuffer data = f.getData();
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            pictures.add(new Coded(f.isKeyFrame(), bytes));
        }
        return pictures;
    }
}
