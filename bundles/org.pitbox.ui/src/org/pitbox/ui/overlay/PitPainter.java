package org.pitbox.ui.overlay;

import java.util.Objects;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.pitbox.app.pit.PitBox;
import org.pitbox.core.live.OverlayModel;

/** Paints the PIT box: its buttons (greyed while requests cannot be sent), the fuel amount and the status lines. */
final class PitPainter {
    private static final PitButton[] BUTTONS = PitButton.values();

    private final Palette p;
    private final Label caption;
    private final Label tyres;
    private final Label amount;
    private final Label status;
    private final Label[] buttons = new Label[BUTTONS.length];
    private boolean shownEnabled;
    private PitBox.Tone shownTone;
    private String shownPlan;

    PitPainter(Display display, Palette palette) {
        p = palette;
        caption = new Label(display, p.small, -1);
        tyres = new Label(display, p.small, -1);
        amount = new Label(display, p.medium, -1);
        status = new Label(display, p.small, OverlayWidget.PIT.width - 20);
        for (int i = 0; i < buttons.length; i++) {
            buttons[i] = new Label(display, p.bold, -1);
        }
    }

    /** Whether the box would look different if painted now. */
    boolean changed(OverlayModel m, PitBox pit) {
        return amount.differs(pit.amountText(m)) || status.differs(pit.status()) || pit.tone() != shownTone
                || pit.enabled() != shownEnabled || !Objects.equals(planned(pit), shownPlan);
    }

    void paint(GC gc, Rectangle r, OverlayModel m, PitBox pit) {
        boolean on = pit.enabled();
        caption.draw(gc, "Pit stop", p.dim, r.x + 10, r.y + 6);
        tyres.draw(gc, "Tyres", p.dim, r.x + 10, r.y + 62);
        for (PitButton b : BUTTONS) {
            gc.setBackground(!on ? p.buttonOff : pit.planned(b.request()) ? p.blue : p.button);
            Palette.roundBox(gc, r.x + b.x, r.y + b.y, b.width, b.height);
            Label l = buttons[b.ordinal()];
            l.center(gc, b.label, on ? p.text : p.textOff, r.x + b.x, r.y + b.y + (b.height - l.height(b.label)) / 2,
                    b.width);
        }
        int amountX = PitButton.LESS.x + PitButton.LESS.width;
        String litres = pit.amountText(m);
        amount.center(gc, litres, on ? p.text : p.textOff, r.x + amountX, r.y + PitButton.LESS.y + 4,
                PitButton.MORE.x - amountX);
        PitBox.Tone tone = pit.tone();
        Color c = switch (tone) {
            case HINT -> p.dim;
            case UNAVAILABLE -> p.yellow;
            case SENT -> p.green;
            case FAILED -> p.red;
            case PLAN -> p.blue;
        };
        status.draw(gc, pit.status(), c, r.x + 10, r.y + PitButton.STATUS_Y);
        shownTone = tone;
        shownEnabled = on;
        shownPlan = planned(pit);
    }

    /** The status of a waiting plan (one per plan), or null: a new plan repaints the highlighted buttons. */
    private static String planned(PitBox pit) {
        return pit.tone() == PitBox.Tone.PLAN ? pit.status() : null;
    }

    void dispose() {
        caption.dispose();
        tyres.dispose();
        amount.dispose();
        status.dispose();
        for (Label l : buttons) {
            l.dispose();
        }
    }
}
