package org.pitbox.core.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.pitbox.core.math.MathChannelCheck.Field;

/** What the math channel dialog and the stored preference rely on: adding, editing, removing, checking. */
class MathChannelEditingTest {
    private static final MathChannel KMH = new MathChannel("SpeedKmh", "Speed * 3.6", "km/h");
    private static final MathChannel PEDALS = new MathChannel("Pedals", "Throttle - Brake", "");

    @Test
    void addEditAndRemoveKeepTheOrderAndRoundTripAsAPreference() {
        List<MathChannel> list = MathChannels.put(List.of(), null, KMH);
        list = MathChannels.put(list, null, PEDALS);
        MathChannel mph = new MathChannel("SpeedMph", "Speed * 2.23694", "mph");
        list = MathChannels.put(list, "SpeedKmh", mph);
        assertEquals(List.of(mph, PEDALS), list, "an edit keeps its place");
        List<MathChannel> bad = list;
        IllegalArgumentException clash = assertThrows(IllegalArgumentException.class,
                () -> MathChannels.put(bad, "SpeedMph", new MathChannel("Pedals", "1", "")));
        assertEquals("there is a math channel named 'Pedals' already", clash.getMessage());
        String stored = MathChannels.write(list);
        assertEquals(list, MathChannels.read(stored));
        assertEquals(List.of(PEDALS), MathChannels.remove(list, "SpeedMph"));
        assertEquals(-1, MathChannels.find(list, "SpeedKmh"));
    }

    @Test
    void aBadStoredLineIsSkippedNotTheWholeList() {
        List<String> skipped = new ArrayList<>();
        List<MathChannel> read = MathChannels.readValid(
                "SpeedKmh = Speed * 3.6 [km/h]\nbroken = (Speed [x]\nPedals = Throttle - Brake []\n"
                        + "Pedals = 1 []\n", skipped::add);
        assertEquals(List.of(KMH, PEDALS), read);
        assertEquals(2, skipped.size(), skipped.toString());
        assertTrue(skipped.get(0).startsWith("line 2: "), skipped.get(0));
        assertEquals("line 4: 'Pedals' is defined twice", skipped.get(1));
        assertEquals(List.of(), MathChannels.readValid(null, skipped::add));
    }

    @Test
    void theCheckNamesTheFieldAndTheColumn() {
        Set<String> reserved = Set.of("Speed", "Delta");
        List<MathChannel> mine = List.of(KMH);
        assertEquals(Optional.empty(), check("Pedals", "Throttle - Brake", "", reserved, mine, null));
        assertEquals(Field.NAME, check("", "1", "", reserved, mine, null).orElseThrow().field());
        assertEquals(Field.NAME, check("Speed", "1", "", reserved, mine, null).orElseThrow().field());
        assertEquals(Field.NAME, check("SpeedKmh", "1", "", reserved, mine, null).orElseThrow().field());
        assertEquals(Optional.empty(), check("SpeedKmh", "Speed * 3.6", "km/h", reserved, mine, "SpeedKmh"),
                "an edited channel keeps its own name");
        MathChannelCheck syntax = check("X", "Speed * (3.6", "", reserved, mine, null).orElseThrow();
        assertEquals(Field.EXPRESSION, syntax.field());
        assertEquals(13, syntax.column());
        assertEquals("expected ')' at column 13", syntax.message());
        MathChannelCheck spaced = check("X", "  Speed *", "", reserved, mine, null).orElseThrow();
        assertEquals(10, spaced.column(), "columns count what was typed, leading spaces too");
        assertEquals(Field.EXPRESSION, check("X", " ", "", reserved, mine, null).orElseThrow().field());
        assertEquals(Field.UNIT, check("X", "1", "[m]", reserved, mine, null).orElseThrow().field());
    }

    @Test
    void unknownChannelsAreFoundAgainstTheLayout() {
        MathChannelCheck unknown = MathChannelCheck.of("X", "Sped * 3.6", "", TinyRecording.LAYOUT, Set.of(),
                List.of(), null).orElseThrow();
        assertEquals(Field.EXPRESSION, unknown.field());
        assertEquals(1, unknown.column());
        assertEquals("unknown channel 'Sped' at column 1; did you mean 'Speed'?", unknown.message());
        assertTrue(MathChannelCheck.of("X", "Speed * 3.6 + Gear", "", TinyRecording.LAYOUT, Set.of(), List.of(),
                null).isEmpty());
        assertEquals(Field.NAME, MathChannelCheck.of("Gear", "1", "", TinyRecording.LAYOUT, Set.of(), List.of(),
                null).orElseThrow().field(), "a recorded channel's name is taken");
    }

    private static Optional<MathChannelCheck> check(String name, String expression, String unit, Set<String> reserved,
            List<MathChannel> existing, String editing) {
        return MathChannelCheck.of(name, expression, unit, null, reserved, existing, editing);
    }
}
