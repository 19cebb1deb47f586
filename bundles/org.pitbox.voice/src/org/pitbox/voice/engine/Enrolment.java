package org.pitbox.voice.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.pitbox.voice.command.CommandTable;
import org.pitbox.voice.command.Intent;

/**
 * "Teach PitBox your voice": the driver reads {@link #phrases} once each (push-to-talk, clean or in the car), then
 * the {@link #REMARKS}, and {@link #teach} learns a {@link VoiceProfile} from the readings, saves it and puts it in
 * use. The phrases come from the command table: every {@link #EVERY}th example of the commands that only ask
 * (questions, follow-ups, "repeat", "help"), so reading them sends no pit request or radio call and silences
 * nothing, and a dozen key presses cover most of the commands' sounds. The remarks are no command: how far they and
 * the commands fall from Sphinx4's margin, with the voice learned, sets how much the margin moves for this voice
 * ({@link #marginShift}).
 */
public final class Enrolment {
    /** One example in this many is read. */
    public static final int EVERY = 4;

    /**
     * Radio chatter that is no command but shares words with the commands, read after the phrases. None of it is
     * among voice-eval's non-commands, so the margin a voice gets from them is never set on what the evaluation
     * scores.
     */
    public static final List<String> REMARKS = List.of("the fuel light is on", "the car in front is pulling away",
            "the front tires are wearing out", "can you hear me on the radio", "we should talk after the race");

    /** The margin shift never goes further than this either way, per 10 ms frame (the strictness moves 2000). */
    public static final double MOST_SHIFT = 2000;
    /** The commands' low lead: this share of the commands heard as read lead by less (from below, nearest rank). */
    public static final double COMMAND_QUANTILE = 0.25;
    /** What a remark rejected whatever the margin counts as: a lead far below any that could pass. */
    public static final double NO_LEAD = -20_000;

    private Enrolment() {
    }

    /** The phrases the driver reads, in order: every {@link #EVERY}th example of the commands that only ask. */
    public static List<String> phrases(CommandTable table) {
        List<String> all = new ArrayList<>();
        table.examples().forEach((intent, examples) -> {
            if (onlyAsks(intent)) {
                all.addAll(examples);
            }
        });
        List<String> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += EVERY) {
            out.add(all.get(i));
        }
        return List.copyOf(out);
    }

    /** Whether saying it changes nothing: no pit request, no radio call, no "quiet". */
    static boolean onlyAsks(Intent intent) {
        return intent.group() == Intent.Group.ASK || intent.group() == Intent.Group.FOLLOW_UP
                || intent == Intent.REPEAT || intent == Intent.HELP;
    }

    /** {@code phrases} without those the driver reads to teach PitBox: what the evaluation scores after teaching. */
    public static List<String> notRead(List<String> phrases, CommandTable table) {
        List<String> read = phrases(table);
        return phrases.stream().filter(p -> !read.contains(p)).toList();
    }

    /**
     * How much the margin moves for a voice, per 10 ms frame, from how far its readings lead the margin (the voice
     * learned, no shift) when heard with pink noise mixed in at 10 dB ({@code noisy}): midway between the commands'
     * low lead (the {@link #COMMAND_QUANTILE} one) and the remarks' highest, within {@link #MOST_SHIFT} either way.
     * A remark rejected whatever the margin counts as {@link #NO_LEAD}; no command heard as read, or no remark read,
     * moves nothing. The leads as read ({@code quiet}) are kept in the profile but not used: clean, every voice's
     * commands lead its remarks by far, so they cannot tell a voice whose remarks pass in a noisy car from one whose
     * commands are missed there. Chosen with {@code voice-eval --teach --decisions} on its four
     * voices and the non-commands it tunes on (README, Voice).
     */
    public static double marginShift(VoiceProfile.Leads quiet, VoiceProfile.Leads noisy) {
        if (noisy.commands().length == 0 || noisy.remarks().length == 0) {
            return 0;
        }
        double[] sorted = noisy.commands().clone();
        Arrays.sort(sorted);
        double low = sorted[(int) Math.floor(COMMAND_QUANTILE * (sorted.length - 1))];
        double high = Arrays.stream(noisy.remarks()).map(l -> Math.max(NO_LEAD, l)).max().orElse(NO_LEAD);
        return Math.max(-MOST_SHIFT, Math.min(MOST_SHIFT, (low + high) / 2));
    }

    /**
     * Learns the profile from {@code utterances} (the readings of {@code said}, in order) and {@code remarks} (the
     * readings of {@link #REMARKS}, in order), saves it to {@code file} and puts it in use in {@code engine}.
     *
     * @throws IllegalArgumentException when too little was heard as read
     */
    public static VoiceProfile teach(SphinxEngine engine, List<short[]> utterances, List<String> said,
            List<short[]> remarks, Path file) throws IOException {
        VoiceProfile p = engine.teach(utterances, said, remarks, REMARKS.subList(0, remarks.size()));
        p.save(file);
        engine.use(p);
        return p;
    }

    /** Deletes the driver's profile, and its folder when nothing else is left in it. */
    public static void forget(Path file) throws IOException {
        Files.deleteIfExists(file);
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null && Files.isDirectory(dir)) {
            try (var left = Files.list(dir)) {
                if (left.findAny().isEmpty()) {
                    Files.deleteIfExists(dir);
                }
            } catch (java.nio.file.DirectoryNotEmptyException e) {
                // something was written there meanwhile: it stays
            }
        }
    }

    /** The driver's saved profile put in use, if there is one that loads; false otherwise (nothing changes). */
    public static boolean useSaved(SphinxEngine engine, Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try {
            engine.use(VoiceProfile.load(file));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
