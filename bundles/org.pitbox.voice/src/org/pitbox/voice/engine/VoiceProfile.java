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
 * What PitBox learned from the driver reading a few commands ("Teach PitBox your voice"): a speaker adaptation of
 * Sphinx4's acoustic model (MLLR, one global transform: each Gaussian's mean {@code m} becomes {@code a m + b}, for
 * each feature stream) and how much the rejection margin moves for this voice (per 10 ms frame, added to the
 * strictness's margin). It is kept as a small text file, {@link #defaultFile()}, written whole or not at all.
 *
 * @param a        for each stream, the square matrix applied to the means
 * @param b        for each stream, the bias added to them
 * @param marginShift how much the margin over the phone loop moves for this voice (negative: more readily taken)
 * @param phrases  the phrases it was learned from, as the driver read them
 */
public record VoiceProfile(float[][][] a, float[][] b, double marginShift, List<String> phrases) {
    private static final String HEADER = "pitbox-voice-profile 1";

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
    }

    /** Where the driver's profile is kept: {@code ~/.pitbox/voice/sphinx4-profile.txt}. */
    public static Path defaultFile() {
        return PitboxHome.resolve("voice", "sphinx4-profile.txt");
    }

    /** This profile with another margin shift. */
    public VoiceProfile withMarginShift(double shift) {
        return new VoiceProfile(a, b, shift, phrases);
    }

    /** Writes the profile to {@code file} through a temporary file beside it, so a crash leaves the old one. */
    public void save(Path file) throws IOException {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        out.append("margin-shift ").append(number(marginShift)).append('\n');
        out.append("phrases ").append(phrases.size()).append('\n');
        phrases.forEach(p -> out.append(p.replace('\n', ' ')).append('\n'));
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

    /** Reads a profile {@link #save} wrote; an IOException names what is wrong with the file. */
    public static VoiceProfile load(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Reader r = new Reader(file, lines);
        if (!r.next().equals(HEADER)) {
            throw new IOException(file + " is not a PitBox voice profile");
        }
        try {
            double shift = Double.parseDouble(r.field("margin-shift"));
            int n = r.count("phrases", 1000);
            List<String> phrases = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                phrases.add(r.next());
            }
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
            return new VoiceProfile(a, b, shift, phrases);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " line " + r.at + ": " + e.getMessage(), e);
        }
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%s", v);
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
                && Double.compare(marginShift, p.marginShift) == 0 && phrases.equals(p.phrases);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(a) * 31 + Arrays.deepHashCode(b) + phrases.hashCode();
    }

    @Override
    public String toString() {
        return "VoiceProfile[" + a.length + " stream(s) of " + a[0].length + ", margin shift " + marginShift + ", "
                + phrases.size() + " phrases]";
    }
}
