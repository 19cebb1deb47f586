package org.pitbox.iracing.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;
import org.pitbox.core.source.LiveFeed;
import org.pitbox.core.source.TelemetrySource;
import org.pitbox.iracing.windows.WindowsSharedMemory;

/** iRacing's live telemetry from its shared memory (Windows only). */
@Component(service = TelemetrySource.class)
public final class IracingLiveSource implements TelemetrySource {
    public static final String ID = "iracing-live";
    static final String WINDOWS_ONLY = "Only available on Windows with iRacing running";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "iRacing (live)";
    }

    @Override
    public Optional<String> unavailableReason() {
        return System.getProperty("os.name", "").startsWith("Windows") ? Optional.empty() : Optional.of(WINDOWS_ONLY);
    }

    @Override
    public LiveFeed open(Path file) {
        if (unavailableReason().isPresent()) {
            throw new UnsupportedOperationException(WINDOWS_ONLY);
        }
        return new SharedMemoryFeed(() -> {
            WindowsSharedMemory memory = WindowsSharedMemory.open();
            try {
                return new SharedMemoryFeed.Connection(memory.reader(), memory);
            } catch (IOException e) {
                memory.close();
                throw e;
            }
        }, System::nanoTime);
    }
}
