package org.pitbox.voice.ptt;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Game controllers and wheels on Linux through the kernel's joystick interface: each {@code /dev/input/js*}
 * device is read on a daemon thread (8-byte {@code js_event}s; the kernel first sends every button's state).
 * New devices are found when {@link #pressed()} is called at most once every two seconds; a device that goes away
 * releases its buttons. Plain Java, no native library.
 */
public final class LinuxJoysticks implements ButtonSource {
    private static final int EVENT_BYTES = 8, BUTTON = 0x01, INIT = 0x80;
    private static final long RESCAN_MILLIS = 2000;

    private final Path devices;
    private final Path sysInput;
    private final Map<Path, Device> open = new ConcurrentHashMap<>();
    private volatile boolean closed;
    private long scanned;

    /** The system's controllers: {@code /dev/input/js*}, named from {@code /sys/class/input}. */
    public LinuxJoysticks() {
        this(Path.of("/dev/input"), Path.of("/sys/class/input"));
    }

    /** Controllers found as {@code js*} files in {@code devices}; names from {@code sysInput/jsN/device/name}. */
    public LinuxJoysticks(Path devices, Path sysInput) {
        this.devices = devices;
        this.sysInput = sysInput;
    }

    @Override
    public String name() {
        return "Controllers (Linux joystick)";
    }

    @Override
    public Set<PttButton> pressed() {
        rescan();
        Set<PttButton> down = new HashSet<>();
        for (Device d : open.values()) {
            for (int b : d.held()) {
                down.add(PttButton.controller(d.name, b));
            }
        }
        return down;
    }

    private synchronized void rescan() {
        long now = System.currentTimeMillis();
        if (closed || now - scanned < RESCAN_MILLIS) {
            return;
        }
        scanned = now;
        try (Stream<Path> files = Files.list(devices)) {
            files.filter(f -> f.getFileName().toString().matches("js\\d+") && !open.containsKey(f)).forEach(this::start);
        } catch (IOException e) {
            // no /dev/input (a container): no controllers
        }
    }

    private void start(Path file) {
        String id = file.getFileName().toString();
        String name;
        try {
            name = Files.readString(sysInput.resolve(id).resolve("device").resolve("name")).strip();
        } catch (IOException e) {
            name = id;
        }
        Device d = new Device(file, name);
        open.put(file, d);
        Thread t = new Thread(d::read, "pitbox-ptt-" + id);
        t.setDaemon(true);
        d.thread = t;
        t.start();
    }

    @Override
    public synchronized void close() {
        closed = true;
        open.values().forEach(d -> d.thread.interrupt());
        open.clear();
    }

    private final class Device {
        final Path file;
        final String name;
        final Set<Integer> held = ConcurrentHashMap.newKeySet();
        Thread thread;

        Device(Path file, String name) {
            this.file = file;
            this.name = name;
        }

        Set<Integer> held() {
            return held;
        }

        void read() {
            ByteBuffer event = ByteBuffer.allocate(EVENT_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
                while (!closed) {
                    event.clear();
                    while (event.hasRemaining()) {
                        if (in.read(event) < 0) {
                            return;
                        }
                    }
                    short value = event.getShort(4);
                    int type = event.get(6) & 0xFF & ~INIT;
                    int number = event.get(7) & 0xFF;
                    if (type == BUTTON) {
                        if (value != 0) {
                            held.add(number);
                        } else {
                            held.remove(number);
                        }
                    }
                }
            } catch (IOException e) {
                // unplugged, no permission or closed: the device's buttons count as released
            } finally {
                held.clear();
                open.remove(file, this);
            }
        }
    }
}
