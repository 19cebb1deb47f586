package org.pitbox.iracing.ibt;

import java.nio.ByteBuffer;

/**
 * The 112-byte {@code irsdk_header} shared by .ibt files and the live shared memory, validated against the
 * size of the image that holds it.
 */
public record IrsdkHeader(int version, int status, int tickRate, int sessionInfoUpdate, int sessionInfoLength,
        int sessionInfoOffset, int numVars, int varHeaderOffset, int numBuf, int bufLen) {

    public static final int SIZE = 112;
    public static final int MAX_BUFS = 4;
    public static final int VAR_BUF_TABLE = 48;
    public static final int VAR_BUF_SIZE = 16;
    /** Far above the ~330 variables iRacing publishes; keeps a corrupt count from allocating. */
    public static final int MAX_VARS = 100_000;

    /** Reads and validates the header at position 0 of {@code image}, whose valid bytes are {@code size}. */
    public static IrsdkHeader read(ByteBuffer image, long size) throws IbtFormatException {
        if (size < SIZE) {
            throw new IbtFormatException("file is truncated: " + size + " bytes, the header alone needs " + SIZE);
        }
        IrsdkHeader h = new IrsdkHeader(image.getInt(0), image.getInt(4), image.getInt(8), image.getInt(12),
                image.getInt(16), image.getInt(20), image.getInt(24), image.getInt(28), image.getInt(32),
                image.getInt(36));
        h.validate(size);
        return h;
    }

    private void validate(long size) throws IbtFormatException {
        if (version != 1 && version != 2) {
            throw new IbtFormatException("not an iRacing telemetry file: header version " + version
                    + " (expected 1 or 2)");
        }
        if (tickRate <= 0) {
            throw new IbtFormatException("tick rate " + tickRate + " is not positive");
        }
        if (bufLen <= 0) {
            throw new IbtFormatException("row length (bufLen) " + bufLen + " is not positive");
        }
        if (numBuf < 1 || numBuf > MAX_BUFS) {
            throw new IbtFormatException("buffer count (numBuf) " + numBuf + " is outside 1.." + MAX_BUFS);
        }
        if (numVars < 0 || numVars > MAX_VARS) {
            throw new IbtFormatException("variable count " + numVars + " is outside 0.." + MAX_VARS);
        }
        long varEnd = (long) varHeaderOffset + (long) numVars * VarHeaders.SIZE;
        if (varHeaderOffset < SIZE || varEnd > size) {
            throw new IbtFormatException(numVars + " var headers at offset " + varHeaderOffset + " end at byte "
                    + varEnd + ", outside the " + size + "-byte image");
        }
        long infoEnd = (long) sessionInfoOffset + sessionInfoLength;
        if (sessionInfoLength < 0 || sessionInfoOffset < SIZE || infoEnd > size) {
            throw new IbtFormatException("session info (" + sessionInfoLength + " bytes at offset "
                    + sessionInfoOffset + ") lies outside the " + size + "-byte image");
        }
    }

    public boolean connected() {
        return (status & 1) != 0;
    }

    /** Absolute offset of the {@code irsdk_varBuf} entry {@code i}. */
    public static int varBufAt(int i) {
        return VAR_BUF_TABLE + i * VAR_BUF_SIZE;
    }
}
