package org.pitbox.iracing.ibt;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Text in iRacing images: fixed-size NUL-terminated fields and the session-info string. */
public final class IrsdkText {
    public static final Charset CP1252 = Charset.forName("windows-1252");

    private IrsdkText() {
    }

    /** The bytes at {@code [offset, offset+max)} up to the first NUL. */
    public static byte[] cBytes(ByteBuffer buf, int offset, int max) {
        int n = 0;
        while (n < max && buf.get(offset + n) != 0) {
            n++;
        }
        byte[] out = new byte[n];
        buf.get(offset, out);
        return out;
    }

    public static String cString(ByteBuffer buf, int offset, int max) {
        return decode(cBytes(buf, offset, max), false);
    }

    /**
     * Decodes session-info or header text: UTF-8 when iRacing was told so ({@code irsdkUTF8SessionStr=1}),
     * otherwise cp1252 with its five undefined bytes turned into spaces (as pyirsdk does).
     */
    public static String decode(byte[] raw, boolean utf8) {
        if (utf8) {
            return new String(raw, StandardCharsets.UTF_8);
        }
        byte[] clean = raw;
        for (int i = 0; i < raw.length; i++) {
            int b = raw[i] & 0xFF;
            if (b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D) {
                if (clean == raw) {
                    clean = raw.clone();
                }
                clean[i] = ' ';
            }
        }
        return new String(clean, CP1252);
    }

    /** Encodes text for an .ibt (cp1252, unmappable characters as '?'). */
    public static byte[] encode(String text) {
        return text.getBytes(CP1252);
    }
}
