package org.pitbox.voice.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.pitbox.voice.command.CommandTable;

import edu.cmu.sphinx.api.AbstractSpeechRecognizer;
import edu.cmu.sphinx.api.Configuration;
import edu.cmu.sphinx.api.Context;
import edu.cmu.sphinx.api.SpeechResult;

/**
 * CMU Sphinx4 with the command grammar (JSGF) and its en-us model from the jar: no download. Push-to-talk mode:
 * Sphinx4's own configuration without its energy-based speech detector ({@code speechClassifier},
 * {@code speechMarker}), so each utterance is exactly the audio of one key press; that detector is what made
 * Sphinx4 fail in engine noise. Speech outside the grammar goes to the out-of-grammar branch and comes back as
 * "&lt;unk&gt;"; {@link #DEFAULT_OOG} sets how readily.
 */
public final class SphinxEngine implements SpeechEngine {
    /** Out-of-grammar branch probability: higher rejects more (non-commands and poorly heard commands alike). */
    public static final double DEFAULT_OOG = 1e-30;
    private static final String MODEL = "resource:/edu/cmu/sphinx/models/en-us/";

    private final Recogniser recogniser;

    /** Loads the model and compiles the grammar: a second or two. */
    public SphinxEngine(CommandTable table) throws IOException {
        this(table, DEFAULT_OOG);
    }

    public SphinxEngine(CommandTable table, double oogProbability) throws IOException {
        Path dir = Files.createTempDirectory("pitbox-sphinx");
        try {
            Files.writeString(dir.resolve("commands.gram"), table.jsgf("commands"));
            Path config = dir.resolve("ptt.config.xml");
            Files.writeString(config, pushToTalkConfig(oogProbability));
            Configuration c = new Configuration();
            c.setAcousticModelPath(MODEL + "en-us");
            c.setDictionaryPath(MODEL + "cmudict-en-us.dict");
            c.setGrammarPath(dir.toUri().toString());
            c.setGrammarName("commands");
            c.setUseGrammar(true);
            c.setSampleRate(Audio.RATE);
            recogniser = new Recogniser(new Context(config.toUri().toString(), c));
        } finally {
            Files.deleteIfExists(dir.resolve("commands.gram"));
            Files.deleteIfExists(dir.resolve("ptt.config.xml"));
            Files.deleteIfExists(dir);
        }
    }

    /** Sphinx4's default configuration without the speech detector, quieter logs and the given OOG probability. */
    static String pushToTalkConfig(double oogProbability) throws IOException {
        try (InputStream in = Context.class.getResourceAsStream("default.config.xml")) {
            if (in == null) {
                throw new IOException("Sphinx4's default.config.xml is missing from its jar");
            }
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String out = xml.replaceAll("\\s*<item>speechClassifier\\s*</item>", "")
                    .replaceAll("\\s*<item>speechMarker\\s*</item>", "")
                    .replace("name=\"logLevel\" value=\"INFO\"", "name=\"logLevel\" value=\"WARNING\"")
                    .replaceAll("name=\"oogProbability\" value=\"[^\"]*\"",
                            "name=\"oogProbability\" value=\"" + String.format(Locale.ROOT, "%g", oogProbability) + "\"");
            if (out.contains("speechClassifier </item>") || out.equals(xml)) {
                throw new IOException("Sphinx4's default.config.xml is not the one PitBox knows");
            }
            return out;
        }
    }

    @Override
    public String name() {
        return "Sphinx4 (built in)";
    }

    @Override
    public String recognise(short[] samples) {
        return recogniser.recognise(Audio.bytes(samples));
    }

    @Override
    public void close() {
        // the recogniser holds only memory
    }

    /** Sphinx4's stream recogniser, made from a context so that the configuration can be PitBox's. */
    private static final class Recogniser extends AbstractSpeechRecognizer {
        Recogniser(Context context) throws IOException {
            super(context);
            recognizer.allocate();
        }

        String recognise(byte[] pcm) {
            context.setSpeechSource(new ByteArrayInputStream(pcm));
            StringBuilder text = new StringBuilder();
            SpeechResult r;
            while ((r = getResult()) != null) {
                text.append(r.getHypothesis()).append(' ');
            }
            return text.toString().strip();
        }
    }
}
