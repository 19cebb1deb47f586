package org.pitbox.voice.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.pitbox.voice.command.CommandTable;
import org.pitbox.voice.command.Intent;

/**
 * "Teach PitBox your voice": the driver reads {@link #phrases} once each (push-to-talk, clean or in the car), and
 * {@link #teach} learns a {@link VoiceProfile} from the readings, saves it and puts it in use. The phrases come from
 * the command table: every {@link #EVERY}th example of the commands that only ask (questions, follow-ups, "repeat",
 * "help"), so reading them sends no pit request or radio call and silences nothing, and a dozen key presses cover
 * most of the commands' sounds.
 */
public final class Enrolment {
    /** One example in this many is read. */
    public static final int EVERY = 4;

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
     * Learns the profile from {@code utterances} (the readings of {@code said}, in order), saves it to {@code file}
     * and puts it in use in {@code engine}.
     *
     * @throws IllegalArgumentException when too little was heard as read
     */
    public static VoiceProfile teach(SphinxEngine engine, List<short[]> utterances, List<String> said, Path file)
            throws IOException {
        VoiceProfile p = engine.teach(utterances, said);
        p.save(file);
        engine.use(p);
        return p;
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
