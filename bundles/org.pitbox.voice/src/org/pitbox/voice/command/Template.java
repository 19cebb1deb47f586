package org.pitbox.voice.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A phrase pattern in JSGF's own notation, small subset: words, {@code (a | b c)} alternatives, {@code [x]} optional
 * parts and {@code <slot>} references. One pattern gives the JSGF rule text, every phrase it can say (Vosk's phrase
 * list) and a regular expression over the words (the matcher), so the three never disagree.
 */
final class Template {
    private sealed interface Node permits Word, Slot, Seq, Alt, Opt {
    }

    private record Word(String text) implements Node {
    }

    private record Slot(String name) implements Node {
    }

    private record Seq(List<Node> parts) implements Node {
    }

    private record Alt(List<Node> choices) implements Node {
    }

    private record Opt(Node body) implements Node {
    }

    private final String source;
    private final Node root;

    Template(String source) {
        this.source = source;
        Parser p = new Parser(source);
        root = p.alternatives();
        if (p.at < p.tokens.size()) {
            throw new IllegalArgumentException("unexpected '" + p.tokens.get(p.at) + "' in phrase: " + source);
        }
    }

    String source() {
        return source;
    }

    /** The pattern as a JSGF expansion. */
    String jsgf() {
        return jsgf(root);
    }

    private static String jsgf(Node n) {
        return switch (n) {
            case Word w -> w.text();
            case Slot s -> "<" + s.name() + ">";
            case Seq s -> String.join(" ", s.parts().stream().map(Template::jsgf).toList());
            case Alt a -> "(" + String.join(" | ", a.choices().stream().map(Template::jsgf).toList()) + ")";
            case Opt o -> "[" + jsgf(o.body()) + "]";
        };
    }

    /** Every word sequence the pattern says, slots expanded by {@code slots}. */
    List<String> phrases(Function<String, List<String>> slots) {
        return expand(root, slots).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> expand(Node n, Function<String, List<String>> slots) {
        return switch (n) {
            case Word w -> List.of(w.text());
            case Slot s -> slots.apply(s.name());
            case Seq s -> {
                List<String> out = List.of("");
                for (Node part : s.parts()) {
                    List<String> next = new ArrayList<>();
                    for (String head : out) {
                        for (String tail : expand(part, slots)) {
                            next.add(tail.isEmpty() ? head : head.isEmpty() ? tail : head + " " + tail);
                        }
                    }
                    out = next;
                }
                yield out;
            }
            case Alt a -> a.choices().stream().flatMap(c -> expand(c, slots).stream()).toList();
            case Opt o -> {
                List<String> out = new ArrayList<>(List.of(""));
                out.addAll(expand(o.body(), slots));
                yield out;
            }
        };
    }

    /**
     * A regular expression matching the pattern's words, each followed by one space; slots become named groups
     * with the expressions in {@code slotRegex}.
     */
    String regex(Map<String, String> slotRegex) {
        return regex(root, slotRegex);
    }

    private static String regex(Node n, Map<String, String> slotRegex) {
        return switch (n) {
            case Word w -> java.util.regex.Pattern.quote(w.text()) + " ";
            case Slot s -> "(?<" + s.name() + ">" + slotRegex.get(s.name()) + ")";
            case Seq s -> String.join("", s.parts().stream().map(p -> regex(p, slotRegex)).toList());
            case Alt a -> "(?:" + String.join("|", a.choices().stream().map(c -> regex(c, slotRegex)).toList()) + ")";
            case Opt o -> "(?:" + regex(o.body(), slotRegex) + ")?";
        };
    }

    /** The words the pattern uses, slots left out. */
    void words(List<String> into) {
        phrasesWords(root, into);
    }

    private static void phrasesWords(Node n, List<String> into) {
        switch (n) {
            case Word w -> into.add(w.text());
            case Slot s -> {
            }
            case Seq s -> s.parts().forEach(p -> phrasesWords(p, into));
            case Alt a -> a.choices().forEach(c -> phrasesWords(c, into));
            case Opt o -> phrasesWords(o.body(), into);
        }
    }

    /** Recursive descent over the tokens: words, ( ) [ ] | and <name>. */
    private static final class Parser {
        final List<String> tokens = new ArrayList<>();
        int at;

        Parser(String text) {
            for (String t : text.replace("(", " ( ").replace(")", " ) ").replace("[", " [ ").replace("]", " ] ")
                    .replace("|", " | ").strip().split("\\s+")) {
                if (!t.isEmpty()) {
                    tokens.add(t);
                }
            }
        }

        Node alternatives() {
            List<Node> choices = new ArrayList<>(List.of(sequence()));
            while (peek("|")) {
                at++;
                choices.add(sequence());
            }
            return choices.size() == 1 ? choices.get(0) : new Alt(choices);
        }

        Node sequence() {
            List<Node> parts = new ArrayList<>();
            while (at < tokens.size() && !peek("|") && !peek(")") && !peek("]")) {
                String t = tokens.get(at++);
                if (t.equals("(")) {
                    parts.add(alternatives());
                    expect(")");
                } else if (t.equals("[")) {
                    parts.add(new Opt(alternatives()));
                    expect("]");
                } else if (t.startsWith("<") && t.endsWith(">")) {
                    parts.add(new Slot(t.substring(1, t.length() - 1)));
                } else if (t.matches("[a-z']+")) {
                    parts.add(new Word(t));
                } else {
                    throw new IllegalArgumentException("bad word '" + t + "' in phrase: " + String.join(" ", tokens));
                }
            }
            if (parts.isEmpty()) {
                throw new IllegalArgumentException("empty part in phrase: " + String.join(" ", tokens));
            }
            return parts.size() == 1 ? parts.get(0) : new Seq(parts);
        }

        boolean peek(String t) {
            return at < tokens.size() && tokens.get(at).equals(t);
        }

        void expect(String t) {
            if (!peek(t)) {
                throw new IllegalArgumentException("missing '" + t + "' in phrase: " + String.join(" ", tokens));
            }
            at++;
        }
    }
}
