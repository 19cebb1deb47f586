package org.pitbox.voice.ptt;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every button source of this machine (keyboard and controllers), for binding a push-to-talk button and watching
 * it. Sources that cannot be opened are left out, with the reason in {@link #problems()}.
 */
public final class PttButtons implements AutoCloseable {
    /** Polls a second while a button is watched: a press is seen within 10 ms. */
    static final int POLL_HZ = 100;

    /** Told on the watching thread when the bound button goes down and up. */
    public interface Listener {
        void pressed();

        void released();
    }

    private final List<ButtonSource> sources;
    private final List<String> problems;

    public PttButtons(List<ButtonSource> sources, List<String> problems) {
        this.sources = List.copyOf(sources);
        this.problems = List.copyOf(problems);
    }

    /** The keyboard and the controllers of this operating system (Linux: X11 and joystick devices; Windows). */
    public static PttButtons forThisMachine() {
        List<ButtonSource> sources = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        try {
            sources.add(windows ? WindowsKeys.open() : X11Keys.open());
        } catch (RuntimeException | LinkageError e) {
            problems.add(e.getMessage());
        }
        try {
            sources.add(windows ? WindowsJoysticks.open() : new LinuxJoysticks());
        } catch (RuntimeException | LinkageError e) {
            problems.add("controllers cannot be read: " + e.getMessage());
        }
        return new PttButtons(sources, problems);
    }

    public List<String> sourceNames() {
        return sources.stream().map(ButtonSource::name).toList();
    }

    public List<String> problems() {
        return problems;
    }

    /**
     * Waits for a button to go down that was not held when this was called (the driver presses what to bind);
     * null when none did within {@code timeout}.
     */
    public PttButton waitForPress(Duration timeout) throws InterruptedException {
        Set<PttButton> before = held();
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            Thread.sleep(1000 / POLL_HZ);
            Set<PttButton> now = held();
            for (PttButton b : now) {
                if (before.stream().noneMatch(b::sameAs)) {
                    return b;
                }
            }
            before.retainAll(now);
        }
        return null;
    }

    private Set<PttButton> held() {
        Set<PttButton> all = new HashSet<>();
        sources.forEach(s -> all.addAll(s.pressed()));
        return all;
    }

    /** Whether the button is held now. */
    public boolean isDown(PttButton button) {
        return sources.stream().anyMatch(s -> s.isDown(button));
    }

    /** Watches one button on a daemon thread until the returned watch is closed. */
    public AutoCloseable watch(PttButton button, Listener listener) {
        Thread t = new Thread(() -> {
            boolean down = false;
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    boolean now = isDown(button);
                    if (now != down) {
                        down = now;
                        if (down) {
                            listener.pressed();
                        } else {
                            listener.released();
                        }
                    }
                    Thread.sleep(1000 / POLL_HZ);
                }
            } catch (InterruptedException e) {
                // closed
            } finally {
                if (down) {
                    listener.released();
                }
            }
        }, "pitbox-ptt-watch");
        t.setDaemon(true);
        t.start();
        return t::interrupt;
    }

    @Override
    public void close() {
        sources.forEach(ButtonSource::close);
    }
}
