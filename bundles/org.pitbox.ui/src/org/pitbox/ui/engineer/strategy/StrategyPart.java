package org.pitbox.ui.engineer.strategy;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IStylingEngine;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.pitbox.app.live.LiveBoard;
import org.pitbox.app.strategy.LiveCar;
import org.pitbox.app.strategy.StrategyFigures.Parsed;
import org.pitbox.app.strategy.StrategyFigures;
import org.pitbox.core.fuel.FuelText;
import org.pitbox.ui.services.Listening;

/**
 * The race engineer's strategy: fuel to the flag and the pit window, from the watched car or from typed figures,
 * and a stint plan with a driver rotation. Every change recomputes; wrong figures are marked next to their field.
 */
public class StrategyPart {
    private static final int LIVE_REFRESH_MILLIS = 1000;
    static final String NOBODY = "Watching nobody: type your own figures, or watch a live session in Team Live";

    @Inject
    LiveBoard board;
    @Inject
    IStylingEngine styling;
    @Inject
    UISynchronize ui;
    private Listening listening;

    ScrolledComposite scroller;
    Composite body;
    Label source;
    Composite consumption;
    final Label[] figures = new Label[LiveCar.FIGURES.length];
    Combo planWith;
    FigureField perLap;
    FigureField lapTime;
    FigureField tank;
    FigureField fuel;
    FigureField margin;
    Button byLaps;
    Button byTime;
    FigureField length;
    FigureField lapsDone;
    private String otherLength = "45";
    final Label[] outputs = new Label[6];
    Label fuelProblem;
    StintBox stints;
    private boolean busy;

    @PostConstruct
    public void create(Composite parent) {
        parent.setLayout(new FillLayout());
        scroller = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
        body = new Composite(scroller, SWT.NONE);
        body.setLayout(new GridLayout(1, false));
        scroller.setContent(body);
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        source = new Label(body, SWT.WRAP);
        source.setLayoutData(wide());
        Composite left = column();
        createConsumption(left);
        createInputs(group(left, "Car and race", 4));
        createOutputs(group(left, "Fuel to the flag", 2));
        stints = new StintBox(group(column(), "Stint plan for the whole race", 4), styling, this::refresh);
        scroller.addListener(SWT.Resize, e -> arrange());
        refresh();
        followLiveCar();
        listening = new Listening(ui);
        listening.board(board, this::onBoard);
    }

    /** Fuel on board and what follows from it change all the time: once a second while a car is watched. */
    private void followLiveCar() {
        body.getDisplay().timerExec(LIVE_REFRESH_MILLIS, new Runnable() {
            @Override
            public void run() {
                if (body.isDisposed()) {
                    return;
                }
                if (board.active() && body.isVisible()) {
                    refresh();
                }
                body.getDisplay().timerExec(LIVE_REFRESH_MILLIS, this);
            }
        });
    }

    private Composite column() {
        Composite c = new Composite(body, SWT.NONE);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        c.setLayout(layout);
        c.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        return c;
    }

    /** One column in a narrow part; the stint plan beside the fuel figures when both fit side by side. */
    private void arrange() {
        GridLayout layout = (GridLayout) body.getLayout();
        Control[] children = body.getChildren();
        int both = layout.marginWidth * 2 + layout.horizontalSpacing
                + children[1].computeSize(SWT.DEFAULT, SWT.DEFAULT).x + children[2].computeSize(SWT.DEFAULT, SWT.DEFAULT).x;
        int columns = scroller.getClientArea().width >= both ? 2 : 1;
        if (layout.numColumns != columns) {
            layout.numColumns = columns;
            ((GridData) source.getLayoutData()).horizontalSpan = columns;
        }
        fit();
    }

    private void fit() {
        body.layout(true, true);
        int width = scroller.getClientArea().width;
        Point natural = body.computeSize(SWT.DEFAULT, SWT.DEFAULT);
        scroller.setMinSize(natural.x, width > natural.x ? body.computeSize(width, SWT.DEFAULT).y : natural.y);
    }

    private static GridData wide() {
        GridData d = new GridData(SWT.FILL, SWT.TOP, true, false);
        d.widthHint = 300; // wrap to the part's width instead of widening it
        return d;
    }

    private static Composite group(Composite parent, String title, int columns) {
        Group g = new Group(parent, SWT.NONE);
        g.setText(title);
        GridLayout layout = new GridLayout(columns, false);
        layout.verticalSpacing = 3;
        g.setLayout(layout);
        g.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        return g;
    }

    private void createConsumption(Composite parent) {
        consumption = new Composite(parent, SWT.NONE);
        consumption.setLayout(new GridLayout(LiveCar.FIGURES.length + 1, false));
        consumption.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        for (String f : LiveCar.FIGURES) {
            hint(new Label(consumption, SWT.CENTER), f).setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        }
        hint(new Label(consumption, SWT.NONE), "Plan with");
        for (int i = 0; i < figures.length; i++) {
            figures[i] = new Label(consumption, SWT.CENTER);
            figures[i].setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            figures[i].setToolTipText("Litres per clean lap: " + LiveCar.FIGURES[i].toLowerCase(Locale.ROOT));
            styling.setClassname(figures[i], "readout-value");
        }
        planWith = new Combo(consumption, SWT.READ_ONLY);
        planWith.setItems(LiveCar.FIGURES);
        planWith.select(LiveCar.DEFAULT_FIGURE);
        planWith.setToolTipText("The consumption figure the fuel and the plan use");
        planWith.addListener(SWT.Selection, e -> refresh());
    }

