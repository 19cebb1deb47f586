package org.pitbox.voice.command;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.pitbox.voice.command.Command.FuelUnit;
import org.pitbox.voice.command.Command.Tyre;

/**
 * Turns what a recogniser heard (or a line of typed text) into a {@link Command}, by the patterns of the
 * {@link CommandTable}. Anything the table does not say exactly is rejected, never forced onto a command; the
 * rejection carries the closest phrase as a suggestion. Text is lower-cased, stripped of punctuation and
 * recogniser fillers, digits become spoken numbers ("2.5" is "two point five") and British spellings the
 * dictionary lacks become the grammar's words.
 */
public final class CommandMatcher {
    /** The outcome: a command, or a rejection with the closest phrase (empty when nothing was heard). */
    public record Match(String heard, Command command, String suggestion) {
        public boolean understood() {
            return command != null;
        }
    }

    /** What recognisers write for silence, noise and speech outside the grammar. */
    private static final Set<String> FILLERS = Set.of("<s>", "</s>", "<sil>", "[noise]", "[laugh]", "um", "uh",
            "please");
    private static final Set<String> UNKNOWN = Set.of("<unk>", "[unk]");
    private static final Map<String, String> SPELLINGS = Map.of("litres", "liters", "litre", "liter",
            "windscreen", "windshield", "tyres", "tires", "tyre", "tire", "what's", "what is", "where's", "where is");
    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");
    private static final String RADIO_KEY = "tell the ";

    private record Rule(Intent intent, Pattern pattern) {
    }

    private final List<Rule> rules = new ArrayList<>();
    private final List<String> suggestions = new ArrayList<>();

    public CommandMatcher(CommandTable table) {
        Map<String, String> slotRegex = CommandTable.TOP_SLOTS.stream().collect(Collectors.toMap(s -> s,
                s -> table.slot(s).stream().sorted(Comparator.comparingInt(String::length).reversed())
                        .map(p -> Pattern.quote(p) + " ").collect(Collectors.joining("|"))));
        for (CommandTable.Entry e : table.entries()) {
            for (String p : e.patterns()) {
                rules.add(new Rule(e.intent(), Pattern.compile(new Template(p).regex(slotRegex))));
            }
        }
        table.examples().values().forEach(suggestions::addAll);
    }

    /** Matches one utterance's text. */
    public Match match(String text) {
        String heard = normalise(text);
        Command radio = heard.startsWith(RADIO_KEY) ? radio(heard) : null;
        if (radio != null) {
            return new Match(heard, radio, null);
        }
        if (!heard.isEmpty() && List.of(heard.split(" ")).stream().noneMatch(UNKNOWN::contains)) {
            for (Rule r : rules) {
                Matcher m = r.pattern().matcher(heard + " ");
                if (m.matches()) {
                    return new Match(heard, command(r.intent(), m), null);
                }
            }
        }
        return new Match(heard, null, closest(heard));
    }

    /** "tell the engineer ..." (or team): the words after the key phrase, unknown words left out. */
    private Command radio(String heard) {
        for (String who : List.of("engineer", "team")) {
            String key = RADIO_KEY + who;
            if (heard.equals(key) || heard.startsWith(key + " ")) {
                String rest = List.of(heard.substring(key.length()).strip().split(" ")).stream()
                        .filter(w -> !w.isEmpty() && !UNKNOWN.contains(w)).collect(Collectors.joining(" "));
                return Command.radio(rest);
            }
        }
        return null;
    }

    private static Command command(Intent intent, Matcher m) {
        return switch (intent) {
            case PIT_FUEL -> Command.fuel(Numbers.parse(m.group("amount")),
                    m.group("unit").startsWith("gallon") ? FuelUnit.GALLONS : FuelUnit.LITERS);
            case PIT_TYRES -> Command.tyres(tyres(m.group("tyres").strip()));
            default -> Command.of(intent);
        };
    }

    /** "left front" is the left tyres that are also front tyres; "all" and "four" are all four. */
    static Set<Tyre> tyres(String words) {
        Set<Tyre> set = EnumSet.allOf(Tyre.class);
        for (String w : words.split(" ")) {
            switch (w) {
                case "front" -> set.retainAll(EnumSet.of(Tyre.LF, Tyre.RF));
                case "rear" -> set.retainAll(EnumSet.of(Tyre.LR, Tyre.RR));
                case "left" -> set.retainAll(EnumSet.of(Tyre.LF, Tyre.LR));
                case "right" -> set.retainAll(EnumSet.of(Tyre.RF, Tyre.RR));
                default -> {
                }
            }
        }
        return set;
    }

    /** Lower case, words only, fillers out, digits spoken, the grammar's spellings. */
    static String normalise(String text) {
        List<String> out = new ArrayList<>();
        for (String raw : text.toLowerCase(Locale.ROOT).split("\\s+")) {
            String w = UNKNOWN.contains(raw) || FILLERS.contains(raw) ? raw
                    : raw.replaceAll("[^a-z0-9.'<>\\[\\]]", "").replaceAll("\\.$", "");
            if (w.isEmpty() || FILLERS.contains(w)) {
                continue;
            }
            if (NUMBER.matcher(w).matches()) {
                String spoken = Numbers.words(new BigDecimal(w));
                w = spoken != null ? spoken : w;
            }
            out.add(SPELLINGS.getOrDefault(w, w));
        }
        return String.join(" ", out);
    }

    /** The example phrase nearest in words to what was heard; null when nothing known was heard. */
    private String closest(String heard) {
        List<String> words = List.of(heard.split(" ")).stream().filter(w -> !w.isEmpty() && !UNKNOWN.contains(w))
                .toList();
        if (words.isEmpty()) {
            return null;
        }
        return suggestions.stream().min(Comparator.comparingInt(s -> distance(words, List.of(s.split(" ")))))
                .orElse(null);
    }

    /** Edit distance in words. */
    static int distance(List<String> a, List<String> b) {
        int[] prev = new int[b.size() + 1];
        int[] cur = new int[b.size() + 1];
        for (int j = 0; j <= b.size(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.size(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.size(); j++) {
                int same = a.get(i - 1).equals(b.get(j - 1)) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + same);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.size()];
    }
}
