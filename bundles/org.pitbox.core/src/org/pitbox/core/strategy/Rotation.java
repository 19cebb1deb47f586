package org.pitbox.core.strategy;

/**
 * How drivers take turns.
 *
 * @param policy         who takes the next stint
 * @param maxStintsInARow most stints one driver drives in a row
 */
public record Rotation(Policy policy, int maxStintsInARow) {

    public enum Policy {
        /** The driver with the least time on track so far; ties go to the first in the list. */
        FAIR_SHARE,
        /** The driver stays in while the rules allow, then hands over to the next in the list. */
        IN_ORDER
    }

    public Rotation {
        if (policy == null || maxStintsInARow < 1) {
            throw new IllegalArgumentException("bad rotation: " + policy + ", " + maxStintsInARow + " in a row");
        }
    }

    public static Rotation fairShare() {
        return new Rotation(Policy.FAIR_SHARE, Integer.MAX_VALUE);
    }

    public static Rotation inOrder(int maxStintsInARow) {
        return new Rotation(Policy.IN_ORDER, maxStintsInARow);
    }
}
