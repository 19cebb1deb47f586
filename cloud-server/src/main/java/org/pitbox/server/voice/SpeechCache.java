package org.pitbox.server.voice;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recently spoken phrases' audio, least recently used dropped first, holding at most {@code maxBytes} (audio plus
 * key text); a clip over an eighth of that is not kept. Keys name the team, so teams never share audio. It also
 * remembers the shapes of the lines spoken whole ({@link SpokenParts#shape}), the newest {@value #SHAPES}.
 */
final class SpeechCache {
    private final long maxBytes;
    private final LinkedHashMap<String, byte[]> clips = new LinkedHashMap<>(64, 0.75f, true);
    private static final int SHAPES = 4096;
    private final LinkedHashMap<String, Boolean> shapes = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > SHAPES;
        }
    };
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

    synchronized void rememberShape(String key) {
        shapes.put(key, Boolean.TRUE);
    }

    synchronized boolean knowsShape(String key) {
        return shapes.get(key) != null;
    }

    synchronized long bytes() {
        return bytes;
    }

    private static long size(String key, byte[] clip) {
        return clip.length + 2L * key.length() + 64;
    }
}
