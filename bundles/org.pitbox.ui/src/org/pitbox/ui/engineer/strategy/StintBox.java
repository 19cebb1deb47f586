package org.pitbox.ui.engineer.strategy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.e4.ui.services.IStylingEngine;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.pitbox.app.strategy.StrategyFigures.Parsed;
import org.pitbox.app.strategy.StrategyFigures;
import org.pitbox.core.fuel.FuelText;
import org.pitbox.core.strategy.CarSpec;
import org.pitbox.core.strategy.Driver;
import org.pitbox.core.strategy.RaceLength;
import org.pitbox.core.strategy.Rotation;
import org.pitbox.core.strategy.Stint;
import org.pitbox.core.strategy.StintPlan;
import org.pitbox.core.strategy.StintPlanner;

/** The Strategy part's stint planner: drivers, rotation, stops, and the plan as a table. */
final class StintBox {
    private static final String[] COLUMNS = {"#", "Driver", "Laps", "Fuel", "Start"};
    private static final int[] WIDTHS = {34, 110, 96, 110, 74};

    private final IStylingEngine styling;
    private final Runnable changed;
    private final org.eclipse.swt.widgets.List drivers;
    private final Text name;
    private final Button add;
    private final Button remove;
    private final Combo rotation;
    private final Spinner inARow;
    private final FigureField maxStint;
    private final FigureField pitLoss;
    private final FigureField refuelRate;
    private final Label summary;
    private final Table table;

