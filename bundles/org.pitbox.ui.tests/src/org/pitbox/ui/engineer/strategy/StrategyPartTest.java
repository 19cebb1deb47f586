package org.pitbox.ui.engineer.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pitbox.ui.tests.UiWait.await;
import static org.pitbox.ui.tests.UiWait.folderOf;
import static org.pitbox.ui.tests.UiWait.settle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.e4.ui.internal.workbench.E4Workbench;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.Test;
import org.pitbox.app.live.LiveBoard;
import org.pitbox.client.live.LiveSession;
import org.pitbox.client.live.RowProjection;
import org.pitbox.core.fuel.FuelFigures;
import org.pitbox.core.fuel.FuelText;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.core.sim.SimulatedRecording;
import org.pitbox.core.sim.Tracks;
import org.pitbox.demo.Screenshots;
import org.pitbox.ui.tests.TestScreenshots;
import org.pitbox.ui.tests.TestWorkbench;

/**
 * The Strategy part in the real workbench: typed figures for a race by laps and by time (the figures are those of
 * the core's hand-worked examples), the stint table with a two-driver rotation, wrong input marked in red, then a
 * simulated car fed to the live board fills the figures in; a screenshot for the docs.
 */
class StrategyPartTest {
    private static final String PART = "org.pitbox.ui.part.strategy";
    private static final Path TARGET = Path.of("target").toAbsolutePath();

    private final List<Throwable> failures = new ArrayList<>();

    @Test
    void fuelPitWindowAndStintPlanFromTypedFiguresAndTheLiveCar() throws Exception {
        TestWorkbench.check("strategy check failed", failures, this::exercise);
    }

    private void exercise(Display display, MApplication app, E4Workbench workbench) throws Exception {
        Shell shell = TestWorkbench.shell(app);
        EPartService parts = TestWorkbench.engineer(app);
        LiveBoard board = app.getContext().get(LiveBoard.class);
        MPart part = parts.showPart(PART, EPartService.PartState.ACTIVATE);
        StrategyPart s = (StrategyPart) part.getObject();
        assertNotNull(s, "the Strategy part was not created");
        settle(display, 300);
        assertEquals(StrategyPart.NOBODY, s.source.getText());
        assertFalse(s.consumption.getVisible(), "no live consumption without a watched car");

        typedLapRace(s);
        typedTimedRace(s);
        badInput(s);
        typedLapRaceBack(s);
        settle(display, 300);
        Files.createDirectories(TARGET);
        Screenshots.save(folderOf(part), TARGET.resolve("strategy-narrow.png"));
        s.perLap.text().setText("2.5x");
        s.stints.pitLoss().text().setText("-1");
        settle(display, 200);
        Screenshots.save(folderOf(part), TARGET.resolve("strategy-errors.png"));
        s.perLap.text().setText("2.5");
        s.stints.pitLoss().text().setText("60");
        live(display, board, s);
        Screenshots.save(folderOf(part), TARGET.resolve("strategy-live-narrow.png"));
        // wide enough for the stint plan beside the fuel figures
        EModelService models = app.getContext().get(EModelService.class);
        models.find("org.pitbox.ui.engineer.left", app).setContainerData("38");
        models.find("org.pitbox.ui.engineer.right", app).setContainerData("62");
        shell.layout(true, true);
        settle(display, 500);
        assertEquals(2, ((org.eclipse.swt.layout.GridLayout) s.body.getLayout()).numColumns,
                "two columns in a wide part");
        Screenshots.save(folderOf(part), TARGET.resolve("strategy-live-wide.png"));
        Screenshots.save(folderOf(part), TestScreenshots.file("strategy.png"));
        board.clear();
        await(display, () -> StrategyPart.NOBODY.equals(s.source.getText()), "back to typed figures");
        assertTrue(s.perLap.text().getEditable());
        assertEquals("2.5", s.perLap.text().getText(), "the typed figure comes back");
    }

