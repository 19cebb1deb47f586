package org.pitbox.ui.engineer.strategy;

import java.util.function.Function;
import org.eclipse.e4.ui.services.IStylingEngine;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.pitbox.app.strategy.StrategyFigures.Parsed;

/**
 * One typed figure of the Strategy part in a four-column grid: caption, text, unit and, next to it, what is
 * wrong with it in red. A field can be filled from the live car: then it is read-only until the live value goes.
 */
final class FigureField {
    private final IStylingEngine styling;
    private final Function<String, Parsed> parser;
    private final String tooltip;
    private final Label caption;
    private final Text text;
    private final Label unit;
    private final Label error;
    private String typed;
    private boolean live;

    FigureField(Composite grid, IStylingEngine styling, String caption, String unit, String value, String tooltip,
            Function<String, Parsed> parser, Runnable changed) {
        this.styling = styling;
        this.parser = parser;
        this.tooltip = tooltip;
        this.caption = new Label(grid, SWT.NONE);
        this.caption.setText(caption);
        this.caption.setToolTipText(tooltip);
        text = new Text(grid, SWT.BORDER | SWT.RIGHT);
        GridData data = new GridData(SWT.FILL, SWT.CENTER, false, false);
        data.widthHint = 72;
        text.setLayoutData(data);
        text.setText(value);
        text.setToolTipText(tooltip);
        text.addListener(SWT.Modify, e -> changed.run());
        this.unit = new Label(grid, SWT.NONE);
        this.unit.setText(unit);
        error = new Label(grid, SWT.NONE);
        error.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        styling.setClassname(error, "status-bad");
    }

    /** The value, showing what is wrong next to the field (NaN then). */
    double read() {
        Parsed p = parser.apply(text.getText());
        error.setText(p.ok() ? "" : p.error());
        error.setToolTipText(p.ok() ? null : caption.getText() + ": " + p.error());
        return p.value();
    }

    /** Shows the live car's figure read-only; null gives the field back to the engineer with what they typed. */
    void live(String value) {
        if (value != null) {
            if (!live) {
                typed = text.getText();
                live = true;
                text.setEditable(false);
                text.setToolTipText(tooltip + ". Now from the live car; press Stop in Team Live to type your own.");
                styling.setClassname(text, "status-ok");
            }
            set(value);
        } else if (live) {
            live = false;
            set(typed);
            text.setEditable(true);
            text.setToolTipText(tooltip);
            styling.setClassname(text, null);
        }
    }

    private void set(String value) {
        if (!value.equals(text.getText())) {
            text.setText(value);
        }
    }

    void setUnit(String unit) {
        this.unit.setText(unit);
    }

    /** Shows or hides the whole row. */
    void show(boolean visible) {
        for (var c : new org.eclipse.swt.widgets.Control[] {caption, text, unit, error}) {
            c.setVisible(visible);
            Object d = c.getLayoutData();
            GridData g = d instanceof GridData gd ? gd : new GridData();
            g.exclude = !visible;
            c.setLayoutData(g);
        }
    }

    Text text() {
        return text;
    }

    Label error() {
        return error;
    }
}
