package org.pitbox.core.math;

import java.util.List;

/** The parsed form of an expression, before channels are resolved. Columns are 1-based. */
sealed interface Ast {
    int column();

    record Num(double value, int column) implements Ast {
    }

    record Chan(String name, int index, int column) implements Ast {
    }

    record Unary(char op, Ast operand, int column) implements Ast {
    }

    record Binary(String op, Ast left, Ast right, int column) implements Ast {
    }

    record Call(String function, List<Ast> args, int column) implements Ast {
    }
}
