package org.pitbox.server.voice;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recently spoken phrases' audio, least recently used dropped first, holding at most {@code maxBytes} (audio plus
 * key text); a clip over an eighth of that is not kept. Keys name the team, so teams never share audio.
 */
final class SpeechCache {
    private final long maxBytes;
    private final LinkedHashMap<String, byte[]> clips = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    SpeechCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The largest clip kept. */
    long maxClipBytes() {
        return maxBytes / 8;
    }

    synchronized byte[] get(String key) {
        return clips.get(key);
    }

    synchronized void put(String key, byte[] clip) {
        long size = size(key, clip);
        if (size > maxClipBytes()) {
            return;
        }
        byte[] old = clips.put(key, clip);
        bytes += size - (old == null ? 0 : size(key, old));
        var eldest = clips.entrySet().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            Map.Entry<String, byte[]> e = eldest.next();
            bytes -= size(e.getKey(), e.getValue());
            eldest.remove();
        }
    }

    synchronized long bytes() {
        return bytes;
    }

    private static long size(String key, byte[] clip) {
        return clip.length + 2L * key.length() + 64;
    }
}