    /** 30 laps at 2.5 L and 1:32, a 60 L tank, 10 % margin: the FuelFigures arithmetic. */
    private static void typedLapRace(StrategyPart s) {
        s.margin.text().setText("10");
        // 60 L last 60 / 2.5 = 24 laps, 24 x 92 s = 2208 s = 36:48
        assertEquals("24.0 laps · 36:48", s.outputs[0].getText());
        // 30 laps x 92 s = 2760 s = 46:00
        assertEquals("30.0 laps · 46:00", s.outputs[1].getText());
        // fuel to the flag 30 x 2.5 = 75 L; to add: 75 x 1.1 = 82.5 L less the 60 L on board = 22.5 L
        assertEquals("75.0 L", s.outputs[2].getText());
        assertEquals("22.5 L (10 % margin)", s.outputs[3].getText());
        // 24 / 1.1 = 21.8 -> latest 21; 60 / 2.75 = 21 laps a tank -> earliest 30 - 21 = 9
        assertEquals("After lap 9 to lap 21 (1 stop to go)", s.outputs[4].getText());
        assertEquals("21 laps", s.outputs[5].getText());
        assertFalse(s.fuelProblem.getVisible());
        // stint plan: 30 laps over 2 stints of 15, fair share: Driver A then Driver B after 15 x 92 + 60 s
        Table t = s.stints.table();
        assertEquals(2, t.getItemCount());
        assertRow(t, 0, "1", "Driver A", "1–15 (15)");
        assertTrue(t.getItem(0).getText(3).endsWith("start"), t.getItem(0).getText(3));
        assertRow(t, 1, "2", "Driver B", "16–30 (15)");
        // stint 1 starts with 15 x 2.75 = 41.25 L and ends with 3.75 L: the stop adds 37.5 L
        assertEquals("+37.5 L → 41 L", t.getItem(1).getText(3));
        assertEquals("24:00", t.getItem(1).getText(4));
        assertTrue(s.stints.summary().getText().startsWith("2 stints, 1 stop, 30 laps, flag at 47:00"),
                s.stints.summary().getText());

        // lap 12 done with 30 L: 18 laps to go, 18 x 2.5 = 45 L to the flag, 18 x 2.75 = 49.5 L less 30: add 19.5 L;
        // 30 L last 12 laps, / 1.1 = 10.9 -> latest 22; earliest max(12, 9) = 12
        s.lapsDone.text().setText("12");
        s.fuel.text().setText("30");
        assertEquals("18.0 laps · 27:36", s.outputs[1].getText());
        assertEquals("45.0 L", s.outputs[2].getText());
        assertEquals("19.5 L (10 % margin)", s.outputs[3].getText());
        assertEquals("After lap 12 to lap 22 (1 stop to go)", s.outputs[4].getText());
    }

    /** 45 minutes: 30 laps to the flag; with a 60 s stop only 29 fit. */
    private static void typedTimedRace(StrategyPart s) {
        s.lapsDone.text().setText("0");
        s.fuel.text().setText("60");
        select(s.byTime, s.byLaps);
        assertEquals("45", s.length.text().getText(), "the timed race keeps its own length");
        // 2700 / 92 = 29.3: a 30th lap is started before the clock runs out
        assertEquals("30.0 laps · 46:00", s.outputs[1].getText());
        assertEquals("75.0 L", s.outputs[2].getText());
        Table t = s.stints.table();
        assertEquals(2, t.getItemCount());
        assertRow(t, 0, "1", "Driver A", "1–15 (15)");
        // 2700 - 1380 - 60 = 1260 s left after the stop: 14 laps (lap 13 would end at 2636 s)
        assertRow(t, 1, "2", "Driver B", "16–29 (14)");
        assertTrue(s.stints.summary().getText().startsWith("2 stints, 1 stop, 29 laps, flag at 45:28, 60 s in the"
                + " pits."), s.stints.summary().getText());

        s.stints.rotation().select(1); // in order, 2 in a row: Driver A keeps the car
        s.stints.rotation().notifyListeners(SWT.Selection, null);
        assertTrue(s.stints.inARow().isEnabled(), "stints in a row count for the in-order rotation");
        s.stints.inARow().setSelection(2);
        s.stints.inARow().notifyListeners(SWT.Modify, null);
        assertEquals("Driver A", t.getItem(1).getText(1));
        s.stints.rotation().select(0);
        s.stints.rotation().notifyListeners(SWT.Selection, null);
        assertEquals("Driver B", t.getItem(1).getText(1));

        s.stints.name().setText("Cleo");
        s.stints.addDriver();
        assertEquals(3, s.stints.drivers().getItemCount());
        s.stints.maxStint().text().setText("15"); // 15 min: 9 laps of 92 s at most in one go
        assertTrue(t.getItemCount() >= 4, "shorter stints: " + t.getItemCount());
        assertEquals("Cleo", t.getItem(2).getText(1));
        s.stints.maxStint().text().setText("");
        s.stints.drivers().select(2);
        s.stints.removeDriver();
        assertEquals(2, s.stints.drivers().getItemCount());
    }

