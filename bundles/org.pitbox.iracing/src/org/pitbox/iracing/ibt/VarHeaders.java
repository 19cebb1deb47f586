package org.pitbox.iracing.ibt;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.ChannelType;

/** Reads and writes the 144-byte {@code irsdk_varHeader} entries. */
public final class VarHeaders {
    public static final int SIZE = 144;
    public static final int NAME_LEN = 32;
    public static final int DESC_LEN = 64;
    public static final int UNIT_LEN = 32;

    private VarHeaders() {
    }

    /** Parses {@code numVars} headers at {@code offset}; the caller has checked that they lie inside {@code buf}. */
    public static ChannelLayout read(ByteBuffer buf, int offset, int numVars, int bufLen) throws IbtFormatException {
        List<ChannelDescriptor> channels = new ArrayList<>(numVars);
        for (int i = 0; i < numVars; i++) {
            int at = offset + i * SIZE;
            int code = buf.getInt(at);
            int varOffset = buf.getInt(at + 4);
            int count = buf.getInt(at + 8);
            boolean countAsTime = buf.get(at + 12) != 0;
            String name = IrsdkText.cString(buf, at + 16, NAME_LEN);
            ChannelType type = ChannelType.ofCode(code);
            String what = "var header " + i + " '" + name + "'";
            if (type == null) {
                throw new IbtFormatException(what + " has unknown type code " + code);
            }
            if (count < 1) {
                throw new IbtFormatException(what + " has element count " + count);
            }
            if (varOffset < 0) {
                throw new IbtFormatException(what + " has negative offset " + varOffset);
            }
            long end = varOffset + (long) count * type.bytes();
            if (end > bufLen) {
                throw new IbtFormatException(what + " ends at byte " + end + ", beyond the row length " + bufLen);
            }
            String desc = IrsdkText.cString(buf, at + 48, DESC_LEN);
            String unit = IrsdkText.cString(buf, at + 112, UNIT_LEN);
            channels.add(new ChannelDescriptor(name, type, count, countAsTime, unit, desc, varOffset));
        }
        return new ChannelLayout(channels, bufLen);
    }

    /** Writes one header at the buffer's position. Names longer than 32 bytes are rejected, desc and unit cut. */
    public static void write(ByteBuffer out, ChannelDescriptor c) {
        byte[] name = IrsdkText.encode(c.name());
        if (name.length > NAME_LEN) {
            throw new IllegalArgumentException("channel name longer than " + NAME_LEN + " bytes: " + c.name());
        }
        int start = out.position();
        out.putInt(c.type().code()).putInt(c.offset()).putInt(c.count());
        out.put((byte) (c.countAsTime() ? 1 : 0)).put(new byte[3]);
        putField(out, name, NAME_LEN);
        putField(out, IrsdkText.encode(c.description()), DESC_LEN);
        putField(out, IrsdkText.encode(c.unit()), UNIT_LEN);
        assert out.position() == start + SIZE;
    }

    private static void putField(ByteBuffer out, byte[] text, int len) {
        int n = Math.min(text.length, len);
        out.put(text, 0, n);
        for (int i = n; i < len; i++) {
            out.put((byte) 0);
        }
    }
}
