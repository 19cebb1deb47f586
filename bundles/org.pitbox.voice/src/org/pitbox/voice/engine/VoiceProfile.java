package org.pitbox.voice.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.pitbox.core.home.PitboxHome;

/**
 * What PitBox learned from the driver reading a few commands and a few remarks that are no command ("Teach PitBox
 * your voice"): a speaker adaptation of Sphinx4's acoustic model (MLLR, one global transform: each Gaussian's mean
 * {@code m} becomes {@code a m + b}, for each feature stream) and how much the rejection margin moves for this voice
 * (per 10 ms frame, added to the margin the strictness sets; {@link Enrolment#marginShift}), with the readings'
 * leads over the margin it came from. It is kept as a small text file, {@link #defaultFile()}, written whole or not
 * at all; a file of the second format loads without its margin shift (measured against an earlier phone loop), one
 * of the first format (no remarks, no leads) still loads, and one without a margin shift moves nothing.
 *
 * @param a            for each stream, the square matrix applied to the means
 * @param b            for each stream, the bias added to them
 * @param marginShift  how much the margin over the phone loop moves for this voice (negative: more readily taken)
 * @param phrases      the command phrases it was learned from, as the driver read them
 * @param remarks      the remarks that are no command the driver read, all of them
 * @param quiet        the readings' leads over the margin as read
 * @param noisy        their leads with pink noise mixed in at {@link SphinxEngine#TEACH_NOISE_DB}
 */
