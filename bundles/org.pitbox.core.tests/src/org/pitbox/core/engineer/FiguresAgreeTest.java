package org.pitbox.core.engineer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pitbox.core.fuel.FuelFigures;
import org.pitbox.core.fuel.FuelText;
import org.pitbox.core.live.OverlayModel;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.core.sim.SimulatedRecording;
import org.pitbox.core.sim.Tracks;
import org.pitbox.core.strategy.Consumption;
import org.pitbox.core.strategy.RaceLength;

/**
 * The driver's overlay, the engineer's Team Live models and the Strategy figures fed one race give the same
 * numbers under the same names: one lap tracker, one set of clean laps, one fuel calculation.
 */
class FiguresAgreeTest {
    /** 12 laps of Martinsville from 20 L in a 40 L tank at 2.5 L a lap: a stop to make. */
    private static final SimOptions RACE = SimOptions.defaults().withTrack(Tracks.MARTINSVILLE).withLaps(12)
            .withFuel(20, 40, 2.5).withSeed(5);
    private static final double EPS = 1e-9;

    @Test
    void overlayTeamLiveAndStrategyShowTheSameFigures() {
        SimulatedRecording race = SimulatedRecording.run(RACE);
        OverlayModel overlay = new OverlayModel();
        LapTable table = new LapTable(race.layout(), SectorSplits.of(race.sessionInfoYaml()));
        CarState car = new CarState(race.layout(), table);
        // the session counts the out lap: SessionLapsRemainEx starts at 13
        RaceLength length = RaceLength.laps(RACE.laps() + 1);
        int[] checked = new int[2];
        new Replay(race).all(frame -> {
            overlay.update(frame);
            table.update(frame);
            car.update(frame);
            double position = race.value((int) frame.tick(), race.layout().require("LapCompleted"), 0)
                    + race.value((int) frame.tick(), race.layout().require("LapDistPct"), 0);
            if (frame.tick() % 500 == 0 && position < RACE.laps() + 1) {
                checked[0]++;
                checked[1] += compare(overlay, table, car, length, position) ? 1 : 0;
            }
        });
        assertTrue(checked[0] > 30, "compared at " + checked[0] + " moments");
        assertTrue(checked[1] > 15, "with a clean lap and a stop to make at " + checked[1]);
    }

    /** Asserts the three agree now; true when they have fuel figures and a stop to plan. */
    private static boolean compare(OverlayModel overlay, LapTable table, CarState car, RaceLength length,
            double position) {
        assertEquals(table.best() == null ? Double.NaN : table.best().lapTime(), overlay.bestLap(), "best lap");
        assertEquals(table.currentDelta(), overlay.delta(), "delta to the best lap");
        assertEquals(table.currentLapTime(), overlay.lapTime(), "lap time");
        Consumption c = car.consumption();
        assertEquals(c.average5(), overlay.averageLapFuel(), "fuel per lap, average of the last 5 clean laps");
        assertEquals(c.held(FuelFigures.AVERAGE_LAPS), overlay.averageLaps(), "clean laps in the average");
        FuelFigures teamLive = car.fuelFigures(c.average5(), FuelFigures.MARGIN);
        FuelFigures shown = overlay.figures();
        assertEquals(teamLive.lapsOfFuel(), shown.lapsOfFuel(), "laps of fuel");
        assertEquals(teamLive.lapsToGo(), shown.lapsToGo(), "laps to go");
        assertEquals(teamLive.fuelToFlag(), shown.fuelToFlag(), "fuel to the flag");
        assertEquals(teamLive.fuelToAdd(), shown.fuelToAdd(), "fuel to add");
        assertEquals(teamLive.pitWindow(), shown.pitWindow(), "pit window");
        assertEquals(FuelText.litres(teamLive.fuelToAdd()), texts(overlay.fuelToAddText()), "fuel to add, as shown");
        if (c.laps() == 0) {
            return false;
        }
        // the Strategy part with the live car's figures typed in: the race's laps, the laps done so far
        FuelFigures strategy = new FuelFigures().compute(c.average5(), teamLive.lapTime(), car.tankSize(),
                FuelFigures.MARGIN, car.fuel(), length.lapsToGo(position, teamLive.lapTime()), position);
        assertEquals(teamLive.lapsOfFuel(), strategy.lapsOfFuel(), EPS, "laps of fuel, Strategy");
        assertEquals(teamLive.lapsToGo(), strategy.lapsToGo(), EPS, "laps to go, Strategy");
        assertEquals(teamLive.fuelToFlag(), strategy.fuelToFlag(), EPS, "fuel to the flag, Strategy");
        assertEquals(teamLive.fuelToAdd(), strategy.fuelToAdd(), EPS, "fuel to add, Strategy");
        assertEquals(teamLive.pitWindow(), strategy.pitWindow(), "pit window, Strategy");
        return teamLive.stops() > 0;
    }

    /** The overlay's figure with the unit the engineer's parts write after it. */
    private static String texts(String overlayFigure) {
        return overlayFigure.equals(FuelText.UNKNOWN) ? overlayFigure : overlayFigure + " L";
    }
}
