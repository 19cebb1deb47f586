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
import edu.cmu.sphinx.decoder.search.Token;

/**
 * CMU Sphinx4 with the command grammar (JSGF) and its en-us model from the jar: no download. Push-to-talk mode:
 * Sphinx4's own configuration without its energy-based speech detector ({@code speechClassifier},
 * {@code speechMarker}), so each utterance is exactly the audio of one key press; that detector is what made
 * Sphinx4 fail in engine noise. Speech outside the grammar goes to the out-of-grammar branch and comes back as
 * "&lt;unk&gt;"; {@link Rejection} sets how readily.
 */
public final class SphinxEngine implements SpeechEngine {
    /**
     * How readily speech is rejected: the out-of-grammar branch's probability and its per-phone one (Sphinx4's
     * own figures by default), and the least score per 10 ms frame by which the command must beat a free phone
     * loop over the same audio (0 turns that check off).
     */
    public record Rejection(double branch, double perPhone, double margin) {
        public static final Rejection DEFAULT = new Rejection(1e-30, 1e-10, 8000);
    }
    private static final String MODEL = "/edu/cmu/sphinx/models/en-us/";
    /** The noise floor added to every utterance, in sample units (of 32768). */
    static final int FLOOR = 63;

    private final Recogniser recogniser;
    private final Recogniser phones;
    private final double margin;

    /** Loads the model and compiles the grammar: a second or two. */
    public SphinxEngine(CommandTable table) throws IOException {
        this(table, Rejection.DEFAULT);
    }

    public SphinxEngine(CommandTable table, Rejection rejection) throws IOException {
        Path dir = Files.createTempDirectory("pitbox-sphinx");
        try {
            Files.writeString(dir.resolve("commands.gram"), table.jsgf("commands"));
            Path config = dir.resolve("ptt.config.xml");
            Files.writeString(config, pushToTalkConfig(rejection));
            Configuration c = new Configuration();
            c.setAcousticModelPath(model("en-us/mdef").replaceFirst("/mdef$", ""));
            c.setDictionaryPath(model("cmudict-en-us.dict"));
            c.setGrammarPath(dir.toUri().toString());
            c.setGrammarName("commands");
            c.setUseGrammar(true);
            c.setSampleRate(Audio.RATE);
            recogniser = new Recogniser(new Context(config.toUri().toString(), c));
            margin = rejection.margin();
            if (margin > 0) {
                Context loop = new Context(config.toUri().toString(), c);
                loop.setLocalProperty("decoder->searchManager", "allphoneSearchManager");
                phones = new Recogniser(loop);
            } else {
                phones = null;
            }
        } finally {
            Files.deleteIfExists(dir.resolve("commands.gram"));
            Files.deleteIfExists(dir.resolve("ptt.config.xml"));
            Files.deleteIfExists(dir);
        }
    }

    /**
     * The address of a file of the en-us model in Sphinx4's data jar (a fragment of its core bundle in OSGi):
     * found through a file, since OSGi class loaders do not find folders.
     */
    private static String model(String file) throws IOException {
        java.net.URL url = Context.class.getResource(MODEL + file);
        if (url == null) {
            throw new IOException("Sphinx4's en-us model is missing: no " + MODEL + file + " (sphinx4-data)");
        }
        return url.toString();
    }

    /** Sphinx4's default configuration without the speech detector, quieter logs and the given OOG probability. */
    static String pushToTalkConfig(Rejection r) throws IOException {
        try (InputStream in = Context.class.getResourceAsStream("default.config.xml")) {
            if (in == null) {
                throw new IOException("Sphinx4's default.config.xml is missing from its jar");
            }
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String out = xml.replaceAll("\\s*<item>speechClassifier\\s*</item>", "")
                    .replaceAll("\\s*<item>speechMarker\\s*</item>", "")
                    .replace("name=\"logLevel\" value=\"INFO\"", "name=\"logLevel\" value=\"WARNING\"")
                    .replaceAll("name=\"oogProbability\" value=\"[^\"]*\"", property("oogProbability", r.branch()))
                    .replaceAll("name=\"oogLoopProbability\" value=\"[^\"]*\"", property("oogLoopProbability", r.perPhone()));
            if (out.contains("speechClassifier </item>") || out.equals(xml)) {
                throw new IOException("Sphinx4's default.config.xml is not the one PitBox knows");
            }
            return out;
        }
    }

    private static String property(String name, double value) {
        return "name=\"" + name + "\" value=\"" + String.format(Locale.ROOT, "%g", value) + "\"";
    }

    @Override
    public String name() {
        return "Sphinx4 (built in)";
    }

    @Override
    public Utterance start() {
        java.util.List<short[]> chunks = new java.util.ArrayList<>();
        return new Utterance() {
            @Override
            public void hear(short[] chunk) {
                chunks.add(chunk.clone());
            }

            @Override
            public String finish() {
                short[] all = new short[chunks.stream().mapToInt(c -> c.length).sum()];
                int at = 0;
                for (short[] c : chunks) {
                    System.arraycopy(c, 0, all, at, c.length);
                    at += c.length;
                }
                return whole(all);
            }
        };
    }

    private String whole(short[] samples) {
        byte[] pcm = Audio.bytes(noiseFloor(samples));
        Recogniser.Heard command = recogniser.recognise(pcm);
        if (phones == null || command.text().isEmpty() || command.text().contains("<unk>")) {
            return command.text();
        }
        double frames = Math.max(1, samples.length / (Audio.RATE / 100.0));
        double perFrame = (command.score() - phones.recognise(pcm).score()) / frames;
        return perFrame >= margin ? command.text() : "<unk>";
    }

    /**
     * The samples over a microphone's noise floor (uniform, within {@link #FLOOR}, about -60 dB full scale):
     * digital silence (a WAV padded with zeros) has no spectrum, and Sphinx4's noise and mean estimates over it
     * derail the utterance (clean synthetic speech: 72 % exact without the floor, 97 % with it).
     */
    static short[] noiseFloor(short[] samples) {
        short[] out = new short[samples.length];
        long x = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < samples.length; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            int v = samples[i] + (int) (x % FLOOR);
            out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
        }
        return out;
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

        /** The words heard and the best path's total score (log-likelihood, Sphinx4's scale). */
        record Heard(String text, double score) {
        }

        Heard recognise(byte[] pcm) {
            context.setSpeechSource(new ByteArrayInputStream(pcm));
            StringBuilder text = new StringBuilder();
            double score = 0;
            SpeechResult r;
            while ((r = getResult()) != null) {
                text.append(r.getHypothesis()).append(' ');
                Token best = r.getResult().getBestToken();
                score += best == null ? Double.NEGATIVE_INFINITY : best.getScore();
            }
            return new Heard(text.toString().strip(), score);
        }
    }
}
