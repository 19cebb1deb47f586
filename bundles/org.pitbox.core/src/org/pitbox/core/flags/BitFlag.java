package org.pitbox.core.flags;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** An enum constant that stands for one bit of an iRacing bit field. */
interface BitFlag {
    long bit();

    /** The constants of {@code type} set in {@code bits}; unknown bits are ignored. */
    static <E extends Enum<E> & BitFlag> Set<E> decode(Class<E> type, long bits) {
        EnumSet<E> set = EnumSet.noneOf(type);
        for (E e : type.getEnumConstants()) {
            if ((bits & e.bit()) != 0) {
                set.add(e);
            }
        }
        return Collections.unmodifiableSet(set);
    }
}
