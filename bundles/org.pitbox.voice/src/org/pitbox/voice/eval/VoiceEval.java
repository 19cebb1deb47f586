package org.pitbox.voice.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.locks.LockSupport;

import org.pitbox.voice.command.Command;
import org.pitbox.voice.command.CommandMatcher;
import org.pitbox.voice.command.CommandTable;
import org.pitbox.voice.engine.Audio;
import org.pitbox.voice.engine.Enrolment;
import org.pitbox.voice.engine.SpeechEngine;
import org.pitbox.voice.engine.SphinxEngine;
import org.pitbox.voice.engine.Strictness;
import org.pitbox.voice.engine.VoiceProfile;
import org.pitbox.voice.engine.VoskEngine;

/**
 * {@code pitbox voice-eval}: speaks the command table with three espeak-ng voices and FreeTTS's kevin16, clean and
 * in pink and engine-like noise at 20, 10 and 5 dB, with radio chatter that is not a command, through the real
 * recogniser and matcher; prints exact commands per set, non-commands rejected and the time from the end of speech
 * (the key released) to the command. Accuracy is over every utterance, most of them fed at full speed; latency is
 * over a subset fed as a microphone delivers it, in chunks at real-time pace. {@code --dir DIR} scores the WAVs listed in
 * {@code DIR/expected.tsv} instead, all fed in real time. {@code --decisions FILE} writes what Sphinx4's checks saw
 * in each utterance, to retune the rejection without decoding again.
 */
public final class VoiceEval {
    public static final String USAGE = """
            usage: pitbox voice-eval [--engine sphinx|vosk] [--model DIR] [--oog P] [--oog-phone P] [--loop-phone P]
                                     [--margin M|off] [--per-db M] [--silent-speech F] [--quick] [--save DIR]
                                     [--strictness S] [--decisions FILE]
                                     [--voices V] [--conditions C] [--teach | --split]
                   pitbox voice-eval --dir DIR [--engine sphinx|vosk] [--model DIR] [--strictness S]
                   pitbox voice-eval --speak
              Speaks every command (three espeak-ng voices and FreeTTS's kevin16, clean and in pink and engine
              noise at 20, 10 and 5 dB) and radio chatter that is no command through the recogniser and the
              matcher; prints exact commands per set, non-commands rejected and latency from the end of speech to
              the command (p50, p95), the latter over 10 utterances per set fed in 40 ms chunks at real-time pace.
              --dir DIR    score DIR/expected.tsv instead: lines 'file<TAB>expected command' or 'file<TAB>reject'
              --engine     sphinx (built in, the default) or vosk (needs --model, a Vosk model folder)
              --oog P      Sphinx4's out-of-grammar branch probability (default 1e-30)
              --oog-phone P  its per-phone probability (default 1e-10)
              --loop-phone P  the free phone loop's phone insertion probability (default 0.5)
              --margin M   the least score per 10 ms frame by which a command must beat that loop in quiet
                           (default -10500; off turns the check off)
              --per-db M   how much more for each dB the utterance's signal-to-noise ratio is under 30 dB,
                           down to 10 dB (default 150)
              --silent-speech F  the most 10 ms frames in a row a command may take for silence where the audio
                           is loud (default 12; 0 turns that check off)
              --strictness S  strict, normal (the default) or relaxed, as the Voice tab sets it: the margin
                           2000 higher, as it is, or 2000 lower
              --quick      one voice, clean and engine noise at 10 dB
              --voices V   only these voices, comma separated (en-us, en-gb+m3, en-us+f3, kevin16)
              --conditions C  only these, comma separated (clean, pink20, engine20, pink10, engine10, pink5,
                           engine5)
              --teach      teach PitBox each voice first (it reads the Teach phrases and remarks once, clean;
                           the remarks set its margin shift) and score only the other command phrases, each
                           voice with its own profile; --decisions also gets the readings, condition 'teach'
              --split      score the same phrases as --teach, without teaching: its baseline
              --save DIR   also write the spoken set as WAVs with an expected.tsv, for --dir
              --decisions FILE  also write a line per utterance with what Sphinx4's checks saw (its words, the
                           command's and the phone loop's scores, frames, SNR, the loud frames in a row taken for
                           silence, accepted), a TSV: --margin, --per-db and --silent-speech can be retuned from
                           it without decoding again
              --speak      only the time from a recognised fuel question to the first sample of the spoken
                           answer (local voice, through the speech queue); the full run ends with it too""";

