package org.pitbox.core.math;

import java.nio.ByteBuffer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.pitbox.core.telemetry.ChannelDescriptor;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.Frame;
import org.pitbox.core.telemetry.Recording;
import org.pitbox.core.telemetry.Rows;

/**
 * A math channel expression, parsed once: numbers, channels ({@code Speed}, {@code CarIdxLapDistPct[3]}),
 * {@code + - * / ^}, unary minus, comparisons {@code == != < <= > >=} and {@code && ||} (1 for true,
 * 0 for false; non-zero and not NaN is true), parentheses and the functions {@code abs, sqrt, min, max,
 * clamp(x, lo, hi), if(cond, a, b)}, {@code d(x)} (change per second by SessionTime, or by the tick rate
 * without it) and {@code prev(x)} (the previous sample's value).
 * <p>
 * {@link #evaluate(Recording)} compiles against the recording's layout and fills a column without
 * allocating or looking up names per sample; {@link #live(ChannelLayout, int)} does the same per frame.
 */
public final class Expression {
    private final String text;
    private final Ast ast;

    private Expression(String text, Ast ast) {
        this.text = text;
        this.ast = ast;
    }

    /** @throws ExpressionException naming the column of a syntax error or unknown function */
    public static Expression parse(String text) {
        return new Expression(text, Parser.parse(text));
    }

    public String text() {
        return text;
    }

    /** The channel names used, in order of first use. */
    public Set<String> channels() {
        Set<String> names = new LinkedHashSet<>();
        collect(ast, names);
        return names;
    }

    /** @throws ExpressionException when the layout lacks a channel or element the expression uses */
    public void check(ChannelLayout layout) {
        compile(ast, layout);
    }

    /** The expression at every row of the recording. */
    public double[] evaluate(Recording recording) {
        double[] out = new double[recording.recordCount()];
        evaluate(recording, out);
        return out;
    }

    /** The expression at every row of the recording, into {@code out} (at least as long as the rows). */
    public void evaluate(Recording recording, double[] out) {
        evaluate(recording, 0, recording.recordCount(), out);
    }

    /**
     * The expression at rows {@code first .. first + count - 1} into {@code out[0 .. count - 1]}, as if the
     * recording began at {@code first} ({@code d} and {@code prev} start there): one lap, say.
     *
     * @throws ExpressionException when the layout lacks a channel or element the expression uses
     */
    public void evaluate(Recording recording, int first, int count, double[] out) {
        ChannelLayout layout = recording.layout();
        Node root = compile(ast, layout);
        ChannelDescriptor time = layout.find("SessionTime").orElse(null);
        double tickSeconds = 1.0 / recording.tickRate();
        Node.Sample s = new Node.Sample();
        s.buf = recording.rows();
        for (int k = 0; k < count; k++) {
            int i = first + k;
            s.row = recording.rowStart(i);
            s.time = time == null ? i * tickSeconds : Rows.asDouble(s.buf, s.row, time, 0);
            out[k] = root.eval(s);
        }
    }

    /** An evaluator of live frames of {@code layout}; it keeps the state of {@code d} and {@code prev}. */
    public Live live(ChannelLayout layout, int tickRate) {
        return new Live(compile(ast, layout), tickRate);
    }

    /** Evaluates frames in the order they arrive; not thread-safe. */
    public static final class Live {
        private final Node root;
        private final double tickSeconds;
        private final Node.Sample sample = new Node.Sample();

        private Live(Node root, int tickRate) {
            this.root = root;
            this.tickSeconds = 1.0 / tickRate;
        }

        /** The value for this frame, by SessionTime or, without it, the frame's tick. */
        public double update(Frame frame) {
            ByteBuffer row = frame.row();
            sample.buf = row;
            sample.row = 0;
            double t = frame.sessionTime();
            sample.time = Double.isNaN(t) ? frame.tick() * tickSeconds : t;
            return root.eval(sample);
        }
    }

    @Override
    public String toString() {
        return text;
    }

    private static void collect(Ast a, Set<String> names) {
        switch (a) {
            case Ast.Chan c -> names.add(c.name());
            case Ast.Unary u -> collect(u.operand(), names);
            case Ast.Binary b -> {
                collect(b.left(), names);
                collect(b.right(), names);
            }
            case Ast.Call c -> c.args().forEach(x -> collect(x, names));
            case Ast.Num n -> {
            }
        }
    }

    private static Node compile(Ast a, ChannelLayout layout) {
        return switch (a) {
            case Ast.Num n -> new Node.Const(n.value());
            case Ast.Chan c -> channel(c, layout);
            case Ast.Unary u -> new Node.Negate(compile(u.operand(), layout));
            case Ast.Binary b -> new Node.Op(b.op(), compile(b.left(), layout), compile(b.right(), layout));
            case Ast.Call c -> call(c, layout);
        };
    }

    private static Node call(Ast.Call c, ChannelLayout layout) {
        List<Ast> args = c.args();
        Node[] nodes = new Node[args.size()];
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = compile(args.get(i), layout);
        }
        return switch (c.function()) {
            case "d" -> new Node.Derivative(nodes[0]);
            case "prev" -> new Node.Prev(nodes[0]);
            default -> new Node.Fn(c.function(), nodes);
        };
    }

    private static Node channel(Ast.Chan c, ChannelLayout layout) {
        ChannelDescriptor d = layout.find(c.name()).orElse(null);
        if (d == null) {
            throw new ExpressionException("unknown channel '" + c.name() + "'", c.column(), Names.suggestion(c.name(),
                    layout.channels().stream().map(ChannelDescriptor::name).toList()));
        }
        if (c.index() >= d.count()) {
            throw new ExpressionException("channel '" + c.name() + "' has " + d.count()
                    + (d.count() == 1 ? " element" : " elements") + ", no element " + c.index(), c.column());
        }
        return Node.channel(d, c.index());
    }
}
