package org.pitbox.iracing.sessioninfo;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Turns the raw session-info bytes into text: cp1252 by default (bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D, undefined
 * there, become spaces as in pyirsdk), UTF-8 when iRacing's {@code irsdkUTF8SessionStr} flag is set. Stops at the
 * first NUL (live memory holds a NUL-terminated string in a larger area) and drops control characters other than
 * {@code \n} and {@code \t}.
 */
public final class SessionInfoText {
    private static final char[] CP1252_80_9F = ("\u20AC \u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152 \u017D "
            + " \u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153 \u017E\u0178").toCharArray();

    private SessionInfoText() {
    }

    public static String decode(byte[] raw, boolean utf8) {
        return decode(raw, 0, raw.length, utf8);
    }

    /** Decodes {@code length} bytes from {@code offset}, or fewer when a NUL comes first. */
    public static String decode(byte[] raw, int offset, int length, boolean utf8) {
        Objects.checkFromIndexSize(offset, length, raw.length);
        int end = offset;
        while (end < offset + length && raw[end] != 0) {
            end++;
        }
        if (utf8) {
            String s = new String(raw, offset, end - offset, StandardCharsets.UTF_8);
            return clean(s.startsWith("\uFEFF") ? s.substring(1) : s);
        }
        char[] out = new char[end - offset];
        int n = 0;
        for (int i = offset; i < end; i++) {
            int b = raw[i] & 0xFF;
            char c = b >= 0x80 && b < 0xA0 ? CP1252_80_9F[b - 0x80] : (char) b;
            if (keep(c)) {
                out[n++] = c;
            }
        }
        return new String(out, 0, n);
    }

    /** Removes control characters other than {@code \n} and {@code \t} (e.g. {@code \r}, U+009F). */
    public static String clean(String s) {
        int i = 0;
        while (i < s.length() && keep(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length()).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (keep(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean keep(char c) {
        return c == '\n' || c == '\t' || (c >= 0x20 && c < 0x7F) || c > 0x9F;
    }
}