    /** Radio chatter and remarks that are not commands and must not become one; the rejection is tuned on these. */
    static final List<String> NON_COMMANDS = List.of("the car is loose on entry", "I think it is going to rain",
            "that was a close one", "copy that", "yellow flag in turn four", "the brakes feel soft",
            "he pushed me off the track", "let me know when the window opens", "what a great race",
            "I need a drink", "the rear tires are gone", "blue flags behind me", "nice move",
            "too much understeer in the slow corners", "traffic ahead in the chicane",
            "I am losing time in the last sector", "check the pressures after the stop", "thanks guys",
            "somebody spun in front of me", "my seat belt is loose", "fuel feels heavy", "the tires are fine",
            "box is busy", "the gap is closing", "my last lap was messy", "the front left is locking",
            "more rain coming", "the car behind is faster", "position lights are on", "that lap was good",
            "rear tires feel better now", "fuel pressure looks low", "how is the weather", "what a mess in turn one",
            "the team did a good stop");

    /** Car talk that shares words with the commands, never used to tune the rejection: its fair test. */
    static final List<String> HELD_OUT = List.of("fuel smell in the cockpit", "the gap to the leader is huge",
            "my best lap was earlier", "box was slow", "the car ahead is slow in the corners", "time to push",
            "front wing is damaged", "I will pit next lap", "left rear feels loose", "how are the tires looking",
            "more grip on the outside line", "the session is going well", "twenty laps is a long stint",
            "clean air at last", "what is the weather doing");

    /** Extra command phrases with other amounts and tyres than the table's examples. */
    static final List<String> EXTRA = List.of("add two point five gallons", "add forty five liters",
            "fuel twelve liters", "change left front tires", "change rear tires");

    private record Condition(String name, Noise noise, double snr) {
    }

    private static final List<Condition> CONDITIONS = List.of(new Condition("clean", null, 0),
            new Condition("pink 20 dB", Noise.PINK, 20), new Condition("engine 20 dB", Noise.ENGINE, 20),
            new Condition("pink 10 dB", Noise.PINK, 10), new Condition("engine 10 dB", Noise.ENGINE, 10),
            new Condition("pink 5 dB", Noise.PINK, 5), new Condition("engine 5 dB", Noise.ENGINE, 5));

    /** The speed of the FreeTTS voice (kevin16), the fourth voice of a full run. */
    private static final int FREETTS_WPM = 160;

    /** Utterances per set fed in real time for the latency. */
    private static final int LIVE_PER_SET = 10;
    /** The chunk a microphone delivers: 40 ms. */
    private static final int CHUNK = Audio.RATE / 25;

    private VoiceEval() {
    }

