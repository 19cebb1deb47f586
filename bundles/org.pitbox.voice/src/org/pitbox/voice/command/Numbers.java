package org.pitbox.voice.command;

import java.math.BigDecimal;
import java.util.List;

/**
 * Amounts as a driver says them: whole numbers 1 to {@link #MAX} ("twenty", "forty five") and, up to
 * {@link #MAX_DECIMAL}, one decimal ("two point five"). The grammar offers exactly these; digits in typed text
 * ("2.5") are turned into the same words.
 */
public final class Numbers {
    /** The largest whole amount spoken. */
    public static final int MAX = 99;
    /** The largest whole part spoken with a decimal. */
    public static final int MAX_DECIMAL = 20;

    private static final String[] ONES = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
        "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
        "nineteen"};
    private static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
        "ninety"};

    private Numbers() {
    }

    /** 0 to 99 in words: "forty five". */
    public static String words(int n) {
        if (n < 0 || n > MAX) {
            throw new IllegalArgumentException("no words for " + n);
        }
        return n < 20 ? ONES[n] : TENS[n / 10] + (n % 10 == 0 ? "" : " " + ONES[n % 10]);
    }

    /** An amount in words, "two point five"; null when the grammar cannot say it. */
    public static String words(BigDecimal amount) {
        BigDecimal a = amount.stripTrailingZeros();
        if (a.signum() < 0 || a.scale() > 1) {
            return null;
        }
        int whole = a.intValue();
        if (a.scale() <= 0) {
            return whole >= 1 && whole <= MAX ? words(whole) : null;
        }
        int tenth = a.movePointRight(1).intValue() % 10;
        return whole <= MAX_DECIMAL ? words(whole) + " point " + ONES[tenth] : null;
    }

    /** The amount the words say (as the grammar says amounts); NaN for anything else. */
    public static double parse(String words) {
        String[] w = words.strip().split(" ");
        int point = List.of(w).indexOf("point");
        int end = point < 0 ? w.length : point;
        double whole = whole(w, 0, end);
        if (point < 0) {
            return whole;
        }
        return point == w.length - 2 && digit(w[w.length - 1]) >= 0 ? whole + digit(w[w.length - 1]) / 10.0
                : Double.NaN;
    }

    private static double whole(String[] w, int from, int to) {
        if (to - from == 1) {
            int ones = index(ONES, w[from]);
            int tens = index(TENS, w[from]);
            return ones >= 0 ? ones : tens >= 2 ? tens * 10 : Double.NaN;
        }
        if (to - from == 2) {
            int tens = index(TENS, w[from]);
            int ones = digit(w[from + 1]);
            return tens >= 2 && ones >= 1 ? tens * 10 + ones : Double.NaN;
        }
        return Double.NaN;
    }

    private static int digit(String word) {
        int d = index(ONES, word);
        return d <= 9 ? d : -1;
    }

    private static int index(String[] words, String word) {
        for (int i = 0; i < words.length; i++) {
            if (!words[i].isEmpty() && words[i].equals(word)) {
                return i;
            }
        }
        return -1;
    }
}
