package org.pitbox.ui.engineer.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pitbox.ui.tests.UiWait.await;
import static org.pitbox.ui.tests.UiWait.settle;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.e4.ui.internal.workbench.E4Workbench;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.Test;
import org.pitbox.app.feed.ActiveFeed;
import org.pitbox.app.live.LiveBoard;
import org.pitbox.app.strategy.LiveCar;
import org.pitbox.client.live.LiveSession;
import org.pitbox.client.live.RowProjection;
import org.pitbox.core.fuel.FuelText;
import org.pitbox.core.laps.Lap;
import org.pitbox.core.laps.LapSegmenter;
import org.pitbox.core.live.OverlayModel;
import org.pitbox.core.sim.SimOptions;
import org.pitbox.core.sim.SimulatedRecording;
import org.pitbox.core.sim.Tracks;
import org.pitbox.core.telemetry.Frame;
import org.pitbox.demo.Screenshots;
import org.pitbox.ui.engineer.live.EngineerLivePart;
import org.pitbox.ui.overlay.OverlayWindow;
import org.pitbox.ui.tests.TestScreenshots;
import org.pitbox.ui.tests.TestWorkbench;

/**
 * The driver's overlay, Team Live and Strategy shown one simulated race read the same figures under the same
 * names: fuel per lap and the laps it holds, laps of fuel, fuel to the flag, fuel to add with its margin, the pit
 * window and the best lap (never the out lap).
 */
class FiguresAgreeTest {
    /** 12 laps of Martinsville from 20 L in a 40 L tank at 2.5 L a lap: a stop to make. */
    private static final SimOptions RACE = SimOptions.defaults().withTrack(Tracks.MARTINSVILLE).withLaps(12)
            .withFuel(20, 40, 2.5).withSeed(5);

    private final List<Throwable> failures = new ArrayList<>();

    @Test
    void overlayTeamLiveAndStrategyShowTheSameFigures() throws Exception {
        TestWorkbench.check("figures disagree", failures, this::exercise);
    }

    private void exercise(Display display, MApplication app, E4Workbench workbench) throws Exception {
        LiveBoard board = app.getContext().get(LiveBoard.class);
        OverlayWindow overlay = new OverlayWindow(new ActiveFeed());
        try {
            EPartService parts = TestWorkbench.engineer(app);
            EngineerLivePart live = (EngineerLivePart) parts.showPart(EngineerLivePart.ID,
                    EPartService.PartState.ACTIVATE).getObject();
            StrategyPart strategy = (StrategyPart) parts.showPart("org.pitbox.ui.part.strategy",
                    EPartService.PartState.VISIBLE).getObject();
            overlay.show();
            SimulatedRecording race = SimulatedRecording.run(RACE);
            int until = drive(race, board, overlay.model());
            OverlayModel o = overlay.model();
            await(display, () -> live.carFigure(FuelText.TO_ADD).equals(o.fuelToAddText() + " L (5 % margin)"), 10,
                    "Team Live's fuel to add, " + live.carFigure(FuelText.TO_ADD) + ", is the overlay's, "
                            + o.fuelToAddText());
            await(display, () -> strategy.source.getText().startsWith("Watching Ann: fuel from"), 10,
                    "Strategy follows the car");
            settle(display, 1200); // Strategy reads the car once a second
            Screenshots.save(overlay.shell(), TestScreenshots.file("figures-overlay.png"));
            Screenshots.save(TestWorkbench.shell(app), TestScreenshots.file("figures-engineer.png"));

            Lap best = new LapSegmenter().segment(race).stream().filter(l -> l.lastRecord() < until)
                    .filter(Lap::isClean).min((a, b) -> Double.compare(a.lapTime(), b.lapTime())).orElseThrow();
            assertEquals(best.lapTime(), o.bestLap(), 1e-9, "the overlay's best is the best clean lap");
            assertTrue(live.carFigure("Best / ideal").startsWith(o.bestLapText() + " / "),
                    "best lap: " + live.carFigure("Best / ideal") + " and " + o.bestLapText());

            String perLap = o.averageLapFuelText() + " L";
            assertEquals("Avg of 5 laps", o.averageCaption());
            assertTrue(live.carFigure("Per lap").startsWith(perLap + " avg of 5 laps"),
                    live.carFigure("Per lap"));
            assertEquals(perLap, strategy.figures[LiveCar.DEFAULT_FIGURE].getText(), "Strategy's Avg 5");

            String lapsOfFuel = o.lapsOfFuelText() + " laps";
            assertTrue(live.carFigure(FuelText.LAPS_OF_FUEL).startsWith(lapsOfFuel + ", "),
                    live.carFigure(FuelText.LAPS_OF_FUEL) + " against " + lapsOfFuel);
            assertTrue(strategy.outputs[0].getText().startsWith(lapsOfFuel + " · "), strategy.outputs[0].getText());

            String toFlag = o.fuelToFlagText() + " L";
            assertTrue(live.carFigure(FuelText.TO_FLAG).startsWith(toFlag + " ("), live.carFigure(FuelText.TO_FLAG));
            assertEquals(toFlag, strategy.outputs[2].getText(), "Strategy's fuel to the flag");

            String toAdd = o.fuelToAddText() + " L (5 % margin)";
            assertEquals(toAdd, live.carFigure(FuelText.TO_ADD));
            assertEquals(toAdd, strategy.outputs[3].getText(), "Strategy's fuel to add");

            String window = FuelText.window(o.figures().pitWindow());
            assertTrue(o.figures().stops() > 0, "a stop to make: " + window);
            assertEquals(window, live.carFigure(FuelText.PIT_WINDOW));
            assertEquals(window, strategy.outputs[4].getText());
            System.out.println("figures: overlay " + o.averageCaption() + " " + o.averageLapFuelText() + ", to the flag "
                    + o.fuelToFlagText() + ", to add " + o.fuelToAddText() + "; Team Live "
                    + live.carFigure(FuelText.TO_FLAG) + " / " + live.carFigure(FuelText.TO_ADD) + "; Strategy "
                    + strategy.outputs[2].getText() + " / " + strategy.outputs[3].getText() + "; " + window);
        } finally {
            if (overlay.shell() != null) {
                overlay.shell().dispose();
            }
        }
    }

    /**
     * The race to the middle of its seventh lap (five clean laps done, the stop at its end still to make), row by
     * row, to the engineer's board and the driver's overlay; returns the first row not fed.
     */
    private static int drive(SimulatedRecording race, LiveBoard board, OverlayModel overlay) {
        board.session(new LiveSession("figures-test", RowProjection.schemaOf(race.layout()), race.sessionInfoYaml(),
                7, "Ann", 60));
        Lap seventh = new LapSegmenter().segment(race).stream().filter(l -> l.number() == 7).findFirst()
                .orElseThrow();
        int until = (seventh.firstRecord() + seventh.lastRecord()) / 2;
        Frame frame = new Frame(race.layout());
        byte[] row = new byte[race.layout().rowLength()];
        for (int i = 0; i < until; i++) {
            race.rows().get(race.rowStart(i), row);
            board.row(i, row);
            frame.row().put(0, row);
            frame.setTick(i);
            overlay.update(frame);
        }
        return until;
    }
}