public record VoiceProfile(float[][][] a, float[][] b, double marginShift, List<String> phrases,
        List<String> remarks, Leads quiet, Leads noisy) {
    /**
     * How far the readings lead the margin per 10 ms frame, the profile in use and no shift ({@link
     * SphinxEngine.Rejection#lead}).
     *
     * @param commands for each command reading heard as read, its lead
     * @param remarks  for each remark, its lead; minus infinity where Sphinx4 rejects it whatever the margin (heard
     *                 as no command, or words left unexplained)
     */
    public record Leads(double[] commands, double[] remarks) {
        public static final Leads NONE = new Leads(new double[0], new double[0]);

        public Leads {
            commands = commands.clone();
            remarks = remarks.clone();
            for (double lead : commands) {
                if (!Double.isFinite(lead)) {
                    throw new IllegalArgumentException("a command's lead is not a number");
                }
            }
            for (double lead : remarks) {
                if (Double.isNaN(lead) || lead == Double.POSITIVE_INFINITY) {
                    throw new IllegalArgumentException("a remark's lead is not a number");
                }
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Leads l && Arrays.equals(commands, l.commands) && Arrays.equals(remarks, l.remarks);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(commands) * 31 + Arrays.hashCode(remarks);
        }

        @Override
        public String toString() {
            return "commands " + Arrays.toString(commands) + ", remarks " + Arrays.toString(remarks);
        }
    }

    private static final String HEADER = "pitbox-voice-profile 3";
    /**
     * The second format: as the third, but its margin shift and leads were measured against the phone loop before it
     * took new phones more readily ({@link SphinxEngine.Rejection#loopPhone}), so its shift is dropped.
     */
    private static final String HEADER_2 = "pitbox-voice-profile 2";
    /** The first format: no remarks, no leads. */
    private static final String HEADER_1 = "pitbox-voice-profile 1";

    public VoiceProfile {
        if (a.length == 0 || a.length != b.length) {
            throw new IllegalArgumentException("a profile needs as many matrices as biases, at least one");
        }
        for (int s = 0; s < a.length; s++) {
            for (float[] row : a[s]) {
                if (row.length != a[s].length || b[s].length != a[s].length) {
                    throw new IllegalArgumentException("stream " + s + ": the matrix is not square or its bias"
                            + " does not fit it");
                }
            }
        }
        if (!Double.isFinite(marginShift)) {
            throw new IllegalArgumentException("the margin shift is not a number");
        }
        phrases = List.copyOf(phrases);
        remarks = List.copyOf(remarks);
        java.util.Objects.requireNonNull(quiet);
        java.util.Objects.requireNonNull(noisy);
    }

    /** Learned from command phrases only: no remarks, no leads. */
    public VoiceProfile(float[][][] a, float[][] b, double marginShift, List<String> phrases) {
        this(a, b, marginShift, phrases, List.of(), Leads.NONE, Leads.NONE);
    }

    /** Where the driver's profile is kept: {@code ~/.pitbox/voice/sphinx4-profile.txt}. */
    public static Path defaultFile() {
        return PitboxHome.resolve("voice", "sphinx4-profile.txt");
    }

    /** This profile with another margin shift. */
    public VoiceProfile withMarginShift(double shift) {
        return new VoiceProfile(a, b, shift, phrases, remarks, quiet, noisy);
    }

    /** This profile with the remarks read and the readings' leads, and the margin shift they set. */
    public VoiceProfile withLeads(double shift, List<String> remarksRead, Leads quietLeads, Leads noisyLeads) {
        return new VoiceProfile(a, b, shift, phrases, remarksRead, quietLeads, noisyLeads);
    }

    /** Writes the profile to {@code file} through a temporary file beside it, so a crash leaves the old one. */
    public void save(Path file) throws IOException {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        out.append("margin-shift ").append(number(marginShift)).append('\n');
        out.append("phrases ").append(phrases.size()).append('\n');
        phrases.forEach(p -> out.append(p.replace('\n', ' ')).append('\n'));
        out.append("remarks ").append(remarks.size()).append('\n');
        remarks.forEach(p -> out.append(p.replace('\n', ' ')).append('\n'));
        out.append("command-leads ").append(join(quiet.commands())).append('\n');
        out.append("remark-leads ").append(join(quiet.remarks())).append('\n');
        out.append("noisy-command-leads ").append(join(noisy.commands())).append('\n');
        out.append("noisy-remark-leads ").append(join(noisy.remarks())).append('\n');
        out.append("streams ").append(a.length).append('\n');
        for (int s = 0; s < a.length; s++) {
            out.append("length ").append(a[s].length).append('\n');
            for (float[] row : a[s]) {
                out.append(join(row)).append('\n');
            }
            out.append(join(b[s])).append('\n');
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(tmp, out, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Reads a profile {@link #save} wrote, one of the second format (its margin shift dropped) or one of the first
     * (no remarks, no leads; without a margin shift it moves nothing); an IOException names what is wrong with the
     * file.
     */
    public static VoiceProfile load(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Reader r = new Reader(file, lines);
        String header = r.next();
        boolean first = header.equals(HEADER_1);
        boolean second = header.equals(HEADER_2);
        if (!first && !second && !header.equals(HEADER)) {
            throw new IOException(file + " is not a PitBox voice profile");
        }
        try {
            double shift = first && !r.peek().startsWith("margin-shift ") ? 0
                    : Double.parseDouble(r.field("margin-shift"));
            List<String> phrases = r.lines("phrases");
            List<String> remarks = first ? List.of() : r.lines("remarks");
            Leads quiet = first ? Leads.NONE : new Leads(r.doubles("command-leads"), r.doubles("remark-leads"));
            Leads noisy = first ? Leads.NONE
                    : new Leads(r.doubles("noisy-command-leads"), r.doubles("noisy-remark-leads"));
            int streams = r.count("streams", 8);
            float[][][] a = new float[streams][][];
            float[][] b = new float[streams][];
            for (int s = 0; s < streams; s++) {
                int len = r.count("length", 1000);
                a[s] = new float[len][];
                for (int i = 0; i < len; i++) {
                    a[s][i] = r.floats(len);
                }
                b[s] = r.floats(len);
            }
            return new VoiceProfile(a, b, second ? 0 : shift, phrases, remarks, quiet, noisy);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " line " + r.at + ": " + e.getMessage(), e);
        }
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%s", v);
    }

    private static String join(double[] values) {
        StringBuilder s = new StringBuilder();
        for (double v : values) {
            if (!s.isEmpty()) {
                s.append(' ');
            }
            s.append(number(v));
        }
        return s.toString();
    }

    private static String join(float[] values) {
        StringBuilder s = new StringBuilder();
        for (float v : values) {
            if (!s.isEmpty()) {
                s.append(' ');
            }
            s.append(Float.toString(v));
        }
        return s.toString();
    }

    /** The file's lines, one after the other. */
    private static final class Reader {
        private final Path file;
        private final List<String> lines;
        private int at;

        Reader(Path file, List<String> lines) {
            this.file = file;
            this.lines = lines;
        }

        String next() throws IOException {
            if (at >= lines.size()) {
                throw new IOException(file + " ends too early (line " + (at + 1) + ")");
            }
            return lines.get(at++);
        }

        String peek() throws IOException {
            if (at >= lines.size()) {
                throw new IOException(file + " ends too early (line " + (at + 1) + ")");
            }
            return lines.get(at);
        }

        /** A count line ({@code name N}) and the N lines after it. */
        List<String> lines(String name) throws IOException {
            int n = count(name, 1000);
            List<String> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                out.add(next());
            }
            return out;
        }

        /** A line {@code name} followed by numbers (none at all is fine); -Infinity is one. */
        double[] doubles(String name) throws IOException {
            String line = next();
            if (!line.equals(name) && !line.startsWith(name + " ")) {
                throw new IOException(file + " line " + at + ": expected '" + name + " ...'");
            }
            String rest = line.substring(name.length()).strip();
            return rest.isEmpty() ? new double[0]
                    : Arrays.stream(rest.split(" +")).mapToDouble(Double::parseDouble).toArray();
        }

        String field(String name) throws IOException {
            String line = next();
            if (!line.startsWith(name + " ")) {
                throw new IOException(file + " line " + at + ": expected '" + name + " ...'");
            }
            return line.substring(name.length() + 1).strip();
        }

        int count(String name, int most) throws IOException {
            int n = Integer.parseInt(field(name));
            if (n < 0 || n > most) {
                throw new IOException(file + " line " + at + ": " + name + " " + n + " is out of range");
            }
            return n;
        }

        float[] floats(int n) throws IOException {
            String[] parts = next().strip().split(" +");
            if (parts.length != n) {
                throw new IOException(file + " line " + at + ": " + parts.length + " numbers, expected " + n);
            }
            float[] out = new float[n];
            for (int i = 0; i < n; i++) {
                out[i] = Float.parseFloat(parts[i]);
                if (!Float.isFinite(out[i])) {
                    throw new IOException(file + " line " + at + ": a number is not finite");
                }
            }
            return out;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VoiceProfile p && Arrays.deepEquals(a, p.a) && Arrays.deepEquals(b, p.b)
                && Double.compare(marginShift, p.marginShift) == 0 && phrases.equals(p.phrases)
                && remarks.equals(p.remarks) && quiet.equals(p.quiet) && noisy.equals(p.noisy);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(a) * 31 + Arrays.deepHashCode(b) + phrases.hashCode();
    }

    @Override
    public String toString() {
        return "VoiceProfile[" + a.length + " stream(s) of " + a[0].length + ", margin shift " + marginShift + ", "
                + phrases.size() + " phrases, " + remarks.size() + " remarks]";
    }
}
