package org.pitbox.core.math;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Recursive descent over the grammar, lowest precedence first:
 * {@code or: and ('||' and)*; and: cmp ('&&' cmp)*; cmp: sum (op sum)?; sum: term (('+'|'-') term)*;
 * term: unary (('*'|'/') unary)*; unary: '-' unary | power; power: atom ('^' unary)?;
 * atom: number | name ('[' int ']')? | name '(' args ')' | '(' or ')'}.
 */
final class Parser {
    /** Functions and their argument counts; -1 is two or more. */
    static final Map<String, Integer> FUNCTIONS = Map.of("abs", 1, "sqrt", 1, "min", -1, "max", -1, "clamp", 3,
            "if", 3, "d", 1, "prev", 1);
    private static final List<String> COMPARISONS = List.of("==", "!=", "<=", ">=", "<", ">");

    private final String text;
    private int pos;

    private Parser(String text) {
        this.text = text;
    }

    static Ast parse(String text) {
        Parser p = new Parser(text);
        p.skipSpace();
        if (p.pos == text.length()) {
            throw new ExpressionException("empty expression", 1);
        }
        Ast a = p.or();
        p.skipSpace();
        if (p.pos < text.length()) {
            throw p.error("unexpected '" + text.charAt(p.pos) + "'");
        }
        return a;
    }

    private Ast or() {
        Ast a = and();
        for (int at; (at = accept("||")) > 0;) {
            a = new Ast.Binary("||", a, and(), at);
        }
        return a;
    }

    private Ast and() {
        Ast a = comparison();
        for (int at; (at = accept("&&")) > 0;) {
            a = new Ast.Binary("&&", a, comparison(), at);
        }
        return a;
    }

    private Ast comparison() {
        Ast a = sum();
        for (String op : COMPARISONS) {
            int at = accept(op);
            if (at > 0) {
                return new Ast.Binary(op, a, sum(), at);
            }
        }
        return a;
    }

    private Ast sum() {
        Ast a = term();
        while (true) {
            int at = accept("+");
            String op = "+";
            if (at == 0) {
                at = accept("-");
                op = "-";
            }
            if (at == 0) {
                return a;
            }
            a = new Ast.Binary(op, a, term(), at);
        }
    }

    private Ast term() {
        Ast a = unary();
        while (true) {
            int at = accept("*");
            String op = "*";
            if (at == 0) {
                at = accept("/");
                op = "/";
            }
            if (at == 0) {
                return a;
            }
            a = new Ast.Binary(op, a, unary(), at);
        }
    }

    private Ast unary() {
        int at = accept("-");
        return at > 0 ? new Ast.Unary('-', unary(), at) : power();
    }

    private Ast power() {
        Ast a = atom();
        int at = accept("^");
        return at > 0 ? new Ast.Binary("^", a, unary(), at) : a;
    }

    private Ast atom() {
        skipSpace();
        int at = pos + 1;
        if (pos >= text.length()) {
            throw error("expression ends early");
        }
        char c = text.charAt(pos);
        if (accept("(") > 0) {
            Ast a = or();
            expect(")");
            return a;
        }
        if (Character.isDigit(c) || c == '.') {
            return new Ast.Num(number(), at);
        }
        if (Character.isLetter(c) || c == '_') {
            String name = name();
            if (accept("(") > 0) {
                return call(name, at);
            }
            int index = 0;
            if (text.startsWith("[", pos)) {
                pos++;
                skipSpace();
                int from = pos;
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
                if (from == pos) {
                    throw error("expected an element number");
                }
                index = Integer.parseInt(text.substring(from, pos));
                expect("]");
            }
            return new Ast.Chan(name, index, at);
        }
        throw error("unexpected '" + c + "'");
    }

    private Ast call(String name, int at) {
        Integer arity = FUNCTIONS.get(name);
        if (arity == null) {
            throw new ExpressionException("unknown function '" + name + "'", at,
                    Names.suggestion(name, FUNCTIONS.keySet()));
        }
        List<Ast> args = new ArrayList<>();
        if (accept(")") == 0) {
            do {
                args.add(or());
            } while (accept(",") > 0);
            expect(")");
        }
        if (arity >= 0 ? args.size() != arity : args.size() < 2) {
            String want = arity >= 0 ? arity + (arity == 1 ? " argument" : " arguments") : "2 or more arguments";
            throw new ExpressionException(name + " takes " + want + ", got " + args.size(), at);
        }
        return new Ast.Call(name, List.copyOf(args), at);
    }

    private double number() {
        int from = pos;
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int mark = pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
            } else {
                pos = mark;
            }
        }
        try {
            return Double.parseDouble(text.substring(from, pos));
        } catch (NumberFormatException e) {
            throw new ExpressionException("bad number '" + text.substring(from, pos) + "'", from + 1);
        }
    }

    private String name() {
        int from = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        return text.substring(from, pos);
    }

    /** Consumes {@code token} after spaces; returns its 1-based column, or 0 when it is not next. */
    private int accept(String token) {
        skipSpace();
        if (!text.startsWith(token, pos)) {
            return 0;
        }
        if (token.length() == 1 && pos + 1 < text.length() && "<>=!".indexOf(token.charAt(0)) >= 0
                && text.charAt(pos + 1) == '=') {
            return 0;
        }
        pos += token.length();
        return pos - token.length() + 1;
    }

    private void expect(String token) {
        if (accept(token) == 0) {
            throw error(pos < text.length() ? "expected '" + token + "' but found '" + text.charAt(pos) + "'"
                    : "expected '" + token + "'");
        }
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private ExpressionException error(String message) {
        return new ExpressionException(message, pos + 1);
    }
}