    private static void badInput(StrategyPart s) {
        s.perLap.text().setText("abc");
        assertEquals("not a number", s.perLap.error().getText());
        assertEquals("--", s.outputs[2].getText());
        assertTrue(s.fuelProblem.getVisible());
        assertEquals("Correct the figures marked in red.", s.fuelProblem.getText());
        assertEquals(0, s.stints.table().getItemCount());
        assertTrue(s.stints.summary().getText().startsWith("Correct the car and race figures"));
        s.perLap.text().setText("2.5");
        assertEquals("", s.perLap.error().getText());

        s.fuel.text().setText("70");
        assertEquals("Fuel on board (70.0 L) is more than the tank holds (60.0 L).", s.fuelProblem.getText());
        assertEquals(2, s.stints.table().getItemCount(), "the plan does not need the fuel on board");
        s.fuel.text().setText("60");
        s.lapTime.text().setText("1:75");
        assertEquals("type m:ss.s, e.g. 1:32.4", s.lapTime.error().getText());
        s.lapTime.text().setText("1:32.0");
        s.stints.pitLoss().text().setText("-5");
        assertEquals("must not be negative", s.stints.pitLoss().error().getText());
        assertTrue(s.stints.summary().getText().startsWith("Correct the figures"));
        s.stints.pitLoss().text().setText("60");
        assertEquals(2, s.stints.table().getItemCount());
    }

    private static void typedLapRaceBack(StrategyPart s) {
        select(s.byLaps, s.byTime);
        assertEquals("30", s.length.text().getText());
        assertEquals("75.0 L", s.outputs[2].getText());
    }

    /** A simulated car on the live board: 12 laps of Martinsville, 2.5 L a lap from 20 L in a 40 L tank. */
    private static void live(Display display, LiveBoard board, StrategyPart s) {
        SimulatedRecording race = SimulatedRecording.run(SimOptions.defaults().withTrack(Tracks.MARTINSVILLE)
                .withLaps(12).withFuel(20, 40, 2.5).withSeed(5));
        board.session(new LiveSession("strategy-test", RowProjection.schemaOf(race.layout()), race.sessionInfoYaml(),
                7, "Ann", 60));
        byte[] row = new byte[race.layout().rowLength()];
        int[] laps = new int[1];
        for (int i = 0; i < race.recordCount() && laps[0] < 5; i++) {
            race.rows().get(race.rowStart(i), row);
            board.row(i, row);
            board.read(m -> laps[0] = m.laps().laps().size());
        }
        await(display, () -> s.source.getText().startsWith("Watching Ann: fuel from"), "the live car's figures");
        assertTrue(s.consumption.getVisible());
        assertFalse(s.perLap.text().getEditable(), "the live consumption is not typed over");
        assertTrue(s.figures[2].getText().endsWith(" L"), s.figures[2].getText());
        FuelFigures[] expected = new FuelFigures[1];
        board.read(m -> expected[0] = m.car().fuelFigures(m.car().consumption().average5(), 0.10));
        assertEquals(FuelText.litres(expected[0].fuelToFlag()), s.outputs[2].getText());
        assertEquals(FuelText.toAdd(expected[0]), s.outputs[3].getText());
        assertEquals(FuelText.window(expected[0].pitWindow()), s.outputs[4].getText());
        assertFalse(s.lapsDone.text().getVisible(), "laps to go come from the session");
        assertTrue(s.stints.table().getItemCount() >= 1, "the plan uses the live figures");
        System.out.println("strategy, live: " + s.source.getText() + " / " + s.outputs[2].getText() + " / "
                + s.outputs[4].getText());
    }

    private static void assertRow(Table t, int row, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            assertEquals(cells[i], t.getItem(row).getText(i), "row " + row + ", column " + i);
        }
    }

    private static void select(Button on, Button off) {
        off.setSelection(false);
        off.notifyListeners(SWT.Selection, null);
        on.setSelection(true);
        on.notifyListeners(SWT.Selection, null);
    }

}
