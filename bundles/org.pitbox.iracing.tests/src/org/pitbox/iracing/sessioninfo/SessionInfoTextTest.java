package org.pitbox.iracing.sessioninfo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class SessionInfoTextTest {

    @Test
    void cp1252AccentsAndUndefinedBytes() {
        byte[] raw = { 'J', (byte) 0xE9, 'r', (byte) 0xF4, 'm', (byte) 0xE8, ' ', (byte) 0x80, (byte) 0x81, (byte) 0x8A,
                (byte) 0x8D, (byte) 0x8F, (byte) 0x90, (byte) 0x9D, (byte) 0x9F };
        assertEquals("J\u00E9r\u00F4m\u00E8 \u20AC \u0160    \u0178", SessionInfoText.decode(raw, false));
    }

    @Test
    void cp1252TableMatchesJdk() {
        Charset cp1252 = Charset.forName("windows-1252");
        for (int b = 0x20; b < 0x100; b++) {
            if (b == 0x7F || b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D) {
                continue;
            }
            byte[] one = { (byte) b };
            assertEquals(new String(one, cp1252), SessionInfoText.decode(one, false), "byte " + Integer.toHexString(b));
        }
    }

    @Test
    void utf8WhenFlagged() {
        byte[] raw = "\uFEFFUserName: Zo\u00EB \u00C5str\u00F6m \u5F20\n".getBytes(StandardCharsets.UTF_8);
        assertEquals("UserName: Zo\u00EB \u00C5str\u00F6m \u5F20\n", SessionInfoText.decode(raw, true));
        assertEquals("UserName: Zo\u00C3\u00AB", SessionInfoText.decode(raw, 3, 14, false));
    }

    @Test
    void stopsAtFirstNul() {
        byte[] raw = new byte[64];
        raw[0] = 'a';
        raw[1] = '\n';
        raw[2] = 'b';
        raw[10] = 'x';
        assertEquals("a\nb", SessionInfoText.decode(raw, false));
        assertEquals("a\nb", SessionInfoText.decode(raw, true));
        assertEquals("", SessionInfoText.decode(new byte[0], false));
    }

    @Test
    void stripsControlCharactersButKeepsNewlineAndTab() {
        byte[] raw = "a\r\n\tb\u0001c\u009Fd\u007Fe".getBytes(StandardCharsets.UTF_8);
        assertEquals("a\n\tbcde", SessionInfoText.decode(raw, true));
        byte[] cp = { 'a', '\r', '\n', 0x1B, 'b', 0x7F };
        assertEquals("a\nb", SessionInfoText.decode(cp, false));
        assertEquals("xy", SessionInfoText.clean("x\u009Fy"));
    }
}
