package org.pitbox.ui.overlay;

import java.util.ArrayList;
import java.util.List;
import org.pitbox.core.live.RelativeBox;

/**
 * A rectangle of a widget that is redrawn on its own when what it shows changes: one figure, one row of the
 * relative box, or a whole widget whose content moves together. Placed from the widget's top left corner, inside
 * its rounded panel and clear of its captions, which only a full paint draws.
 */
record Cell(Kind kind, int index, OverlayWidget widget, int x, int y, int width, int height) {
    enum Kind { DELTA, LAP, LIGHTS, GEAR, SPEED, RPM, FUEL, INPUTS, ROW, RADIO, PIT }

    /** How far a whole-widget cell keeps from the panel's edge, clear of its rounded corners. */
    static final int INSET = 3;
    /** Every cell, in paint order. */
    static final Cell[] ALL = all();

    private static Cell[] all() {
        List<Cell> cells = new ArrayList<>();
        cells.add(whole(Kind.DELTA, OverlayWidget.DELTA));
        for (int i = 0; i < 3; i++) {
            cells.add(new Cell(Kind.LAP, i, OverlayWidget.LAPS, 6 + 124 * i, 22, 120, 39));
        }
        cells.add(new Cell(Kind.LIGHTS, 0, OverlayWidget.ENGINE, INSET, INSET, 230, 29));
        cells.add(new Cell(Kind.GEAR, 0, OverlayWidget.ENGINE, INSET, 32, 92, 93));
        cells.add(new Cell(Kind.SPEED, 0, OverlayWidget.ENGINE, 96, 48, 137, 28));
        cells.add(new Cell(Kind.RPM, 0, OverlayWidget.ENGINE, 96, 94, 137, 28));
        for (int i = 0; i < 6; i++) {
            cells.add(new Cell(Kind.FUEL, i, OverlayWidget.FUEL, i % 2 == 0 ? 6 : 106, 18 + 40 * (i / 2), 100, 26));
        }
        cells.add(whole(Kind.INPUTS, OverlayWidget.INPUTS));
        for (int i = 0; i < RelativeBox.ROWS; i++) {
            cells.add(new Cell(Kind.ROW, i, OverlayWidget.RELATIVE, 6, 6 + 19 * i, 224, 19));
        }
        cells.add(whole(Kind.RADIO, OverlayWidget.RADIO));
        cells.add(whole(Kind.PIT, OverlayWidget.PIT));
        return cells.toArray(new Cell[0]);
    }

    /** The first cell of a kind. */
    static int indexOf(Kind kind) {
        for (int i = 0; i < ALL.length; i++) {
            if (ALL[i].kind() == kind) {
                return i;
            }
        }
        throw new IllegalArgumentException(kind.name());
    }

    private static Cell whole(Kind kind, OverlayWidget w) {
        return new Cell(kind, 0, w, INSET, INSET, w.width - 2 * INSET, w.height - 2 * INSET);
    }
}
