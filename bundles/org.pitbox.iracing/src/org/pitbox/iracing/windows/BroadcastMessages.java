package org.pitbox.iracing.windows;

/**
 * Remote control of iRacing through broadcast window messages: pit commands (only while the driver is in the
 * car, not from a spotter seat) and chat macros 1-15.
 */
public final class BroadcastMessages {
    static final String UNAVAILABLE = "Pit commands and chat are only available on Windows with iRacing running";

    private final MessageSender sender;

    BroadcastMessages(MessageSender sender) {
        this.sender = sender;
    }

    /** Registers the iRacing broadcast message; throws {@link UnsupportedOperationException} off Windows. */
    public static BroadcastMessages open() {
        if (!Platform.isWindows()) {
            throw new UnsupportedOperationException(UNAVAILABLE);
        }
        return new BroadcastMessages(Win32Broadcast.create());
    }

    /** Sends a raw message: {@code MAKELONG(msg, var1)}, {@code var2}. */
    public void send(BroadcastMessage msg, int var1, int var2) {
        sender.send(MessagePacking.wParam(msg, var1), var2);
    }

    /** Sends a pit command; {@code value} is litres or kPa for commands that take one, otherwise ignored. */
    public void pit(PitCommand cmd, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("pit command value must not be negative: " + value);
        }
        send(BroadcastMessage.PIT_COMMAND, cmd.code(), cmd.takesValue() ? value : 0);
    }

    public void clearAll() {
        pit(PitCommand.CLEAR_ALL, 0);
    }

    public void tearOff() {
        pit(PitCommand.TEAR_OFF, 0);
    }

    /** Adds fuel; 0 keeps the amount already set. */
    public void fuel(int litres) {
        pit(PitCommand.FUEL, litres);
    }

    /** Changes one tyre ({@link PitCommand#LF} .. {@link PitCommand#RR}); 0 kPa keeps the pressure. */
    public void tyre(PitCommand corner, int kpa) {
        if (corner.code() < PitCommand.LF.code() || corner.code() > PitCommand.RR.code()) {
            throw new IllegalArgumentException(corner + " is not a tyre");
        }
        pit(corner, kpa);
    }

    public void clearTyres() {
        pit(PitCommand.CLEAR_TIRES, 0);
    }

    public void fastRepair() {
        pit(PitCommand.FAST_REPAIR, 0);
    }

    public void clearWindshield() {
        pit(PitCommand.CLEAR_WINDSHIELD, 0);
    }

    public void clearFastRepair() {
        pit(PitCommand.CLEAR_FAST_REPAIR, 0);
    }

    public void clearFuel() {
        pit(PitCommand.CLEAR_FUEL, 0);
    }

    /** Sends chat macro 1..15 as configured in iRacing (typing free text is not possible). */
    public void chatMacro(int macro) {
        if (macro < 1 || macro > 15) {
            throw new IllegalArgumentException("chat macro must be 1..15: " + macro);
        }
        send(BroadcastMessage.CHAT_COMMAND, 0, macro);
    }
}
