package org.pitbox.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Batches and frames of version 2, written by the codec before version 3, still decode: sessions on disk keep them. */
class OldVersionTest {
    /** {@code FrameCodecTest.rows(100, 21)} as one version 2 batch. */
    private static final String BATCH =
            "AtkmhKJkhgVcbNGUAwgDAQAAAEABAwIAAEBAAQMDAACAQH4ROD0CEAj/gt5+UKCPyRIuQIDd3d3d4y+DXbvP/vzi+ZwFUqvK"
            + "+s4/WF4GAAAAA6KSX96eQjTzjQq9R/ql72NrZmZpFwl2581B8AVXaiAR7u7jIkUbIXrPvWxi4wUAAAT0g+oyBu3a15P1MzNE"
            + "DNn7yVuit5XE0yR1OQLu9G1Q+DMzMuDnX0vVHpZQJ755XcE3FszMzLQf1GzzbYrhCKPddLPyUsHkDBCtA7x0yQGZlSMEJHi0"
            + "n+OCwAZm21X+Ch+LsVhVDm3n3omV3NLeuyIiIPoW8agIgjN+PnecyU5C2Fo86xiO1gKIROdLmQ/JI21A9NFQwt8zgbi7Whtv"
            + "SfuSe39aT0CasV9O7B/ulpwGB4SxoVSrOKegYNtXmZmVx3iTFMBpgKtvANJli2nQQL5oWdf3G47xydYaDNJvlgBGMot3Muij"
            + "5ytP6tGy6IdaWqDi4EwUxd25lYsMkJmfCgGJcA0O1TvrPM1yybxCmskvUbIWuWTu0V6p/y6/v7kcm8m5v1c0j8KIyUs0aLqJ"
            + "OE8oSQ0L7kPEv4vje2DqZlojS3OB4dY7d/4xumIyJVRAX3dGZmZ7Pfdqt+/Zpl4I/RXB13H9gH4CkMVrg8myDnqVf2iTsylN"
            + "zuho0oqY/EOX5/+J1nY4nkTxJYn5KT/wPsHIDkHQ6st3kWOYRPesPLWv8pM578eBMFoObYtdNagI9k1z/bDj3i+zXF6WZsMe"
            + "fpCXK4m/4DRePd5sG89wedxrPa0S3TgP2bu+bweGHWWgIwWfGCc5k9zANAzuYSIZeNnZxVEWk6BmD/FsZo1EhTCamcA/skF9"
            + "tpDafTOpFPMKAA==";
    /** {@code FrameCodecTest.rows(40, 22)} as version 2 frames, a keyframe every 16. */
    private static final String FRAMES =
            "gALZJoSiEn4ROD0CEAj/gt5+TM9ZCfleSAAr/vxjimpmZmZpDaqJBQf7/vGDL1O4FEoe46yEwmhhjWrWqojkIzabuTs+UwAj"
            + "6gCn9AAAAAy/nM6Ggcn1URkyxRvpb4xvob4hvob4GmbK1wAAHegi+ltmZmalI1e1jOunWGu23s8s+j9/8mawAAAAABynln8X"
            + "MzMy1olltnowpAX8TIG+eCK4U/TP4AAAABrmEenS3d3d+g/UB4RxnIAnKJBhKC1pmRqAAAATstzJ5VVVa5q76p2yKZJStlio"
            + "AAAUIN4z0MREDpiJftIpEMAXU32r9QAAHeIjKqCqqqqDPFHFuMZJPha08f3u7LgC+WWHc5dJABviTdTCzMzMf6jHDFIE4nT+"
            + "g73OFnCnd8YVmAAACj+992dFt2H1lgAADDqpkWfC3REtPwRAAAANiQsGQxWUNQEVDKL3AAAOQUAoOEpkGTvcLkCclFoAEBHA"
            + "vzluqt5RlFBUUuazqwAADiva4DOShu4DzU9dB/FlgALZJoSiJ/39CPVVVVVVXCVqd5UE6NT1NcEoU4fKukSRhdcmqqptKE5y"
            + "IAAAAAAc4iMqoKqqq035nDxybQAiFdjXoeXRaw16sgAAAAAa4k3UwszMzxkKagBmeVuaZChnxL4sDu7gAAAACCDROoH6T68A"
            + "AAcXe+9bAAAAAA4sJs5spfQgaV4qyBTe7QAOFwLVyIzrKgZmA1NBqJ4ACcqnHj1cZ4RGAAALgWLUPyLwSYPNAAAACTC8gzEQ"
            + "wclrogAMj+/AdgJ6JK/l1k0AAAqQ/E/6XATBKPtgAA+QdIQD5/WDFVd3jq+ULAAACZALUrevhy/U4AAGjbu8vJ8AAA3y5zXK"
            + "IiIhqeZdlrQAgALZJoSiJ/3+CPlVVVVVXCVwG9RmaNjkkSWzS3XWdjfvrYtaxeBHfVRMgaAAAAAa4CNaXWZmabFiAfNNIQT/"
            + "cwOwkd0NndpmAAAAGeBNyH+IiIinolpA7dbO8Z7mnxPZP1KVAAAAEEJ53RafKHpKIMFlr7PH5AAADoGQj/3+DBBm0BY/SKwA"
            + "AApnQW86wNQVFQoAAAlAoG3Ufm43EAAADYB/+7E2VnP8boUsvc0=";

    @Test
    void version2BatchDecodes() throws CodecException {
        byte[] batch = Base64.getDecoder().decode(BATCH);
        assertTrue(batch[0] == 2 && BatchEncoder.VERSION == 3);
        List<byte[]> rows = FrameCodecTest.rows(100, 21);
        byte[] decoded = new BatchDecoder(FrameCodecTest.SCHEMA).decode(batch);
        int len = FrameCodecTest.SCHEMA.rowLength();
        for (int i = 0; i < rows.size(); i++) {
            assertArrayEquals(rows.get(i), Arrays.copyOfRange(decoded, i * len, (i + 1) * len), "row " + i);
        }
        assertThrows(CodecException.class, () -> new BatchDecoder(FrameCodecTest.SCHEMA)
                .decode(Arrays.copyOf(batch, batch.length - 1)));
    }

    @Test
    void version2FramesDecode() throws CodecException {
        ByteBuffer in = ByteBuffer.wrap(Base64.getDecoder().decode(FRAMES));
        assertTrue(in.get(1) == 2 && FrameEncoder.VERSION == 3);
        FrameDecoder decoder = new FrameDecoder(FrameCodecTest.SCHEMA);
        byte[] out = new byte[FrameCodecTest.SCHEMA.rowLength()];
        List<byte[]> rows = FrameCodecTest.rows(40, 22);
        for (int i = 0; i < rows.size(); i++) {
            assertTrue(decoder.decode(i + 1, in, out), "frame " + i);
            assertArrayEquals(rows.get(i), out, "frame " + i);
        }
        assertTrue(!in.hasRemaining());
    }
}
