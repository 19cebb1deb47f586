package org.pitbox.app.pit;

import java.util.Optional;
import java.util.Set;
import org.pitbox.iracing.windows.BroadcastMessages;
import org.pitbox.iracing.windows.PitCommand;

/** Sends pit requests to iRacing through its broadcast window message, which exists on Windows only. */
public final class IracingPitControl implements PitControl {
    public static final String NOT_WINDOWS = "Pit commands go to iRacing, which runs on Windows only";

    private BroadcastMessages messages;
    private Optional<String> reason;

    @Override
    public Optional<String> unavailableReason() {
        if (reason == null) {
            open();
        }
        return reason;
    }

    /** Registers the message once; off Windows, or when that fails, keeps the reason instead. */
    private void open() {
        if (!System.getProperty("os.name", "").startsWith("Windows")) {
            reason = Optional.of(NOT_WINDOWS);
            return;
        }
        try {
            messages = BroadcastMessages.open();
            reason = Optional.empty();
        } catch (RuntimeException | LinkageError e) {
            reason = Optional.of("iRacing's broadcast message is unavailable: " + e.getMessage());
        }
    }

    private BroadcastMessages messages() {
        unavailableReason().ifPresent(r -> {
            throw new IllegalStateException(r);
        });
        return messages;
    }

    @Override
    public void fuel(int litres) {
        messages().fuel(litres);
    }

    @Override
    public void tyres(Set<Corner> corners) {
        for (Corner c : corners) {
            messages().tyre(PitCommand.valueOf(c.name()), 0);
        }
    }

    @Override
    public void tearOff() {
        messages().tearOff();
    }

    @Override
    public void fastRepair() {
        messages().fastRepair();
    }

    /** One pit command as the voice commands give them (value: litres or kPa, 0 when it takes none). */
    public void send(PitCommand command, int value) {
        messages().pit(command, value);
    }

    @Override
    public void clear() {
        messages().clearAll();
    }
}
