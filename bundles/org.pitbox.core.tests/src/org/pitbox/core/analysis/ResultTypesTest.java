package org.pitbox.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ResultTypesTest {

    @Test
    void seriesKeepTheirOwnPoints() {
        double[] x = {0, 1};
        Series s = new Series("Speed", "km/h", Series.Axis.DISTANCE, 3, x, new double[] {10, 20});
        x[0] = 99;
        s.x()[1] = 99;
        assertEquals(0, s.x(0));
        assertEquals(1, s.x(1));
        assertEquals(2, s.size());
        assertThrows(IllegalArgumentException.class, () -> new Series("a", "", Series.Axis.TIME, -1, x, new double[1]));
    }

    @Test
    void tablesHoldStringsAndDoublesInRowsOfTheirWidth() {
        Table t = Table.builder("Laps").column("lap", "").column("time", "s").column("note", "").row(1, 83.5, "best")
                .row(2, Double.NaN, null).build();
        assertEquals(List.of(1.0, 83.5, "best"), t.rows().get(0));
        assertEquals(Arrays.asList(2.0, Double.NaN, null), t.rows().get(1));
        assertThrows(UnsupportedOperationException.class, () -> t.rows().get(0).set(0, 5.0));
        assertThrows(IllegalArgumentException.class, () -> Table.builder("x").column("a", "").row(1, 2).build());
        assertThrows(IllegalArgumentException.class,
                () -> new Table("x", List.of(new Table.Column("a", "")), List.of(List.of(new Object()))));
    }

    @Test
    void resultsFindFiguresAndTablesByName() {
        AnalysisResult r = AnalysisResult.builder().summary("ok").figure("Best lap", 83.2, "s")
                .table(Table.builder("Laps").column("lap", "").build())
                .marker(new Marker(2, 0.5, "C1 brake", 120, "m")).build();
        assertEquals(83.2, r.figure("Best lap").value());
        assertEquals("Laps", r.table("Laps").title());
        assertEquals(null, r.figure("nothing"));
        assertEquals(1, r.markers().size());
    }

    @Test
    void infoNeedsAnIdAndNamesItselfByIt() {
        assertThrows(IllegalArgumentException.class, () -> new AnalysisInfo(" ", "n", "", "", "", List.of(), Set.of()));
        AnalysisInfo i = new AnalysisInfo("x.y", null, null, null, null, List.of("Speed"), Set.of());
        assertEquals("x.y", i.name());
        assertEquals("", i.provider());
    }
}
