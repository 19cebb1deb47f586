package org.pitbox.voice.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.pitbox.voice.command.CommandTable;

import edu.cmu.sphinx.api.AbstractSpeechRecognizer;
import edu.cmu.sphinx.api.Configuration;
import edu.cmu.sphinx.api.Context;
import edu.cmu.sphinx.api.SpeechResult;
import edu.cmu.sphinx.decoder.adaptation.ClusteredDensityFileData;
import edu.cmu.sphinx.decoder.adaptation.Stats;
import edu.cmu.sphinx.decoder.adaptation.Transform;
import edu.cmu.sphinx.decoder.search.Token;
import edu.cmu.sphinx.linguist.HMMSearchState;
import edu.cmu.sphinx.linguist.acoustic.tiedstate.Pool;
import edu.cmu.sphinx.linguist.acoustic.tiedstate.Sphinx3Loader;

/**
 * CMU Sphinx4 with the command grammar (JSGF) and its en-us model from the jar: no download. Push-to-talk mode:
 * Sphinx4's own configuration without its energy-based speech detector ({@code speechClassifier},
 * {@code speechMarker}), so each utterance is exactly the audio of one key press; that detector is what made
 * Sphinx4 fail in engine noise. Speech outside the grammar goes to the out-of-grammar branch and comes back as
 * "&lt;unk&gt;"; {@link Rejection} sets how readily. Both decodes, the grammar and a free phone loop that checks
 * the command, run while the driver speaks, so the release of the key leaves only the last chunk to decode.
 */
public final class SphinxEngine implements SpeechEngine {
    /** The phone loop's phone insertion probability (Sphinx4's own is 0.05). */
    static final double LOOP_PHONE = 0.5;
    /** The margin in quiet, per 10 ms frame: negative, as the phone loop with {@link #LOOP_PHONE} fits speech well. */
    static final double MARGIN = -10500;
    /** How much the margin grows per dB under {@link Rejection#QUIET_DB}. */
    static final double PER_DB = 150;

    /**
     * How readily speech is rejected: the out-of-grammar branch's probability and its per-phone one; the free
     * phone loop's phone insertion probability ({@code loopPhone}: at 0.5 the loop's score tells a command from
     * speech that is no command far better in noise than at Sphinx4's own 0.05, README Voice);
     * the least score per 10 ms frame by which the command must beat that loop over the same audio in quiet (NaN
     * turns that check off), and how much more it must beat it for each dB the utterance's own signal-to-noise
     * ratio is under {@link #QUIET_DB} (down to {@link #NOISY_DB}): in noise, speech that is no command fits the
     * grammar nearly as well as a command does. {@code silentSpeech} is the most 10 ms frames in a row that the
     * command may take for silence while the audio there is loud (6 dB over its noise): words the command leaves
     * unexplained (0 turns that check off). The default was tuned with {@code voice-eval --teach --decisions} on
     * its tuning phrases (a likelier per-phone branch, 1e-8, also rejected speech in noise, but lost clean
     * commands).
     */
    public record Rejection(double branch, double perPhone, double loopPhone, double margin, double perDb,
            int silentSpeech) {
        public static final Rejection DEFAULT = new Rejection(1e-30, 1e-10, LOOP_PHONE, MARGIN, PER_DB, 12);
        /** At and above this signal-to-noise ratio the margin is the quiet one. */
        public static final double QUIET_DB = 30;
        /** At and below this one the margin stops growing. */
        public static final double NOISY_DB = 10;
        /**
         * Under this signal-to-noise ratio nothing was said over the noise (the key held in a loud car, noise alone
         * measures 2-6 dB): no command, however well it fits. Speech in noise at 10 dB measures 10 dB and more.
         */
        public static final double LEAST_DB = 8;

        /** This rejection with its margin moved as {@code strictness} says. */
        public Rejection with(Strictness strictness) {
            return new Rejection(branch, perPhone, loopPhone, margin + strictness.marginShift(), perDb, silentSpeech);
        }

        /** Whether the command is checked against the phone loop at all. */
        public boolean checksLoop() {
            return !Double.isNaN(margin);
        }

        /** The margin per 10 ms frame for an utterance with this signal-to-noise ratio in dB. */
        public double margin(double snrDb) {
            return margin + perDb * (QUIET_DB - Math.max(NOISY_DB, Math.min(QUIET_DB, snrDb)));
        }

        /**
         * How far the utterance's command leads the margin, per 10 ms frame (the margin check passes at 0 and
         * above, before a profile's shift): the per-frame lead the check compares. NaN where the phone loop was not
         * decoded.
         */
        public double lead(Decision d) {
            return (d.command() - d.loop()) / Math.max(1, d.frames()) - margin(d.snr());
        }
    }

