package org.pitbox.server.voice;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A radio line cut into its words and its numbers, so that a line said again with other numbers ("Fuel 11.9
 * litres, 4.8 laps" after "Fuel 12.4 litres, 5.2 laps") is made from cached parts and only its new numbers are
 * spoken. Only short lines of a few numbers qualify: that is where the join is not heard.
 */
final class SpokenParts {
    static final int MAX_CHARS = 160;
    static final int MAX_NUMBERS = 4;
    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\d.,])\\d+(?:\\.\\d+)?(?![\\p{L}\\d])");
    private static final Pattern SPEAKABLE = Pattern.compile("[\\p{L}\\d]");
    /** Below this (1 % of full scale) a sample is silence at a part's ends. */
    private static final int QUIET = 328;
    /** Silence kept at each end of a part: 30 ms at 16 kHz. */
    private static final int MARGIN_SAMPLES = 480;

    /** One part: its text as spoken, the text before and after it in the line, and whether it is a number. */
    record Part(String text, String before, String after, boolean number) {
    }

    private SpokenParts() {
    }

    /** The line's shape: its text with every number as {@code #}; lines of one shape share their word parts. */
    static String shape(String text) {
        return NUMBER.matcher(text).replaceAll("#");
    }

    /** The parts in order, or an empty list when the line is no short line with a few numbers among words. */
    static List<Part> of(String text) {
        if (text.length() > MAX_CHARS) {
            return List.of();
        }
        List<int[]> cuts = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        int at = 0;
        int numbers = 0;
        while (m.find()) {
            cuts.add(new int[] {at, m.start(), 0});
            cuts.add(new int[] {m.start(), m.end(), 1});
            at = m.end();
            numbers++;
        }
        cuts.add(new int[] {at, text.length(), 0});
        if (numbers == 0 || numbers > MAX_NUMBERS) {
            return List.of();
        }
        List<Part> parts = new ArrayList<>();
        for (int[] c : cuts) {
            String part = text.substring(c[0], c[1]).strip();
            if (SPEAKABLE.matcher(part).find()) {
                parts.add(new Part(part, text.substring(0, c[0]).strip(), text.substring(c[1]).strip(), c[2] == 1));
            }
        }
        return parts.stream().anyMatch(p -> !p.number()) ? parts : List.of();
    }

    /** S16LE audio without the silence at its ends beyond {@link #MARGIN_SAMPLES}. */
    static byte[] trim(byte[] pcm) {
        ByteBuffer b = ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN);
        int samples = pcm.length / 2;
        int first = 0;
        while (first < samples && Math.abs(b.getShort(first * 2)) < QUIET) {
            first++;
        }
        if (first == samples) {
            return new byte[0];
        }
        int last = samples - 1;
        while (Math.abs(b.getShort(last * 2)) < QUIET) {
            last--;
        }
        int from = Math.max(0, first - MARGIN_SAMPLES);
        int to = Math.min(samples, last + 1 + MARGIN_SAMPLES);
        return Arrays.copyOfRange(pcm, from * 2, to * 2);
    }
}
