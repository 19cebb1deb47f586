package org.pitbox.app.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pitbox.app.strategy.StrategyFigures.Parsed;
import org.pitbox.core.fuel.FuelFigures;
import org.pitbox.core.strategy.RaceLength;

/** The Strategy part's figures without the part: reading what is typed, the fuel from it, the words shown. */
class StrategyFiguresTest {
    @Test
    void readsTypedNumbersWithCommasAndUnits() {
        assertEquals(2.5, StrategyFigures.positive("2,5 L").value(), 1e-9);
        assertEquals(2.5, StrategyFigures.positive(" 2.5 ").value(), 1e-9);
        assertEquals("needed", StrategyFigures.positive("").error());
        assertEquals("not a number", StrategyFigures.positive("two").error());
        assertEquals("must be above 0", StrategyFigures.positive("0").error());
        assertEquals("must not be negative", StrategyFigures.notNegative("-1").error());
        assertTrue(StrategyFigures.notNegative("0").ok());
    }

    @Test
    void readsLapTimesLapsAndMargins() {
        assertEquals(92.4, StrategyFigures.duration("1:32.4").value(), 1e-9);
        assertEquals(92.4, StrategyFigures.duration("92.4").value(), 1e-9);
        assertEquals("type m:ss.s, e.g. 1:32.4", StrategyFigures.duration("1:72").error());
        assertEquals(30, StrategyFigures.wholeLaps("30 laps", 1).value(), 1e-9);
        assertEquals("whole laps only", StrategyFigures.wholeLaps("2.5", 1).error());
        assertEquals("at least 1", StrategyFigures.wholeLaps("0", 1).error());
        assertEquals(0.05, StrategyFigures.margin("5 %").value(), 1e-9);
        assertEquals("at most 100 %", StrategyFigures.margin("101").error());
        Parsed bad = Parsed.bad("x");
        assertFalse(bad.ok());
        assertTrue(Double.isNaN(bad.value()));
    }

    @Test
    void typedFiguresGiveTheFuelToTheFlag() {
        FuelFigures f = StrategyFigures.typed(2.5, 90, 60, 20, 0, RaceLength.laps(30), 10);
        assertEquals(20 * 2.5, f.fuelToFlag(), 1e-9, "20 laps to go at 2.5 L");
        assertEquals(30, f.fuelToAdd(), 1e-9, "50 L needed, 20 on board");
    }

    @Test
    void figuresThatMakeNoRaceSayWhy() {
        IllegalArgumentException more = assertThrows(IllegalArgumentException.class,
                () -> StrategyFigures.typed(2.5, 90, 60, 70, 0, RaceLength.laps(30), 0));
        assertTrue(more.getMessage().startsWith("Fuel on board"), more.getMessage());
        IllegalArgumentException done = assertThrows(IllegalArgumentException.class,
                () -> StrategyFigures.typed(2.5, 90, 60, 20, 0, RaceLength.laps(30), 31));
        assertEquals("Laps done (31) are more than the race's 30.", done.getMessage());
        IllegalArgumentException tank = assertThrows(IllegalArgumentException.class,
                () -> StrategyFigures.typed(70, 90, 60, 20, 0, RaceLength.laps(30), 0));
        assertTrue(tank.getMessage().startsWith("A full tank of"), tank.getMessage());
    }

    @Test
    void writesLapTimes() {
        assertEquals("1:32.4", StrategyFigures.lapTime(92.4));
        assertEquals("0:59.9", StrategyFigures.lapTime(59.94));
        assertFalse(StrategyFigures.lapTime(Double.NaN).contains(":"));
    }
}
