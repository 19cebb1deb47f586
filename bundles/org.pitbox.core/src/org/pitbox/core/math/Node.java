package org.pitbox.core.math;

import java.nio.ByteBuffer;
import java.util.List;

import org.pitbox.core.telemetry.ChannelDescriptor;

/** A compiled expression node. Stateful nodes ({@code d}, {@code prev}) must see every sample in order. */
abstract class Node {
    /** Binary operators in the order {@link Op} numbers them. */
    static final List<String> OPS = List.of("+", "-", "*", "/", "^", "==", "!=", "<", "<=", ">", ">=", "&&", "||");
    /** Functions of {@link Fn}, in its order. */
    static final List<String> FUNCTIONS = List.of("abs", "sqrt", "clamp", "if", "min", "max");

    /** Where the sample being evaluated is. */
    static final class Sample {
        ByteBuffer buf;
        int row;
        /** Seconds of this sample. */
        double time;
    }

    abstract double eval(Sample s);

    static boolean truth(double v) {
        return v != 0 && !Double.isNaN(v);
    }

    static final class Const extends Node {
        final double value;

        Const(double value) {
            this.value = value;
        }

        @Override
        double eval(Sample s) {
            return value;
        }
    }

    /** One channel element, read with the descriptor's type decided once. */
    static Node channel(ChannelDescriptor c, int index) {
        int offset = c.offsetOf(index);
        return switch (c.type()) {
            case FLOAT -> new Node() {
                @Override
                double eval(Sample s) {
                    return s.buf.getFloat(s.row + offset);
                }
            };
            case DOUBLE -> new Node() {
                @Override
                double eval(Sample s) {
                    return s.buf.getDouble(s.row + offset);
                }
            };
            case INT -> new Node() {
                @Override
                double eval(Sample s) {
                    return s.buf.getInt(s.row + offset);
                }
            };
            case BITFIELD -> new Node() {
                @Override
                double eval(Sample s) {
                    return s.buf.getInt(s.row + offset) & 0xFFFFFFFFL;
                }
            };
            case BOOL -> new Node() {
                @Override
                double eval(Sample s) {
                    return s.buf.get(s.row + offset) != 0 ? 1 : 0;
                }
            };
            case CHAR -> new Node() {
                @Override
                double eval(Sample s) {
                    return s.buf.get(s.row + offset) & 0xFF;
                }
            };
        };
    }

    static final class Negate extends Node {
        final Node a;

        Negate(Node a) {
            this.a = a;
        }

        @Override
        double eval(Sample s) {
            return -a.eval(s);
        }
    }

    /** Binary operators; both sides are always evaluated so stateful nodes see every sample. */
    static final class Op extends Node {
        final int op;
        final Node a;
        final Node b;

        Op(String op, Node a, Node b) {
            this.op = OPS.indexOf(op);
            this.a = a;
            this.b = b;
        }

        @Override
        double eval(Sample s) {
            double x = a.eval(s);
            double y = b.eval(s);
            return switch (op) {
                case 0 -> x + y;
                case 1 -> x - y;
                case 2 -> x * y;
                case 3 -> x / y;
                case 4 -> Math.pow(x, y);
                case 5 -> x == y ? 1 : 0;
                case 6 -> x != y ? 1 : 0;
                case 7 -> x < y ? 1 : 0;
                case 8 -> x <= y ? 1 : 0;
                case 9 -> x > y ? 1 : 0;
                case 10 -> x >= y ? 1 : 0;
                case 11 -> truth(x) && truth(y) ? 1 : 0;
                default -> truth(x) || truth(y) ? 1 : 0;
            };
        }
    }

    /** Built-in functions of fixed arity; {@code if} evaluates both branches. */
    static final class Fn extends Node {
        final int fn;
        final Node[] args;

        Fn(String name, Node[] args) {
            this.fn = FUNCTIONS.indexOf(name);
            this.args = args;
        }

        @Override
        double eval(Sample s) {
            double x = args[0].eval(s);
            switch (fn) {
                case 0:
                    return Math.abs(x);
                case 1:
                    return Math.sqrt(x);
                case 2:
                    return Math.max(args[1].eval(s), Math.min(args[2].eval(s), x));
                case 3: {
                    double a = args[1].eval(s);
                    double b = args[2].eval(s);
                    return truth(x) ? a : b;
                }
                case 4: {
                    for (int i = 1; i < args.length; i++) {
                        x = Math.min(x, args[i].eval(s));
                    }
                    return x;
                }
                default: {
                    for (int i = 1; i < args.length; i++) {
                        x = Math.max(x, args[i].eval(s));
                    }
                    return x;
                }
            }
        }
    }

    /** The value at the previous sample; the first sample's own value at the first. */
    static final class Prev extends Node {
        final Node a;
        boolean started;
        double last;

        Prev(Node a) {
            this.a = a;
        }

        @Override
        double eval(Sample s) {
            double x = a.eval(s);
            double p = started ? last : x;
            started = true;
            last = x;
            return p;
        }
    }

    /** Change per second; 0 at the first sample, the previous rate when time stands still. */
    static final class Derivative extends Node {
        final Node a;
        boolean started;
        double lastValue;
        double lastTime;
        double rate;

        Derivative(Node a) {
            this.a = a;
        }

        @Override
        double eval(Sample s) {
            double x = a.eval(s);
            if (started && s.time > lastTime) {
                rate = (x - lastValue) / (s.time - lastTime);
            }
            if (!started || s.time > lastTime) {
                lastValue = x;
                lastTime = s.time;
            }
            started = true;
            return rate;
        }
    }
}
