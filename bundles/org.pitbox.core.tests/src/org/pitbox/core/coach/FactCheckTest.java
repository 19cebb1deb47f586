package org.pitbox.core.coach;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pitbox.core.coach.FactCheck.Mention;

class FactCheckTest {
    private static FactSheet sheet() {
        return new FactSheet().add("lap7.t3.brake_vs_best", 12.34, "m", 7, 0, 3, "Brake")
                .add("lap7.t3.time_lost", 0.214, "s", 7, 0, 3, "SessionTime")
                .add("lap7.t3.min_speed_vs_best", -8.2, "km/h", 7, 0, 3, "Speed")
                .add("lap7.s2.vs_best", 1.5049, "s", 7, 2, 0, "SessionTime")
                .add("best.time", 101.2345, "s", 5, 0, 0, "SessionTime")
                .add("fuel.to_add", 9.46, "L", 7, 0, 0, "FuelLevel")
                .add("fuel.laps_short", 2.38, "laps", 7, 0, 0, "FuelLevel")
                .add("fuel.window_last", 14, "lap", 14, 0, 0, "FuelLevel")
                .add("lap7.tyre.lf.vs_best", 14.4, "C", 7, 0, 0, "LFtempCM");
    }

    @Test
    void readsNumbersWithTheirUnits() {
        List<Mention> m = FactCheck.numbers(
                "Turn 3: braked 12 m later, lost 0.21 s; T4 and S2; lap 14 in 1:41.234 at 96 km/h, 3 laps, 9.5 L, "
                        + "2.5 gal, 60 mph, 5 %, 14 C and 2 stops");
        assertEquals(List.of("turn", "m", "s", "turn", "sector", "lap", "s", "km/h", "laps", "L", "gal", "mph", "%",
                "C", ""), m.stream().map(Mention::unit).toList());
        assertEquals(List.of(3.0, 12.0, 0.21, 4.0, 2.0, 14.0, 101.234, 96.0, 3.0, 9.5, 2.5, 60.0, 5.0, 14.0, 2.0),
                m.stream().map(Mention::value).toList());
        assertEquals(3, m.get(6).decimals());
        assertEquals(List.of(), FactCheck.numbers("Box this lap, keep it clean."));
    }

    @Test
    void aNumberMatchesAFactRoundedToTheDecimalsShown() {
        FactCheck.Result r = FactCheck.check("Turn 3: braked 12 m later than your best, lost 0.21 s", sheet());
        assertEquals(3, r.matched().size());
        assertEquals(1.0, r.verifiedShare());
        assertEquals(1.0, FactCheck.check("Sector 2: 1.50 s slower; best 1:41.23; min speed 8 km/h under", sheet())
                .verifiedShare());
        FactCheck.Result wrong = FactCheck.check("Turn 3: braked 13 m later, lost 0.22 s", sheet());
        assertEquals(List.of("13 m", "0.22 s"), wrong.unmatched().stream().map(Mention::text).toList());
        assertEquals(1 / 3.0, wrong.verifiedShare(), 1e-9);
    }

    @Test
    void unitsConvert() {
        assertEquals(1.0, FactCheck.check("add 2.5 gal, 5 mph slower, 40 ft later, 26 F hotter", sheet())
                .verifiedShare());
        assertEquals(0.0, FactCheck.check("add 9.5 gal", sheet()).verifiedShare(), "litres are not gallons");
        assertEquals(0.0, FactCheck.check("12 s", sheet()).verifiedShare(), "metres are not seconds");
    }

    @Test
    void lapsTurnsAndSectorsMatchWhatTheSheetIsAbout() {
        assertEquals(1.0, FactCheck.check("Fuel short by 2.4 laps: pit by lap 14, add 9.5 L", sheet()).verifiedShare());
        FactCheck.Result r = FactCheck.check("Turn 9 on lap 8, sector 4", sheet());
        assertEquals(3, r.unmatched().size());
        assertEquals(1.0, FactCheck.check("T3 in S2 on lap 7", sheet()).verifiedShare());
    }

    @Test
    void aTextWithoutNumbersIsFullyVerified() {
        assertEquals(1.0, FactCheck.check("Keep it clean.", new FactSheet()).verifiedShare());
    }
}