    public static void run(String[] args, PrintStream out) throws Exception {
        Map<String, String> opts = options(args);
        if (opts.containsKey("--help")) {
            out.println(USAGE);
            return;
        }
        if (opts.containsKey("--speak")) {
            SpeakLatency.report(out);
            return;
        }
        CommandTable table = CommandTable.standard();
        CommandMatcher matcher = new CommandMatcher(table);
        long start = System.nanoTime();
        Queue<SphinxEngine.Decision> decisions = new ArrayDeque<>();
        try (SpeechEngine engine = engine(opts, table, decisions)) {
            out.printf(Locale.ROOT, "engine: %s, loaded in %.1f s%n", engine.name(), (System.nanoTime() - start) / 1e9);
            if (opts.containsKey("--dir")) {
                scoreDir(Path.of(opts.get("--dir")), engine, matcher, out);
            } else {
                synthetic(opts, table, engine, decisions, matcher, out);
                SpeakLatency.report(out);
            }
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--help", "-h", "--quick", "--speak", "--teach", "--split" -> opts.put(a.equals("-h") ? "--help" : a, "");
                case "--engine", "--model", "--oog", "--oog-phone", "--loop-phone", "--margin", "--per-db", "--silent-speech", "--dir",
                        "--save", "--decisions", "--strictness", "--voices", "--conditions" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(a + " needs a value (voice-eval --help)");
                    }
                    opts.put(a, args[++i]);
                }
                default -> throw new IllegalArgumentException("unknown option '" + a + "' (voice-eval --help)");
            }
        }
        return opts;
    }

    private static Strictness strictness(Map<String, String> opts) {
        String name = opts.getOrDefault("--strictness", "normal");
        Strictness s = Strictness.named(name);
        if (!s.key().equals(name.strip().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("--strictness is strict, normal or relaxed, not '" + name + "'");
        }
        return s;
    }

    /** The engine asked for; Sphinx4 adds what its checks saw in each utterance to {@code decisions}. */
    private static SpeechEngine engine(Map<String, String> opts, CommandTable table,
            Queue<SphinxEngine.Decision> decisions) throws IOException {
        String name = opts.getOrDefault("--engine", "sphinx");
        if (opts.containsKey("--decisions") && (!name.equals("sphinx") || opts.containsKey("--dir"))) {
            throw new IllegalArgumentException("--decisions is for Sphinx4 on the spoken set, not with --dir or vosk");
        }
        return switch (name) {
            case "sphinx" -> new SphinxEngine(table, new SphinxEngine.Rejection(
                    number(opts, "--oog", SphinxEngine.Rejection.DEFAULT.branch()),
                    number(opts, "--oog-phone", SphinxEngine.Rejection.DEFAULT.perPhone()),
                    number(opts, "--loop-phone", SphinxEngine.Rejection.DEFAULT.loopPhone()),
                    "off".equals(opts.get("--margin")) ? Double.NaN
                            : number(opts, "--margin", SphinxEngine.Rejection.DEFAULT.margin()),
                    number(opts, "--per-db", SphinxEngine.Rejection.DEFAULT.perDb()),
                    (int) number(opts, "--silent-speech", SphinxEngine.Rejection.DEFAULT.silentSpeech())),
                    strictness(opts), opts.containsKey("--decisions") ? decisions::add : d -> {
                    });
            case "vosk" -> {
                if (!opts.containsKey("--model")) {
                    throw new IllegalArgumentException("--engine vosk needs --model DIR, a Vosk model folder");
                }
                yield new VoskEngine(Path.of(opts.get("--model")), table);
            }
            default -> throw new IllegalArgumentException("--engine is sphinx or vosk, not '" + name + "'");
        };
    }

    private static double number(Map<String, String> opts, String name, double otherwise) {
        String s = opts.get(name);
        try {
            return s == null ? otherwise : Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " takes a number such as 1e-30, not '" + s + "'");
        }
    }

    private static void synthetic(Map<String, String> opts, CommandTable table, SpeechEngine engine,
            Queue<SphinxEngine.Decision> decisions, CommandMatcher matcher, PrintStream out) throws Exception {
        String why = Espeak.unavailable();
        if (why != null) {
            throw new IllegalStateException("voice-eval speaks with espeak-ng: " + why);
        }
        boolean quick = opts.containsKey("--quick");
        List<SyntheticVoice> voices = new ArrayList<>(quick ? Espeak.VOICES.subList(0, 1) : Espeak.VOICES);
        try (FreeTts kevin = new FreeTts(FREETTS_WPM)) {
            if (!quick) {
                voices.add(kevin);
            }
            if (opts.containsKey("--voices")) {
                List<String> wanted = List.of(opts.get("--voices").split(","));
                voices.removeIf(v -> wanted.stream().noneMatch(w -> (" " + v.label() + " ").contains(" " + w.strip() + " ")));
                if (voices.isEmpty()) {
                    throw new IllegalArgumentException("--voices names none of the voices (en-us, en-gb+m3,"
                            + " en-us+f3, kevin16)");
                }
            }
            evaluate(opts, voices, table, engine, decisions, matcher, out);
        }
    }

    /**
     * Condition after condition, and in each every voice's every phrase: a driver's car does not go from quiet to
     * 5 dB of engine noise from one key press to the next, and Sphinx4's live cepstral mean carries over from one
     * utterance to the next (voice, phrase, condition order decoded each clean phrase with the mean of a 5 dB one).
     * Each voice says each phrase once; an utterance's noise is seeded by its number, as before.
     */
    private static void evaluate(Map<String, String> opts, List<SyntheticVoice> voices, CommandTable table,
            SpeechEngine engine, Queue<SphinxEngine.Decision> decisions, CommandMatcher matcher, PrintStream out)
            throws Exception {
        boolean quick = opts.containsKey("--quick");
        List<Condition> conditions = quick ? List.of(CONDITIONS.get(0), CONDITIONS.get(4)) : CONDITIONS;
        if (opts.containsKey("--conditions")) {
            List<String> wanted = List.of(opts.get("--conditions").split(","));
            conditions = CONDITIONS.stream().filter(c -> wanted.contains(c.name().replace(" dB", "")
                    .replace(" ", ""))).toList();
            if (conditions.isEmpty()) {
                throw new IllegalArgumentException("--conditions names none of clean, pink20, engine20, pink10,"
                        + " engine10, pink5, engine5");
            }
        }
        boolean teach = opts.containsKey("--teach");
        List<String> phrases = new ArrayList<>();
        table.examples().values().forEach(phrases::addAll);
        phrases.addAll(EXTRA);
        List<String> read = Enrolment.phrases(table);
        if (teach || opts.containsKey("--split")) {
            phrases = new ArrayList<>(Enrolment.notRead(phrases, table));
            out.printf("scored on the %d command phrases not read to teach PitBox (%s: %s)%n", phrases.size(),
                    teach ? "each voice taught with" : "taught with none, the same split", String.join(", ", read));
        }
        List<String> lines = new ArrayList<>(List.of("voice\tcondition\tphrase\texpected\twords\tright\tcommand"
                + "\tloop\tframes\tsnr\tsilent\taccepted"));
        List<VoiceProfile> profiles = new ArrayList<>();
        if (teach) {
            if (!(engine instanceof SphinxEngine sphinx)) {
                throw new IllegalArgumentException("--teach is for Sphinx4");
            }
            for (SyntheticVoice voice : voices) {
                List<short[]> readings = new ArrayList<>();
                for (String text : read) {
                    readings.add(Noise.pad(voice.say(text), 0.3));
                }
                List<short[]> remarks = new ArrayList<>();
                for (String text : Enrolment.REMARKS) {
                    remarks.add(Noise.pad(voice.say(text), 0.3));
                }
                decisions.clear();
                VoiceProfile p = sphinx.teach(readings, read, remarks, Enrolment.REMARKS);
                List<String> readAll = new ArrayList<>(read);
                readAll.addAll(Enrolment.REMARKS);
                for (String condition : List.of("teach", "teach pink 10 dB")) {
                    for (String text : readAll) {
                        SphinxEngine.Decision d = decisions.poll();
                        if (d != null) {
                            boolean remark = Enrolment.REMARKS.contains(text);
                            lines.add(decisionLine(voice.label(), condition, text, new EvalSet.Expected(
                                    remark ? null : matcher.match(text).command(), false), d, matcher)
                                    .replace("\ttuning\t", remark ? "\tremark\t" : "\ttuning\t"));
                        }
                    }
                }
                decisions.clear();
                out.printf(Locale.ROOT, "taught %s: %d of %d phrases heard as read; lead over the margin per frame,"
                        + " commands heard as read %s, remarks %s, in pink noise at %.0f dB %s and %s (-Infinity:"
                        + " rejected whatever the margin); margin shift %+.0f%n", voice.label(), p.phrases().size(),
                        read.size(), leads(p.quiet().commands()), leads(p.quiet().remarks()),
                        SphinxEngine.TEACH_NOISE_DB, leads(p.noisy().commands()), leads(p.noisy().remarks()),
                        p.marginShift());
                profiles.add(p);
            }
        }
        Path save = opts.containsKey("--save") ? Files.createDirectories(Path.of(opts.get("--save"))) : null;
        List<String> tsv = new ArrayList<>();
        out.printf("%d command phrases, %d non-commands to tune on and %d held out, voices: %s%n", phrases.size(),
                NON_COMMANDS.size(), HELD_OUT.size(),
                String.join(", ", voices.stream().map(SyntheticVoice::label).toList()));
        Map<String, EvalSet> sets = new LinkedHashMap<>();
        conditions.forEach(c -> sets.put(c.name(), new EvalSet(c.name())));
        List<String> all = new ArrayList<>(phrases);
        all.addAll(NON_COMMANDS);
        all.addAll(HELD_OUT);
        List<List<short[]>> spoken = new ArrayList<>();
        for (SyntheticVoice voice : voices) {
            List<short[]> said = new ArrayList<>();
            for (String text : all) {
                said.add(Noise.pad(voice.say(text), 0.3));
            }
            spoken.add(said);
        }
        int stride = Math.max(1, voices.size() * all.size() / LIVE_PER_SET);
        for (Condition c : conditions) {
            EvalSet set = sets.get(c.name());
            for (int v = 0; v < voices.size(); v++) {
                if (teach) {
                    ((SphinxEngine) engine).use(profiles.get(v));
                }
                for (int i = 0; i < all.size(); i++) {
                    int n = v * all.size() + i + 1;
                    String text = all.get(i);
                    EvalSet.Expected expected = new EvalSet.Expected(
                            phrases.contains(text) ? matcher.match(text).command() : null, HELD_OUT.contains(text));
                    short[] speech = spoken.get(v).get(i);
                    short[] audio = c.noise() == null ? speech : Noise.mix(speech, c.noise().make(speech.length, n), c.snr());
                    String heard;
                    if (n % stride == stride / 2) {
                        Live live = live(engine, matcher, audio);
                        heard = live.heard();
                        set.millis.add(live.millis());
                    } else {
                        heard = engine.recognise(audio);
                    }
                    set.add(voices.get(v).label() + ": " + text, expected, matcher.match(heard).command(), heard);
                    SphinxEngine.Decision d = decisions.poll();
                    if (d != null) {
                        lines.add(decisionLine(voices.get(v).label(), c.name(), text, expected, d, matcher));
                    }
                    if (save != null) {
                        String file = String.format(Locale.ROOT, "%04d-%s.wav", n, c.name().replace(" ", ""));
                        Audio.writeWav(audio, save.resolve(file));
                        tsv.add(file + "\t" + (expected.command() == null ? "reject" : text));
                    }
                }
            }
        }
        if (save != null) {
            Files.write(save.resolve("expected.tsv"), tsv);
        }
        if (opts.containsKey("--decisions")) {
            Files.write(Path.of(opts.get("--decisions")), lines);
        }
        report(sets.values(), out);
    }

    private static String leads(double[] leads) {
        return Arrays.stream(leads).sorted().mapToObj(l -> l == Double.NEGATIVE_INFINITY ? "-Infinity"
                : String.format(Locale.ROOT, "%.0f", l)).toList().toString();
    }

    /** One utterance's line of {@code --decisions}: what it should be, the words heard and what the checks saw. */
    private static String decisionLine(String voice, String condition, String text, EvalSet.Expected expected,
            SphinxEngine.Decision d, CommandMatcher matcher) {
        Command words = matcher.match(d.words()).command();
        String kind = expected.command() != null ? "command" : expected.heldOut() ? "held out" : "tuning";
        boolean right = expected.command() != null && words != null && words.sameAs(expected.command());
        return String.format(Locale.ROOT, "%s\t%s\t%s\t%s\t%s\t%s\t%.1f\t%.1f\t%d\t%.2f\t%d\t%s", voice,
                condition, text, kind, d.words(), right ? "yes" : "no", d.command(), d.loop(), d.frames(), d.snr(),
                d.silentSpeech(), d.accepted() ? "yes" : "no");
    }

    /** What an utterance fed in real time was heard as, and the milliseconds from its last chunk to the command. */
    private record Live(String heard, double millis) {
    }

    /**
     * Feeds {@code audio} as a microphone delivers it: each 40 ms chunk when its last sample has been spoken, from
     * the key press on; the latency runs from the moment the last chunk was delivered (the key released) to the
     * matched command.
     */
    private static Live live(SpeechEngine engine, CommandMatcher matcher, short[] audio) {
        SpeechEngine.Utterance u = engine.start();
        long pressed = System.nanoTime();
        long released = pressed;
        for (int at = 0; at < audio.length; at += CHUNK) {
            int end = Math.min(audio.length, at + CHUNK);
            released = pressed + (long) end * 1_000_000_000L / Audio.RATE;
            long wait;
            while ((wait = released - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            u.hear(Arrays.copyOfRange(audio, at, end));
        }
        String heard = u.finish();
        matcher.match(heard);
        return new Live(heard, (System.nanoTime() - released) / 1e6);
    }

    private static void report(Iterable<EvalSet> sets, PrintStream out) {
        out.println();
        out.println("| set | commands | exact | rejected | wrong command | non-commands rejected (tuned on)"
                + " | non-commands rejected (held out) | fed in real time | p50 ms | p95 ms |");
        out.println("|---|---|---|---|---|---|---|---|---|---|");
        EvalSet total = new EvalSet("all");
        List<String> mistakes = new ArrayList<>();
        for (EvalSet s : sets) {
            row(s, out);
            total.addAll(s);
            s.mistakes.forEach(m -> mistakes.add(s.name + ": " + m));
        }
        row(total, out);
        out.printf(Locale.ROOT, "accuracy: all %d utterances; latency: the %d fed in real time (40 ms chunks), from the"
                + " last chunk to the command, p50 %.0f ms, p95 %.0f ms, max %.0f ms%n",
                total.commands + total.tuning + total.heldOut, total.millis.size(), total.quantile(0.5),
                total.quantile(0.95), total.quantile(1));
        if (!mistakes.isEmpty()) {
            out.println();
            out.println("mistakes (" + mistakes.size() + "):");
            mistakes.forEach(m -> out.println("  " + m));
        }
    }

    private static void row(EvalSet s, PrintStream out) {
        out.printf(Locale.ROOT, "| %s | %d | %s | %d | %d | %s | %s | %d | %.0f | %.0f |%n", s.name, s.commands,
                EvalSet.percent(s.exact, s.commands), s.missed, s.wrong, EvalSet.percent(s.tuningRejected, s.tuning),
                EvalSet.percent(s.heldOutRejected, s.heldOut), s.millis.size(), s.quantile(0.5), s.quantile(0.95));
    }

    /**
     * Scores the WAVs listed in {@code dir/expected.tsv}, each fed in real time; every line is checked before any
     * audio is heard. Its non-commands count as held out: nothing was tuned on them.
     */
    private static void scoreDir(Path dir, SpeechEngine engine, CommandMatcher matcher, PrintStream out)
            throws IOException {
        Path list = dir.resolve("expected.tsv");
        if (!Files.isRegularFile(list)) {
            throw new IOException("no " + list + " (lines: file<TAB>expected command, or file<TAB>reject)");
        }
        record Item(Path file, String expectedText, Command expected) {
        }
        List<Item> items = new ArrayList<>();
        List<String> lines = Files.readAllLines(list);
        if (lines.size() > 100_000) {
            throw new IOException(list + " has more than 100000 lines");
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t", 2);
            String where = list + " line " + (i + 1) + ": ";
            if (parts.length != 2) {
                throw new IOException(where + "expected 'file<TAB>command' or 'file<TAB>reject'");
            }
            Path file = dir.resolve(parts[0].strip()).normalize();
            if (!file.startsWith(dir.normalize()) || !Files.isRegularFile(file)) {
                throw new IOException(where + "no WAV file '" + parts[0].strip() + "' in " + dir);
            }
            String expectedText = parts[1].strip();
            Command expected = null;
            if (!expectedText.equals("reject")) {
                expected = matcher.match(expectedText).command();
                if (expected == null) {
                    throw new IOException(where + "'" + expectedText + "' is not a command (voice-eval --help)");
                }
            }
            items.add(new Item(file, expectedText, expected));
        }
        EvalSet set = new EvalSet(dir.getFileName() == null ? dir.toString() : dir.getFileName().toString());
        for (Item item : items) {
            Live live = live(engine, matcher, Audio.readWav(item.file()));
            set.millis.add(live.millis());
            set.add(item.file().getFileName() + " (" + item.expectedText() + ")",
                    new EvalSet.Expected(item.expected(), true), matcher.match(live.heard()).command(), live.heard());
        }
        report(List.of(set), out);
    }
}
