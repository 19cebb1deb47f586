package org.pitbox.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Batches of versions 2 and 3 and frames of versions 2 to 4, written by earlier codecs, still decode: sessions on disk keep them. */
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

    /** {@code FrameCodecTest.rows(100, 23)} as one version 3 batch. */
    private static final String BATCH3 =
            "A9kmhKJkyAQ6eS24AwgDAQAAAEABAwIAAEBAAQMDAACAQH4lmX8MQAK/Bv4BRERgDR0pNFh3d3d3jn4oq1gPXPvGP4Ux1IY3"
            + "HxS6y0oqggAACZVPNgfyU5yxdk9W6SoAvMdERERN00297fntCl6ZmZneXIY1Agx2PpmZmZ+G16hzbQYREUvi3tuAFk/TFUZ/"
            + "eCkAwDp9DsK7u6eNV7+p966Cat4mIiIglVRG6AABffuiwLdwrUY2OP1n/OOswoFjGJnKOfmW3w4lpzKlF0LMbEZ6TUiVeNMT"
            + "3d3ddxJx4aGMPja1/xGbWnOwKXY4S9p5o0n6RLc8rG5HDeAgKBCHNmpHwr9OJriezvMLofVpIAwJjaaCweoMt/AsF0D//9ps"
            + "qLZPJLHnrnabPLKwHnGMDJHKAU/wdOaVDnLZ0y8tvrQCpe1hd1AeCdCAmAFzTpan7D80acT61M3Ey99ujsAGfDnDj24jE95l"
            + "xrCxGLi6qvI9UInsC97BRw/BEp7IqT8vUxfToN7z4WUh/WO40eegWZyGEEm6VNd6/0mPKlbZdBfnxOIiIiNZCaPCqqDbEOjZ"
            + "bwZG2X1vQEaa7zoBsAIvsXN1Df4hfbfOdXC8Ez4Ru+NbL71hpufCGQ5/PrwJdLfHkHmpZxTHk0IaYz0kicSxn9S/rRnjsL3B"
            + "a8y+fSDFnHT7SyiuR7Hh3pQX3WUVhLZ33n4BbHOBuOntTUKbDJHblgdY1/e5sTQsq7ge3ID6iQWdmEh7M0C8je0BMvtHvGJh"
            + "atJ0igwAEpw3f80JpU/fIFV2TIA=";
    /** {@code FrameCodecTest.rows(40, 24)} as version 3 frames, a keyframe every 16. */
    private static final String FRAMES3 =
            "gAPZJoSiAA9+JZl/DEACvwb+AT3l7cAAKP5u+2QDAAAAAXDqVs9O/3f/YNnUs8I+phVuI/qaSpetKmq8Iul1DJQAHuowqfQE"
            + "AAAZStzM53DevTxI6ud1/CgEq8jP4m6JiwAM6Ap2n6qqqroPYXgmAA6my/P+AAAAISKYmUqWsAAK5grf9QAAAAwa2QALsVcw"
            + "S7u7ydhTM5AAECDfrFauxiVEPLvLIc8YgkAAEOMNhUtVVVUn0OSaKbTvyOAADuKtFUtVVVUmoVKFFCagAAMIcpAABl7L5NBo"
            + "XQAGiUFsl3yQAApBD7Y2J6WIX8lAAAsWbUa9nfw7teUaYAAKRpEkqgSOy/XenIAD2SaEogMIAwEAAABAAQMCAABAQAEDAwAA"
            + "gEAW/N9AKVgREREUu+T+fMKMBgkhf23FwAAP4g3VS1VVVdwOHY8okE2oAA7iM28pMzM1Sb9MQyF5kgADIGKUAAQOGY6IAAhy"
            + "M8u3vun5IAAGeWKPwWdAAAXKoa1RQAAEgWPd6QADMDV0AAeYN7+PWNqDAAaVrkFWpZsACpPHQgrSWjkJvIAABbPIBfdAAAOW"
            + "58AACvM/DA1kEREKM4CAA9kmhKIDCAMBAAAAQAEDAgAAQEABAwMAAIBAFvzfgBdYERERFLvlsvA4x4cgrjTOO4AADuAOChki"
            + "IiPn8pxWa03IAA7gxR7du3d782FHPZFmwAAKQnqRHgf0asT04AAIgZF1mDSPKnwABmdCWm4n3gAEQLYuqAAId5tR2IVt22I=";

    /** {@code FrameCodecTest.rows(40, 25)} as version 4 frames, a keyframe every 16. */
    private static final String FRAMES4 =
            "gATZJoSiAA9+JZl/DEACvwb+ATiHgTgAKP5u+2QDAAAAAXDqVs9O/3f/YNnUs8I+phVuI/qaSpetKmq8IulfycwAHuowqfQE"
            + "AAAT3YFvBa6NGP7spwjP8SE+A6cTsae4EAAMqHoJaHd3d+2ZKXQQAA7nbKFBzczM2sbTBuR8EAALr0KnwzMzNDqM4oAADeYs"
            + "qH2IiIlqFeavGCQADUF84H3He9oC6/c1CVMAEMfFpkS7u7tky5z6iOLV3IAADuK6phgiIiHmXHJ6AMDAAAMExLAABpJGlZEn"
            + "gAAIYYWMSVOxofAACYBsX9fpskPhXQAMLOjXwN7ih7Z5uyyAAApxKtrOkMKMfmDsgATZJoSiBAcIAAFvEoM6AQMBAAAAQAED"
            + "AgAAQEABAwMAAIBAFfzfQClYERERFLvk/nzCjAYIllMBBAAM4g3VS1VVVdwOHY3QAAqixIwlEREraH6AAAViG/hroAAET1wm"
            + "sAAIIoy+9dzOroAAB3IDkZ1dUoAABbjbJ2TAAASBePzlAAIzqQAIiWwneMCX6YAABm/hjBYP4QAJgREK87RBiHesAAWLI1Lm"
            + "eAACi8AACfIcU+r/VVVNC4AE2SaEogQHCAABbxKDOgEDAQAAAEABAwIAAEBAAQMDAACAQBX834AXWBERERS75bLwOMeHH5/M"
            + "1XsAC+AOChkiIiPn8pwsAAqhG3u47u8/vbHOAAuDTVbhxxm7bKc1gAAISOZaH0IlIcoAB4Ll+VmZ04AABUinkrR4AAl08f5l"
            + "K82D1oA=";

    @Test
    void version2BatchDecodes() throws CodecException {
        batchDecodes(BATCH, 2, 21);
    }

    @Test
    void version3BatchDecodes() throws CodecException {
        batchDecodes(BATCH3, 3, 23);
    }

    private static void batchDecodes(String base64, int version, long seed) throws CodecException {
        byte[] batch = Base64.getDecoder().decode(base64);
        assertTrue(batch[0] == version && BatchEncoder.VERSION == 4);
        List<byte[]> rows = FrameCodecTest.rows(100, seed);
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
        framesDecode(FRAMES, 2, 22);
    }

    @Test
    void version3FramesDecode() throws CodecException {
        framesDecode(FRAMES3, 3, 24);
    }

    @Test
    void version4FramesDecode() throws CodecException {
        framesDecode(FRAMES4, 4, 25);
    }

    private static void framesDecode(String base64, int version, long seed) throws CodecException {
        ByteBuffer in = ByteBuffer.wrap(Base64.getDecoder().decode(base64));
        assertTrue(in.get(1) == version && FrameEncoder.VERSION == 5);
        FrameDecoder decoder = new FrameDecoder(FrameCodecTest.SCHEMA);
        byte[] out = new byte[FrameCodecTest.SCHEMA.rowLength()];
        List<byte[]> rows = FrameCodecTest.rows(40, seed);
        for (int i = 0; i < rows.size(); i++) {
            assertTrue(decoder.decode(i + 1, in, out), "frame " + i);
            assertArrayEquals(rows.get(i), out, "frame " + i);
        }
        assertTrue(!in.hasRemaining());
    }
}
