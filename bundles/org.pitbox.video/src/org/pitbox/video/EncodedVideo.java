package org.pitbox.video;

/** One H.264 access unit in Annex-B form (start codes, SPS and PPS in-band before each key frame). */
public record EncodedVideo(long micros, boolean key, byte[] annexB) {
    public int bits() {
        return annexB.length * 8;
    }
}
