package org.pitbox.core.sim;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The built-in tracks, shaped after the real circuits (corner radii and angles are approximations). */
public final class Tracks {
    private Tracks() {
    }

    public static final Track MONZA = Track.builder("monza full", "Autodromo Nazionale Monza", 239, 5793)
            .config("Grand Prix", "road course").place("Monza", "Italy", 45.6156, 9.2811, 162)
            .pits(0.94, 0.012, 0.07, 80).sectors(0.0, 0.319, 0.685)
            .straight(720).right(20, 80).left(20, 75).straight(350).right(330, 70).straight(340)
            .left(25, 60).right(25, 60).straight(140).right(70, 80).straight(90).right(55, 60)
            .straight(1030).left(60, 45).right(80, 70).left(90, 35).straight(1035).right(110, 180)
            .straight(620).build();

    public static final Track RED_BULL_RING = Track.builder("spielberg gp", "Red Bull Ring", 403, 4318)
            .config("Grand Prix", "road course").place("Spielberg", "Austria", 47.220305, 14.766722, 677.3)
            .pits(0.95, 0.015, 0.08, 80).sectors(0.0, 0.271918, 0.668198)
            .straight(250).right(55, 90).straight(700).right(800, 10).straight(100).right(20, 130)
            .straight(750).right(35, 90).straight(300).left(120, 50).straight(150).left(70, 80)
            .straight(200).right(80, 80).straight(400).right(90, 50).straight(100).right(70, 70)
            .straight(300).build();

    public static final Track MARTINSVILLE = Track.builder("martinsville", "Martinsville Speedway", 33, 847)
            .config("", "short oval").place("Martinsville", "USA", 36.634244, -79.852313, 222.95)
            .pits(0.85, 0.02, 0.2, 56).sectors(0.0, 0.5)
            .straight(100).left(60, 180).straight(200).left(60, 180).straight(100).build();

    private static final List<Track> ALL = List.of(MONZA, RED_BULL_RING, MARTINSVILLE);

    public static List<Track> all() {
        return ALL;
    }

    /** A track by internal or display name, or a short form of either (case-insensitive). */
    public static Optional<Track> find(String name) {
        String key = normalize(name);
        for (Track t : ALL) {
            if (normalize(t.name()).equals(key) || normalize(t.displayName()).equals(key)) {
                return Optional.of(t);
            }
        }
        return ALL.stream().filter(t -> !key.isEmpty()
                && (normalize(t.name()).contains(key) || normalize(t.displayName()).contains(key))).findFirst();
    }

    /** The names to offer when a lookup fails, on one line: "name (display name), ...". */
    public static String choices() {
        return ALL.stream().map(t -> t.name() + " (" + t.displayName() + ")").collect(Collectors.joining(", "));
    }

    private static String normalize(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