    /**
     * What the checks saw in one utterance: the grammar's words, the command's and the phone loop's scores (NaN
     * where not decoded: the words are empty or "&lt;unk&gt;", or the margin is off), the 10 ms frames, the
     * signal-to-noise ratio, the most loud frames in a row taken for silence, and whether the command was accepted.
     * The decodes do not depend on the margin or the silence check, so these retune both without decoding again.
     */
    public record Decision(String words, double command, double loop, int frames, double snr, int silentSpeech,
            boolean accepted) {
    }

    private static final String MODEL = "/edu/cmu/sphinx/models/en-us/";
    /** The noise floor added to every utterance, in sample units (of 32768). */
    static final int FLOOR = 300;

    private final ExecutorService decoders = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "sphinx4-decoder");
        t.setDaemon(true);
        return t;
    });
    private final Recogniser recogniser;
    private final Recogniser phones;
    /** The rejection with the strictness's shift, the one the checks use. */
    private final Rejection rejection;
    /** The rejection before the strictness: teaching measures the readings against it. */
    private final Rejection unshifted;
    private final Consumer<Decision> decisions;
    /** The driver's voice profile in use, or null: the model as shipped. */
    private volatile VoiceProfile profile;

    /** Loads the model and compiles the grammar: a second or two. The model as shipped, whoever speaks. */
    public SphinxEngine(CommandTable table) throws IOException {
        this(table, Rejection.DEFAULT, d -> {
        });
    }

    /**
     * The driver's engine: the default rejection moved as {@code strictness} says, and the voice the driver taught
     * PitBox ({@link VoiceProfile#defaultFile()}) in use when it is saved and loads.
     */
    public SphinxEngine(CommandTable table, Strictness strictness) throws IOException {
        this(table, Rejection.DEFAULT, strictness, d -> {
        });
        Enrolment.useSaved(this, VoiceProfile.defaultFile());
    }

    /** With {@code decisions} told what the checks saw in each utterance, at its {@code finish}. */
    public SphinxEngine(CommandTable table, Rejection rejection, Consumer<Decision> decisions) throws IOException {
        this(table, rejection, Strictness.NORMAL, decisions);
    }

    /**
     * With {@code rejection}'s margin moved as {@code strictness} says, on top of a taught voice's own shift (which
     * {@link #teach} measures against {@code rejection} itself), and {@code decisions} told what the checks saw.
     */
    public SphinxEngine(CommandTable table, Rejection unshifted, Strictness strictness,
            Consumer<Decision> decisions) throws IOException {
        this.decisions = decisions;
        this.unshifted = unshifted;
        Rejection rejection = unshifted.with(strictness);
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
            this.rejection = rejection;
            if (rejection.checksLoop()) {
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

    /**
     * Sphinx4's default configuration without the speech detector, quieter logs, the given out-of-grammar
     * probabilities, the phone loop's phone insertion probability and the model's own cepstrum ({@link #cepstrum}).
     */
    static String pushToTalkConfig(Rejection r) throws IOException {
        try (InputStream in = Context.class.getResourceAsStream("default.config.xml");
                InputStream params = Context.class.getResourceAsStream(MODEL + "en-us/feat.params")) {
            if (in == null || params == null) {
                throw new IOException("Sphinx4's default.config.xml or its en-us model's feat.params is missing");
            }
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String out = xml.replaceAll("\\s*<item>speechClassifier\\s*</item>", "")
                    .replaceAll("\\s*<item>speechMarker\\s*</item>", "")
                    .replace("name=\"logLevel\" value=\"INFO\"", "name=\"logLevel\" value=\"WARNING\"")
                    .replaceAll("name=\"oogProbability\" value=\"[^\"]*\"", property("oogProbability", r.branch()))
                    .replaceAll("name=\"oogLoopProbability\" value=\"[^\"]*\"", property("oogLoopProbability", r.perPhone()))
                    .replaceFirst("(name=\"allphoneLinguist\"[^>]*>(?:\\s*<property[^>]*>)*?\\s*<property )"
                            + "name=\"phoneInsertionProbability\" value=\"[^\"]*\"",
                            "$1" + property("phoneInsertionProbability", r.loopPhone()));
            if (out.contains("speechClassifier </item>") || out.equals(xml) || !out.contains(AUTO_CEPSTRUM)
                    || !out.contains("</config>")) {
                throw new IOException("Sphinx4's default.config.xml is not the one PitBox knows");
            }
            Properties feat = new Properties();
            feat.load(new InputStreamReader(params, StandardCharsets.UTF_8));
            return out.replace(AUTO_CEPSTRUM, "<item>melFilterBank </item><item>denoise </item><item>dct </item>"
                    + "<item>lifter </item>").replace("</config>", cepstrum(feat) + "</config>");
        }
    }

    private static final String AUTO_CEPSTRUM = "<item>autoCepstrum </item>";
    /**
     * How fast the noise removal's estimate of the noise rises to a louder noise, per 10 ms frame (Sphinx4's is
     * 0.995, a time constant of 2 s): at 0.99, 1 s, it follows an engine's changing note and beat (README Voice).
     */
    static final double NOISE_RISE = 0.99;

    /**
     * The cepstrum Sphinx4's {@code autoCepstrum} makes from the model's {@code feat.params} (the Mel filters, the
     * noise removal, the cosine transform and the lifter), but with the noise removal's rise at
     * {@link #NOISE_RISE}.
     */
    static String cepstrum(Properties feat) throws IOException {
        String filters = feat.getProperty("-nfilt");
        if (filters == null || feat.getProperty("-lowerf") == null || feat.getProperty("-upperf") == null
                || !"dct".equals(feat.getProperty("-transform")) || feat.getProperty("-lifter") == null
                || "no".equals(feat.getProperty("-remove_noise"))) {
            throw new IOException("the en-us model's feat.params is not the one PitBox knows: " + feat);
        }
        String frontEnd = "edu.cmu.sphinx.frontend.";
        return component("melFilterBank", frontEnd + "frequencywarp.MelFrequencyFilterBank", "minimumFrequency",
                feat.getProperty("-lowerf"), "maximumFrequency", feat.getProperty("-upperf"), "numberFilters", filters)
                + component("denoise", frontEnd + "denoise.Denoise", "lambdaA", Double.toString(NOISE_RISE))
                + component("dct", frontEnd + "transform.DiscreteCosineTransform2", "numberFilters", filters,
                        "cepstrumLength", "13")
                + component("lifter", frontEnd + "transform.Lifter", "lifterValue", feat.getProperty("-lifter"));
    }

    private static String component(String name, String type, String... properties) {
        StringBuilder xml = new StringBuilder("<component name=\"" + name + "\" type=\"" + type + "\">");
        for (int i = 0; i < properties.length; i += 2) {
            xml.append("<property name=\"").append(properties[i]).append("\" value=\"").append(properties[i + 1])
                    .append("\"/>");
        }
        return xml.append("</component>\n").toString();
    }

    private static String property(String name, double value) {
        return "name=\"" + name + "\" value=\"" + String.format(Locale.ROOT, "%g", value) + "\"";
    }

    @Override
    public String name() {
        return "Sphinx4 (built in)";
    }

    /**
     * Both decodes, the grammar and the phone loop, run on their own threads while the driver speaks, each reading
     * the chunks as they arrive; the release only ends their audio.
     */
    @Override
    public Utterance start() {
        return listen();
    }

    private Checked listen() {
        Chunks forCommand = new Chunks();
        Chunks forPhones = phones == null ? null : new Chunks();
        Future<Heard> command = decoders.submit(() -> recogniser.recognise(forCommand));
        Future<Heard> loop = phones == null ? null : decoders.submit(() -> phones.recognise(forPhones));
        Floor floor = new Floor();
        Loudness loudness = new Loudness();
        return new Checked() {
            private long samples;

            @Override
            public void hear(short[] chunk) {
                int n = (int) Math.min(chunk.length, (long) Audio.MAX_SECONDS * Audio.RATE - samples);
                if (n <= 0) {
                    return;
                }
                samples += n;
                short[] heard = floor.add(n == chunk.length ? chunk : Arrays.copyOf(chunk, n));
                loudness.add(heard);
                byte[] pcm = Audio.bytes(heard);
                forCommand.add(pcm);
                if (forPhones != null) {
                    forPhones.add(pcm);
                }
            }

            @Override
            public String finish() {
                Decision d = decision();
                decisions.accept(d);
                return d.accepted() || Double.isNaN(d.loop()) ? d.words() : "<unk>";
            }

            @Override
            public Decision decision() {
                forCommand.end();
                if (forPhones != null) {
                    forPhones.end();
                }
                Heard heard = result(command);
                boolean words = !heard.text().isEmpty() && !heard.text().contains("<unk>");
                if (loop == null || !words) {
                    return new Decision(heard.text(), heard.score(), Double.NaN, loudness.frames(), loudness.snr(),
                            silentSpeech(heard, loudness), words);
                }
                return decide(heard, result(loop), loudness);
            }
        };
    }

    /** An utterance of this engine: {@link #decision()} ends it as {@code finish} does, telling no one. */
    private interface Checked extends Utterance {
        Decision decision();
    }

    private static Heard result(Future<Heard> decode) {
        try {
            return decode.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Sphinx4 failed on an utterance: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Sphinx4 decoded", e);
        }
    }

    /**
     * Whether the command beats the free phone loop over the same audio by the margin per 10 ms frame, the margin
     * for the utterance's signal-to-noise ratio, leaves no loud audio unexplained and stands out from the noise.
     */
    Decision decide(Heard command, Heard loop, Loudness audio) {
        double snr = audio.snr();
        int silent = silentSpeech(command, audio);
        VoiceProfile p = profile;
        double margin = rejection.margin(snr) + (p == null ? 0 : p.marginShift());
        boolean accepted = (command.score() - loop.score()) / Math.max(1, audio.frames()) >= margin
                && (rejection.silentSpeech() <= 0 || silent <= rejection.silentSpeech())
                && snr >= Rejection.LEAST_DB;
        return new Decision(command.text(), command.score(), loop.score(), audio.frames(), snr, silent, accepted);
    }

    /** The most frames in a row that the command takes for silence while the audio is loud. */
    static int silentSpeech(Heard command, Loudness audio) {
        boolean[] loud = audio.loud();
        int most = 0;
        int run = 0;
        for (int i = 0; i < Math.min(loud.length, command.silent().length); i++) {
            run = loud[i] && command.silent()[i] ? run + 1 : 0;
            most = Math.max(most, run);
        }
        return most;
    }

    /**
     * Learns the driver's voice from {@code said[i]} read as {@code utterances[i]} ("Teach PitBox your voice"): a
     * global MLLR transform of the model's means, estimated (Sphinx4's {@code Stats}) over the utterances whose
     * grammar decode is the phrase read, aligned by that decode; the others are left out, as a misheard reading
     * would teach the wrong sounds. Each reading heard as read is also heard with pink and with engine-like noise
     * mixed in at {@link #TEACH_NOISE_DB}, and counts again each time it is still heard as read there: the voice
     * is learned as it sounds in a noisy car as well as in quiet. It starts from the shipped model, whatever
     * profile was in use, and returns the profile with no margin shift (no remark was read) and the commands'
     * leads; nothing is in use afterwards until {@link #use}. Call it between utterances.
     *
     * @throws IllegalArgumentException when too little speech was heard as read ({@link #TEACH_LEAST_SECONDS} s
     *         are needed)
     */
    public VoiceProfile teach(List<short[]> utterances, List<String> said) {
        return teach(utterances, said, List.of(), List.of());
    }

    /**
     * Learns the voice as {@link #teach(List, List)} does, then hears every reading again with the voice learned,
     * through both decodes and the checks as the driver's speech goes through them: as read, then with pink noise
     * mixed in at {@link #TEACH_NOISE_DB} (the same noise for the same reading). It measures how far each command
     * heard as read and each of {@code remarkReadings} (the readings of {@code remarks}, speech that is no command)
     * lead the margin, per 10 ms frame ({@link Rejection#lead}, against this engine's margin before its
     * strictness); from those {@link Enrolment#marginShift} sets the profile's margin shift. Those hearings go to
     * this engine's decisions in that order (commands, then remarks, as read, then in noise). Nothing is in use
     * afterwards until {@link #use}.
     *
     * @throws IllegalArgumentException when too little speech was heard as read ({@link #TEACH_LEAST_SECONDS} s
     *         are needed)
     */
    public synchronized VoiceProfile teach(List<short[]> utterances, List<String> said, List<short[]> remarkReadings,
            List<String> remarks) {
        if (utterances.size() != said.size() || remarkReadings.size() != remarks.size()) {
            throw new IllegalArgumentException("one phrase read for each utterance");
        }
        VoiceProfile learned = learn(utterances, said);
        if (phones == null) {
            return learned.withLeads(0, remarks, VoiceProfile.Leads.NONE, VoiceProfile.Leads.NONE);
        }
        try {
            use(learned);
            VoiceProfile.Leads quiet = leads(utterances, said, remarkReadings, false);
            VoiceProfile.Leads noisy = leads(utterances, said, remarkReadings, true);
            return learned.withLeads(Enrolment.marginShift(quiet, noisy), remarks, quiet, noisy);
        } finally {
            use(null);
        }
    }

    /** The signal-to-noise ratio, in dB, at which teaching hears the readings again in pink noise. */
    public static final double TEACH_NOISE_DB = 10;
    /** The pink noise's seed for the first reading; the next reading's is one more, and so on. */
    static final long TEACH_NOISE_SEED = 100_000;
    /** The least audio, in seconds, of readings heard as read (their noisy copies not counted) that teaches. */
    static final int TEACH_LEAST_SECONDS = 3;
    /** The engine-like noise's seed for the first reading, as for the pink one. */
    static final long TEACH_ENGINE_SEED = 200_000;

    private VoiceProfile.Leads leads(List<short[]> utterances, List<String> said, List<short[]> remarkReadings,
            boolean noisy) {
        List<Double> commandLeads = new ArrayList<>();
        for (int i = 0; i < utterances.size(); i++) {
            Decision d = check(noisy ? inPink(utterances.get(i), i) : utterances.get(i));
            if (words(d.words()).equals(words(said.get(i))) && passesSilence(d) && !Double.isNaN(d.loop())) {
                commandLeads.add(unshifted.lead(d));
            }
        }
        double[] remarkLeads = new double[remarkReadings.size()];
        for (int i = 0; i < remarkLeads.length; i++) {
            short[] audio = remarkReadings.get(i);
            Decision d = check(noisy ? inPink(audio, utterances.size() + i) : audio);
            remarkLeads[i] = passesSilence(d) && !Double.isNaN(d.loop()) ? unshifted.lead(d)
                    : Double.NEGATIVE_INFINITY;
        }
        return new VoiceProfile.Leads(commandLeads.stream().mapToDouble(Double::doubleValue).toArray(), remarkLeads);
    }

    /** The reading with pink noise mixed in at {@link #TEACH_NOISE_DB}, the same noise for the same index. */
    private static short[] inPink(short[] reading, int index) {
        return NoiseMix.mix(reading, NoiseMix.pink(reading.length, new Random(TEACH_NOISE_SEED + index)),
                TEACH_NOISE_DB);
    }

    /** The reading with engine-like noise mixed in at {@link #TEACH_NOISE_DB}, as {@link #inPink}. */
    private static short[] inEngine(short[] reading, int index) {
        return NoiseMix.mix(reading, NoiseMix.engine(reading.length, new Random(TEACH_ENGINE_SEED + index)),
                TEACH_NOISE_DB);
    }

    private boolean passesSilence(Decision d) {
        return rejection.silentSpeech() <= 0 || d.silentSpeech() <= rejection.silentSpeech();
    }

    /** One utterance heard whole through both decodes and the checks, its decision told to this engine's. */
    private Decision check(short[] audio) {
        Checked u = listen();
        u.hear(audio);
        Decision d = u.decision();
        decisions.accept(d);
        return d;
    }

    private VoiceProfile learn(List<short[]> utterances, List<String> said) {
        use(null);
        Sphinx3Loader loader = recogniser.loader();
        Pool<float[]> variances = loader.getVariancePool();
        // Sphinx4's Stats inverts the loader's variances in place (decoding uses its own copies): they are put
        // back afterwards. It inverts only the first states x Gaussians of them, a third of this model's three
        // streams, and weighs the rest by their variance: the rest is inverted here first, the same way.
        float[][] kept = copy(variances);
        for (int g = loader.getNumStates() * loader.getNumGaussiansPerState(); g < variances.size(); g++) {
            float[] v = variances.get(g);
            for (int i = 0; i < v.length; i++) {
                v[i] = v[i] <= 0 ? 0.5f : v[i] < 1e-5f ? 1e5f : 1 / v[i];
            }
        }
        List<String> used = new ArrayList<>();
        long heardAsRead = 0;
        Transform transform;
        try {
            Stats stats = new Stats(loader, new ClusteredDensityFileData(loader, 1));
            for (int i = 0; i < utterances.size(); i++) {
                short[] reading = utterances.get(i);
                if (!collect(stats, reading, said.get(i))) {
                    continue;
                }
                used.add(said.get(i));
                heardAsRead += reading.length;
                collect(stats, inPink(reading, i), said.get(i));
                collect(stats, inEngine(reading, i), said.get(i));
            }
            transform = stats.createTransform();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Sphinx4 could not learn the voice: " + e.getMessage(), e);
        } finally {
            for (int g = 0; g < kept.length; g++) {
                System.arraycopy(kept[g], 0, variances.get(g), 0, kept[g].length);
            }
        }
        if (transform == null || heardAsRead < TEACH_LEAST_SECONDS * Audio.RATE) {
            throw new IllegalArgumentException("too little speech was heard as read (" + used.size() + " of "
                    + said.size() + " phrases): read them again, clearly, in a quieter place");
        }
        int streams = loader.getNumStreams();
        float[][][] a = new float[streams][][];
        float[][] b = new float[streams][];
        for (int s = 0; s < streams; s++) {
            a[s] = Arrays.stream(transform.getAs()[0][s]).map(float[]::clone).toArray(float[][]::new);
            b[s] = transform.getBs()[0][s].clone();
        }
        return new VoiceProfile(a, b, 0, used);
    }

    /** Adds the reading's statistics along its grammar decode, when that decode is the phrase read; true if it was. */
    private boolean collect(Stats stats, short[] reading, String said) throws Exception {
        Chunks audio = new Chunks();
        audio.add(Audio.bytes(new Floor().add(reading)));
        audio.end();
        List<SpeechResult> results = new ArrayList<>();
        Heard heard = recogniser.recognise(audio, results);
        if (!words(heard.text()).equals(words(said))) {
            return false;
        }
        for (SpeechResult r : results) {
            stats.collect(r);
        }
        return true;
    }

    /**
     * Decodes with {@code p}, the driver's profile (its adapted model and margin shift), from the next utterance
     * on; null goes back to the model as shipped. Call it between utterances.
     *
     * @throws IllegalArgumentException when the profile was made for another model
     */
    public synchronized void use(VoiceProfile p) {
        recogniser.adapt(p);
        if (phones != null) {
            phones.adapt(p);
        }
        profile = p;
    }

    /** The grammar decoder's model loader, for tests. */
    Sphinx3Loader commandLoader() {
        return recogniser.loader();
    }

    /** The profile in use, or null. */
    public VoiceProfile profile() {
        return profile;
    }

    private static String words(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    private static float[][] copy(Pool<float[]> pool) {
        float[][] out = new float[pool.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = pool.get(i).clone();
        }
        return out;
    }

    /**
     * Adds a microphone's noise floor (uniform, within {@link #FLOOR}, about -45 dB full scale) to the samples,
     * chunk after chunk: digital silence (a WAV padded with zeros) has no spectrum, and Sphinx4's noise and mean
     * estimates over it derail the utterance (clean synthetic speech: 72 % exact without a floor, 97 % with one at
     * -60 dB). At -45 dB clean speech looks to Sphinx4 like the noisy speech its mean has just seen.
     */
    static final class Floor {
        private long x = 0x9E3779B97F4A7C15L;

        short[] add(short[] samples) {
            short[] out = new short[samples.length];
            for (int i = 0; i < samples.length; i++) {
                x ^= x << 13;
                x ^= x >>> 7;
                x ^= x << 17;
                int v = samples[i] + (int) (x % FLOOR);
                out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
            }
            return out;
        }
    }

    @Override
    public void close() {
        decoders.shutdownNow();
    }

    /** Sphinx4's stream recogniser, made from a context so that the configuration can be PitBox's. */
    private static final class Recogniser extends AbstractSpeechRecognizer {
        /** The model's Gaussian means as shipped, kept the first time a profile is used. */
        private float[][] shipped;

        Recogniser(Context context) throws IOException {
            super(context);
            recognizer.allocate();
        }

        Sphinx3Loader loader() {
            if (!(context.getLoader() instanceof Sphinx3Loader l)) {
                throw new IllegalStateException("Sphinx4's model loader is not the Sphinx3Loader PitBox adapts");
            }
            return l;
        }

        /**
         * Sets the means to the shipped ones moved by {@code p} ({@code a m + b}, each stream's by its own), or back to the
         * shipped ones when {@code p} is null. Sphinx4 scores with the means' own arrays, so this takes effect on
         * the next utterance.
         */
        void adapt(VoiceProfile p) {
            Sphinx3Loader loader = loader();
            Pool<float[]> means = loader.getMeansPool();
            int[] lengths = loader.getVectorLength();
            if (p != null && (p.a().length != loader.getNumStreams()
                    || !Arrays.equals(lengths, Arrays.stream(p.a()).mapToInt(m -> m.length).toArray()))) {
                throw new IllegalArgumentException("the voice profile was made for another acoustic model");
            }
            if (shipped == null) {
                shipped = copy(means);
            }
            // the pool holds each stream's mean apart: state by state, stream by stream, Gaussian by Gaussian
            int perState = loader.getNumGaussiansPerState();
            for (int g = 0; g < means.size(); g++) {
                float[] mean = means.get(g);
                float[] original = shipped[g];
                if (p == null) {
                    System.arraycopy(original, 0, mean, 0, mean.length);
                    continue;
                }
                int s = (g / perState) % lengths.length;
                float[][] a = p.a()[s];
                float[] b = p.b()[s];
                if (mean.length != a.length) {
                    throw new IllegalArgumentException("the voice profile does not fit the model's means");
                }
                for (int i = 0; i < mean.length; i++) {
                    double v = b[i];
                    for (int j = 0; j < mean.length; j++) {
                        v += a[i][j] * original[j];
                    }
                    mean[i] = (float) v;
                }
            }
        }

        Heard recognise(InputStream audio) {
            return recognise(audio, null);
        }

        /** The words heard, and each of Sphinx4's results added to {@code results} if it is not null. */
        Heard recognise(InputStream audio, List<SpeechResult> results) {
            context.setSpeechSource(audio);
            StringBuilder text = new StringBuilder();
            double score = 0;
            List<Boolean> silent = new ArrayList<>();
            SpeechResult r;
            while ((r = getResult()) != null) {
                text.append(r.getHypothesis()).append(' ');
                if (results != null) {
                    results.add(r);
                }
                Token best = r.getResult().getBestToken();
                score += best == null ? Double.NEGATIVE_INFINITY : best.getScore();
                silent.addAll(silentFrames(best));
            }
            boolean[] frames = new boolean[silent.size()];
            for (int i = 0; i < frames.length; i++) {
                frames[i] = silent.get(i);
            }
            return new Heard(text.toString().strip(), score, frames);
        }

        /** For each 10 ms frame of the best path, whether it is silence or a filler (a breath, a noise). */
        private static List<Boolean> silentFrames(Token best) {
            List<Boolean> out = new ArrayList<>();
            for (Token t = best; t != null; t = t.getPredecessor()) {
                if (t.isEmitting()) {
                    out.add(t.getSearchState() instanceof HMMSearchState s
                            && s.getHMMState().getHMM().getBaseUnit().isFiller());
                }
            }
            Collections.reverse(out);
            return out;
        }
    }

    /**
     * The words heard, the best path's total score (log-likelihood, Sphinx4's scale) and for each 10 ms frame of
     * it whether it is silence.
     */
    record Heard(String text, double score, boolean[] silent) {
    }
}
