package org.pitbox.voice.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.pitbox.voice.command.CommandTable;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * Vosk (Kaldi) with a model the driver downloads ({@code org.pitbox.voice.model.ModelDownload}) and the command
 * phrase list with "[unk]" as its grammar, which needs a small model (lookahead graph). The native library ships in
 * Vosk's jar for Linux, Windows and macOS and is loaded through JNA.
 */
public final class VoskEngine implements SpeechEngine {
    private static final Pattern TEXT = Pattern.compile("\"text\"\\s*:\\s*\"([^\"]*)\"");

    private final Model model;
    private final String grammar;

    /** Loads the model in {@code modelDir}; a clear {@link IOException} when it is not a Vosk model. */
    public VoskEngine(Path modelDir, CommandTable table) throws IOException {
        loadError().ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        if (!Files.isDirectory(modelDir)) {
            throw new IOException("no Vosk model folder at " + modelDir);
        }
        model = new Model(modelDir.toString());
        grammar = table.voskGrammar();
    }

    /**
     * Loads the native library once; empty when it loaded, else why not (a platform Vosk does not ship for, or a
     * library it needs is missing).
     */
    public static synchronized Optional<String> loadError() {
        try {
            LibVosk.setLogLevel(LogLevel.WARNINGS);
            return Optional.empty();
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            return Optional.of("Vosk's native library does not load on " + System.getProperty("os.name") + " "
                    + System.getProperty("os.arch") + ": " + e.getMessage());
        }
    }

    @Override
    public String name() {
        return "Vosk (downloaded model)";
    }

    /** Vosk decodes each chunk as it is given, on the capturing thread. */
    @Override
    public Utterance start() {
        Recognizer r = new Recognizer(model, Audio.RATE, grammar);
        return new Utterance() {
            private long heard;

            @Override
            public void hear(short[] chunk) {
                int n = (int) Math.min(chunk.length, (long) Audio.MAX_SECONDS * Audio.RATE - heard);
                if (n > 0) {
                    heard += n;
                    byte[] pcm = Audio.bytes(n == chunk.length ? chunk : Arrays.copyOf(chunk, n));
                    r.acceptWaveForm(pcm, pcm.length);
                }
            }

            @Override
            public String finish() {
                try (r) {
                    return text(r.getFinalResult());
                }
            }
        };
    }

    /** The "text" of a Vosk result. */
    static String text(String json) {
        Matcher m = TEXT.matcher(json);
        return m.find() ? m.group(1).strip() : "";
    }

    @Override
    public void close() {
        model.close();
    }
}