    private Label hint(Label l, String text) {
        l.setText(text);
        styling.setClassname(l, "hint");
        return l;
    }

    private void createInputs(Composite g) {
        perLap = new FigureField(g, styling, "Fuel per lap", "L/lap", "2.5", "Litres the car uses per lap",
                StrategyFigures::positive, this::refresh);
        lapTime = new FigureField(g, styling, "Lap time", "m:ss", "1:32.0", "A typical race lap, m:ss.s or seconds",
                StrategyFigures::duration, this::refresh);
        tank = new FigureField(g, styling, "Tank size", "L", "60", "Litres a full tank holds",
                StrategyFigures::positive, this::refresh);
        fuel = new FigureField(g, styling, "Fuel on board", "L", "60", "Litres in the tank now",
                StrategyFigures::notNegative, this::refresh);
        margin = new FigureField(g, styling, "Safety margin", "%", "5", "Extra fuel planned on top of the consumption,"
                + " in percent: 5 adds 5 % to every lap planned", StrategyFigures::margin, this::refresh);
        Label raceBy = new Label(g, SWT.NONE);
        raceBy.setText("Race by");
        raceBy.setToolTipText("A race of a number of laps, or of a time");
        Composite radios = new Composite(g, SWT.NONE);
        radios.setLayout(new GridLayout(2, false));
        radios.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, false, false, 3, 1));
        byLaps = new Button(radios, SWT.RADIO);
        byLaps.setText("Laps");
        byLaps.setToolTipText("The race ends after a number of laps");
        byLaps.setSelection(true);
        byTime = new Button(radios, SWT.RADIO);
        byTime.setText("Time");
        byTime.setToolTipText("The race ends at the first crossing of the line after its time");
        byLaps.addListener(SWT.Selection, e -> {
            if (byLaps.getSelection()) {
                switchRace();
            }
        });
        byTime.addListener(SWT.Selection, e -> {
            if (byTime.getSelection()) {
                switchRace();
            }
        });
        length = new FigureField(g, styling, "Race length", "laps", "30", "The whole race: laps, or minutes for a"
                + " timed race", t -> byTime.getSelection() ? minutes(t) : StrategyFigures.wholeLaps(t, 1),
                this::refresh);
        lapsDone = new FigureField(g, styling, "Laps done", "laps", "0", "Laps completed so far; the fuel figures"
                + " look ahead from here", t -> StrategyFigures.wholeLaps(t, 0), this::refresh);
    }

    private static Parsed minutes(String text) {
        Parsed p = StrategyFigures.positive(text);
        return p.ok() ? Parsed.of(p.value() * 60) : p;
    }

    private void switchRace() {
        String shown = length.text().getText();
        length.setUnit(byTime.getSelection() ? "min" : "laps");
        length.text().setText(otherLength);
        otherLength = shown;
    }

    private void createOutputs(Composite g) {
        String[] captions = {FuelText.LAPS_OF_FUEL, "To go", FuelText.TO_FLAG, FuelText.TO_ADD, FuelText.PIT_WINDOW,
            "Laps per tank"};
        String[] tips = {"Laps and time the fuel on board lasts, without the margin",
            "Laps and time to the flag at the lap time", "Litres needed to finish from here, without the margin",
            "Fuel to the flag plus the safety margin, less the fuel on board: what the stops still have to add",
            "The laps to stop after: from the earliest that still reaches the flag with full tanks, to the last"
                    + " the fuel on board completes with the margin", "Laps a full tank lasts with the margin"};
        for (int i = 0; i < outputs.length; i++) {
            hint(new Label(g, SWT.NONE), captions[i]).setToolTipText(tips[i]);
            outputs[i] = new Label(g, SWT.WRAP);
            outputs[i].setToolTipText(tips[i]);
            outputs[i].setLayoutData(wide());
            styling.setClassname(outputs[i], "readout-value");
        }
        fuelProblem = new Label(g, SWT.WRAP);
        GridData d = wide();
        d.horizontalSpan = 2;
        fuelProblem.setLayoutData(d);
        styling.setClassname(fuelProblem, "status-bad");
    }

    private void onBoard(LiveBoard.Change change) {
        if (body != null && !body.isDisposed()) {
            refresh();
        }
    }

    @PreDestroy
    void dispose() {
        listening.close();
    }

    /** Reads every field and the live car, and shows the figures anew. */
    void refresh() {
        if (busy || body == null || body.isDisposed()) {
            return;
        }
        busy = true;
        try {
            StrategyView.show(this);
        } finally {
            busy = false;
        }
        fit();
    }
}