    StintBox(Composite g, IStylingEngine styling, Runnable changed) {
        this.styling = styling;
        this.changed = changed;
        new Label(g, SWT.NONE).setText("Drivers");
        drivers = new org.eclipse.swt.widgets.List(g, SWT.BORDER | SWT.SINGLE | SWT.V_SCROLL);
        GridData listData = new GridData(SWT.FILL, SWT.FILL, false, false, 2, 1);
        listData.heightHint = drivers.getItemHeight() * 3;
        drivers.setLayoutData(listData);
        drivers.setItems("Driver A", "Driver B");
        drivers.setToolTipText("Who drives, in order; the rotation below picks from this list");
        drivers.addListener(SWT.Selection, e -> buttons());
        Composite edit = new Composite(g, SWT.NONE);
        GridLayout editLayout = new GridLayout(2, false);
        editLayout.verticalSpacing = 3;
        editLayout.marginWidth = 0;
        editLayout.marginHeight = 0;
        edit.setLayout(editLayout);
        edit.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        name = new Text(edit, SWT.BORDER);
        name.setMessage("Name");
        name.setToolTipText("A driver's name; Enter or Add puts them at the end of the list");
        GridData nameData = new GridData(SWT.FILL, SWT.CENTER, true, false);
        nameData.widthHint = 90;
        name.setLayoutData(nameData);
        name.addListener(SWT.Modify, e -> buttons());
        name.addListener(SWT.DefaultSelection, e -> addDriver());
        add = new Button(edit, SWT.PUSH);
        add.setText("Add");
        add.addListener(SWT.Selection, e -> addDriver());
        remove = new Button(edit, SWT.PUSH);
        remove.setText("Remove selected");
        remove.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, 2, 1));
        remove.addListener(SWT.Selection, e -> removeDriver());

        Label rotationCaption = new Label(g, SWT.NONE);
        rotationCaption.setText("Rotation");
        rotation = new Combo(g, SWT.READ_ONLY);
        rotation.setItems("Fair share", "In order");
        rotation.select(0);
        rotation.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, false, false, 2, 1));
        rotation.setToolTipText("Fair share: the driver with the least time on track takes the next stint."
                + " In order: down the list, each staying in for up to the stints in a row");
        rotation.addListener(SWT.Selection, e -> changed.run());
        Composite row = new Composite(g, SWT.NONE);
        GridLayout rowLayout = new GridLayout(2, false);
        rowLayout.marginWidth = 0;
        rowLayout.marginHeight = 0;
        row.setLayout(rowLayout);
        inARow = new Spinner(row, SWT.BORDER);
        inARow.setValues(1, 1, 20, 0, 1, 5);
        inARow.setToolTipText("In order: most stints one driver drives in a row before handing over");
        inARow.addListener(SWT.Modify, e -> changed.run());
        new Label(row, SWT.NONE).setText("stints in a row");

        maxStint = new FigureField(g, styling, "Max stint", "min", "", "Longest time one driver stays in the car"
                + " in one go, in minutes; empty for no limit", StintBox::maxStint, changed);
        maxStint.text().setMessage("no limit");
        pitLoss = new FigureField(g, styling, "Pit loss", "s", "60", "Seconds a stop costs against staying out"
                + " (pit lane and stop)", StrategyFigures::notNegative, changed);
        refuelRate = new FigureField(g, styling, "Refuel rate", "L/s", "0", "Litres per second at a stop, adding"
                + " the refuelling time to the pit loss; 0 when the pit loss already includes it",
                StrategyFigures::notNegative, changed);

        summary = new Label(g, SWT.WRAP);
        GridData summaryData = new GridData(SWT.FILL, SWT.TOP, true, false, 4, 1);
        summaryData.widthHint = 300;
        summary.setLayoutData(summaryData);
        table = new Table(g, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setToolTipText("The stints: laps from-to, fuel at the start (added at the stop before) and the"
                + " race clock when each stint starts");
        for (int i = 0; i < COLUMNS.length; i++) {
            TableColumn c = new TableColumn(table, i == 1 ? SWT.LEFT : SWT.RIGHT);
            c.setText(COLUMNS[i]);
            c.setWidth(WIDTHS[i]);
        }
        GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1);
        tableData.heightHint = table.getItemHeight() * 6 + table.getHeaderHeight();
        table.setLayoutData(tableData);
        buttons();
    }

    private static Parsed maxStint(String text) {
        if (text.isBlank()) {
            return Parsed.of(Double.POSITIVE_INFINITY);
        }
        Parsed p = StrategyFigures.positive(text);
        return p.ok() ? Parsed.of(p.value() * 60) : p;
    }

    private void buttons() {
        String n = name.getText().strip();
        boolean taken = Arrays.asList(drivers.getItems()).contains(n);
        add.setEnabled(!n.isEmpty() && !taken);
        add.setToolTipText(n.isEmpty() ? "Type a name first" : taken ? n + " is on the list already"
                : "Add " + n + " to the drivers");
        remove.setEnabled(drivers.getSelectionIndex() >= 0);
        remove.setToolTipText(drivers.getSelectionIndex() < 0 ? "Select a driver in the list first"
                : "Take " + drivers.getItem(drivers.getSelectionIndex()) + " off the list");
        inARow.setEnabled(rotation.getSelectionIndex() == 1);
    }

    void addDriver() {
        String n = name.getText().strip();
        if (n.isEmpty() || Arrays.asList(drivers.getItems()).contains(n)) {
            return;
        }
        drivers.add(n);
        name.setText("");
        buttons();
        changed.run();
    }

    void removeDriver() {
        int i = drivers.getSelectionIndex();
        if (i >= 0) {
            drivers.remove(i);
            buttons();
            changed.run();
        }
    }

    /**
     * Plans the race for the car's figures, or says why not: {@code carProblem} when the figures above are wrong.
     */
    void plan(RaceLength race, double lapTime, double perLap, double tank, double margin, String carProblem) {
        buttons();
        StintPlan plan = null;
        double max = maxStint.read();
        double loss = pitLoss.read();
        double rate = refuelRate.read();
        table.removeAll();
        String problem = carProblem;
        if (problem == null && drivers.getItemCount() == 0) {
            problem = "Add at least one driver.";
        } else if (problem == null && !(max > 0 && loss >= 0 && rate >= 0)) {
            problem = "Correct the figures marked in red.";
        }
        if (problem == null) {
            try {
                List<Driver> list = new ArrayList<>();
                for (String d : drivers.getItems()) {
                    list.add(Driver.of(d).withMaxStint(max));
                }
                Rotation r = rotation.getSelectionIndex() == 1 ? Rotation.inOrder(inARow.getSelection())
                        : Rotation.fairShare();
                CarSpec spec = new CarSpec(lapTime, perLap, tank, Double.NaN, margin, loss, rate);
                plan = new StintPlanner(race, spec, list, r).plan();
            } catch (IllegalArgumentException e) {
                problem = "No plan: " + e.getMessage();
            }
        }
        if (plan == null) {
            summary.setText(problem);
            styling.setClassname(summary, "status-bad");
            return;
        }
        for (Stint s : plan.stints()) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(new String[] {Integer.toString(s.number()), s.driver(),
                    s.firstLap() + "–" + s.lastLap() + " (" + s.laps() + ")", StrategyFigures.fuel(s),
                    FuelText.clock(s.startTime())});
        }
        summary.setText(StrategyFigures.summary(plan));
        styling.setClassname(summary, plan.warnings().isEmpty() ? "hint" : "status-bad");
    }

    Table table() {
        return table;
    }

    Label summary() {
        return summary;
    }

    org.eclipse.swt.widgets.List drivers() {
        return drivers;
    }

    Text name() {
        return name;
    }

    Combo rotation() {
        return rotation;
    }

    Spinner inARow() {
        return inARow;
    }

    FigureField pitLoss() {
        return pitLoss;
    }

    FigureField maxStint() {
        return maxStint;
    }
}
