package org.pitbox.voice.model;

import java.net.URI;

/** Where a speech model comes from: its folder name once unpacked, the zip's address and SHA-256. */
public record ModelSource(String name, URI uri, String sha256) {
    /**
     * Vosk's small US English model (lookahead graph, so the command grammar works). The checksum is the one other
     * projects pin for this file; no copy of the model was reachable to check it here.
     */
    public static final ModelSource SMALL_EN_US = new ModelSource("vosk-model-small-en-us-0.15",
            URI.create("https://alphacephei.com/vosk/models/vosk-model-small-en-us-0.15.zip"),
            "30f26242c4eb449f948e42cb302dd7a686cb29a3423a8367f99ff41780942498");

    public ModelSource {
        if (!name.matches("[A-Za-z0-9._-]+") || name.startsWith(".")) {
            throw new IllegalArgumentException("bad model name: " + name);
        }
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a SHA-256 is 64 hex digits: " + sha256);
        }
    }
}
