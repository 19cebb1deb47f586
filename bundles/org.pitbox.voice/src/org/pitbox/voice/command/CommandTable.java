package org.pitbox.voice.command;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one table of what a driver can say: for each {@link Intent} its phrases, in JSGF notation with the slots
 * {@code <amount>} (spoken numbers), {@code <unit>} and {@code <tyres>}. It generates the recognisers' grammars
 * ({@link #jsgf} for Sphinx4, {@link #voskGrammar} for Vosk), the matcher's patterns ({@link CommandMatcher}), the
 * help text and the test phrases. Every word is in Sphinx4's en-us dictionary ("liters", "windshield": the
 * dictionary lacks "litres" and "windscreen", which the matcher maps).
 */
public final class CommandTable {
    /** One intent and the phrase patterns that say it; the first pattern's shortest phrase is its example. */
    public record Entry(Intent intent, List<String> patterns) {
    }

    private static final String TENS = "twenty | thirty | forty | fifty | sixty | seventy | eighty | ninety";
    private static final String DIGITS = "one | two | three | four | five | six | seven | eight | nine";
    private static final String TEENS = "ten | eleven | twelve | thirteen | fourteen | fifteen | sixteen | seventeen"
            + " | eighteen | nineteen";

    /** The slots: named patterns the phrases refer to; a slot may use the slots above it. */
    private static final Map<String, String> SLOTS = new LinkedHashMap<>();

    static {
        SLOTS.put("whole", DIGITS + " | " + TEENS + " | (" + TENS + ") [" + DIGITS + "]");
        SLOTS.put("small", "zero | " + DIGITS + " | " + TEENS + " | twenty");
        SLOTS.put("digit", "zero | " + DIGITS);
        SLOTS.put("amount", "<whole> | <small> point <digit>");
        SLOTS.put("unit", "liters | liter | gallons | gallon");
        SLOTS.put("tyres", "all [four] | four | front | rear | left | right | (left | right) (front | rear)"
                + " | (front | rear) (left | right)");
    }

    /** The slots a phrase may name (the others are parts of these). */
    static final List<String> TOP_SLOTS = List.of("amount", "unit", "tyres");

    /** Example words for a slot in the help text. */
    private static final Map<String, String> SLOT_EXAMPLES = Map.of("amount", "twenty", "unit", "liters",
            "tyres", "all");

    private static final List<Entry> ENTRIES = List.of(
            entry(Intent.FUEL_LEVEL, "fuel level", "[what is] my fuel [level]", "how much fuel [do i have | is left]"),
            entry(Intent.FUEL_PER_LAP, "fuel per lap", "[what is] my fuel per lap", "how much fuel per lap"),
            entry(Intent.LAPS_OF_FUEL, "laps of fuel", "how many laps of fuel [do i have]",
                    "how many laps will the fuel last"),
            entry(Intent.FUEL_TO_END, "fuel to the (end | finish | flag)",
                    "how much fuel to the (end | finish | flag)", "(will | can) i make it to the (end | finish | flag)"),
            entry(Intent.LAST_LAP, "last lap [time]", "what was my last lap [time]"),
            entry(Intent.BEST_LAP, "best lap [time]", "[what is] my best lap [time]"),
            entry(Intent.SESSION_BEST, "session best [lap]", "[what is] the session best [lap]",
                    "[what is] the fastest lap"),
            entry(Intent.GAP_AHEAD, "gap ahead",
                    "[what is] [the] gap (ahead | in front | to the car ahead | to the car in front)"),
            entry(Intent.GAP_BEHIND, "gap behind", "[what is] [the] gap (behind | to the car behind)"),
            entry(Intent.POSITION, "position", "[what is] my position", "where am i", "what position am i [in]"),
            entry(Intent.LAPS_REMAINING, "laps remaining", "how many laps (left | remaining | to go)", "laps to go"),
            entry(Intent.TIME_REMAINING, "time remaining", "how much time (left | remaining | to go)", "time left"),
            entry(Intent.PIT_FUEL, "add <amount> <unit> [of fuel]", "fuel <amount> <unit>"),
            entry(Intent.PIT_TYRES, "change <tyres> [tires]"),
            entry(Intent.PIT_FAST_REPAIR, "fast repair", "(take | use) [a | the] fast repair"),
            entry(Intent.PIT_WINDSHIELD, "windshield", "clean the windshield", "tear off [the windshield]"),
            entry(Intent.PIT_CLEAR, "clear pit requests", "(clear | cancel) [all] [the] pit (requests | commands | stop)"),
            entry(Intent.RADIO, "tell the (engineer | team)"),
            entry(Intent.BOX_THIS_LAP, "box this lap", "box box [box]", "(pitting | coming in) this lap"),
            entry(Intent.AND_AHEAD, "and ahead", "and in front", "what about (ahead | in front)"),
            entry(Intent.AND_BEHIND, "and behind", "what about behind", "and the car behind"),
            entry(Intent.MORE, "more", "tell me more", "more details"),
            entry(Intent.REPEAT, "repeat [that]", "say [that] again", "come again"),
            entry(Intent.QUIET, "quiet", "be quiet", "stop talking", "silence"),
            // not "start talking": one vowel from "stop talking", and heard as it in voice-eval
            entry(Intent.TALK_TO_ME, "talk to me", "you can talk [again]"),
            entry(Intent.HELP, "what can i say", "help", "what are the commands"));

    /** The first words of the phrases that ask a question. */
    private static final Set<String> QUESTION_WORDS = Set.of("what", "how", "where", "will", "can");

    private static final CommandTable STANDARD = new CommandTable();

    private final Map<String, List<String>> slotPhrases = new LinkedHashMap<>();

    private CommandTable() {
        for (String slot : SLOTS.keySet()) {
            slotPhrases.put(slot, new Template(SLOTS.get(slot)).phrases(this::slot));
        }
    }

    private static Entry entry(Intent intent, String... patterns) {
        return new Entry(intent, List.of(patterns));
    }

    /** PitBox's command table. */
    public static CommandTable standard() {
        return STANDARD;
    }

    public List<Entry> entries() {
        return ENTRIES;
    }

    /** Every phrase a slot says; slots are expanded once, in order, so a slot may use the ones above it. */
    List<String> slot(String name) {
        List<String> phrases = slotPhrases.get(name);
        if (phrases == null) {
            throw new IllegalArgumentException("no slot <" + name + ">");
        }
        return phrases;
    }

    /** The JSGF grammar of every command, for a recogniser such as Sphinx4. */
    public String jsgf(String grammarName) {
        StringBuilder b = new StringBuilder("#JSGF V1.0;\ngrammar ").append(grammarName).append(";\n");
        b.append("public <command> = ").append(ENTRIES.stream().flatMap(e -> e.patterns().stream())
                .map(p -> "(" + new Template(p).jsgf() + ")").collect(Collectors.joining("\n  | "))).append(";\n");
        for (var s : SLOTS.entrySet()) {
            b.append('<').append(s.getKey()).append("> = ").append(new Template(s.getValue()).jsgf()).append(";\n");
        }
        return b.toString();
    }

    /** Every phrase of every command, slots expanded: the phrase list of a Vosk grammar. */
    public List<String> phrases() {
        Set<String> all = new LinkedHashSet<>();
        for (Entry e : ENTRIES) {
            for (String p : e.patterns()) {
                all.addAll(new Template(p).phrases(this::slot));
            }
        }
        return List.copyOf(all);
    }

    /** Vosk's grammar: the phrase list as a JSON array, with "[unk]" so that other speech is not forced on one. */
    public String voskGrammar() {
        return phrases().stream().map(p -> "\"" + p + "\"").collect(Collectors.joining(",", "[", ",\"[unk]\"]"));
    }

    /** Every word the grammar uses. */
    public Set<String> words() {
        List<String> words = new ArrayList<>();
        ENTRIES.forEach(e -> e.patterns().forEach(p -> new Template(p).words(words)));
        SLOTS.values().forEach(p -> new Template(p).words(words));
        return new java.util.TreeSet<>(words);
    }

    /** One phrase per pattern, slots filled with an example: the phrases the help text and suggestions use. */
    public Map<Intent, List<String>> examples() {
        Map<Intent, List<String>> out = new EnumMap<>(Intent.class);
        Function<String, List<String>> slotExample = name -> List.of(SLOT_EXAMPLES.get(name));
        for (Entry e : ENTRIES) {
            List<String> list = out.computeIfAbsent(e.intent(), k -> new ArrayList<>());
            for (String p : e.patterns()) {
                new Template(p).phrases(slotExample).stream().min(Comparator.comparingInt(String::length))
                        .ifPresent(list::add);
            }
        }
        return out;
    }

    /** The answer to "What can I say?": {@link #helpLines} in one paragraph. */
    public String help() {
        return String.join(" ", helpLines());
    }

    /** One line per group of commands with one example of each, as a person writes it. */
    public List<String> helpLines() {
        Map<Intent.Group, List<String>> byGroup = new EnumMap<>(Intent.Group.class);
        examples().forEach((intent, phrases) -> byGroup.computeIfAbsent(intent.group(), g -> new ArrayList<>())
                .add(written(phrases.get(0))));
        return byGroup.entrySet().stream().map(g -> g.getKey().title() + ": " + String.join(", ", g.getValue()) + ".")
                .toList();
    }

    /**
     * A phrase as a person writes it, in quotes: a capital first letter, "I" upper case and a question mark on a
     * question ("what can i say" is "What can I say?").
     */
    public static String written(String phrase) {
        String s = (" " + phrase.strip() + " ").replace(" i ", " I ").strip();
        if (s.isEmpty()) {
            return "\"\"";
        }
        String first = s.split(" ", 2)[0];
        String mark = QUESTION_WORDS.contains(first) ? "?" : "";
        return "\"" + Character.toUpperCase(s.charAt(0)) + s.substring(1) + mark + "\"";
    }
}
