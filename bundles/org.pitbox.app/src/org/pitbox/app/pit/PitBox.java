package org.pitbox.app.pit;

import java.util.EnumSet;
import java.util.Set;
import org.pitbox.app.pit.PitControl.Corner;
import org.pitbox.core.live.CachedText;
import org.pitbox.core.live.OverlayModel;

/**
 * What the PIT box does: the fuel to add (the model's, margin included, rounded up, until the driver steps it), the
 * requests sent through a {@link PitControl}, and the last answer, shown for a few seconds.
 */
public final class PitBox {
    public static final String HINT = "Buttons work when the overlay is locked (Ctrl+Shift+L). Keys: Ctrl+Shift+F fuel, "
            + "Ctrl+Shift+T tyres, Ctrl+Shift+R tear-off.";
    public static final long SHOW_MILLIS = 5000;
    private static final int MAX_LITRES = 999;
    private static final Set<Corner> ALL = Set.copyOf(EnumSet.allOf(Corner.class));

    /** How the status line reads: a hint, a reason requests are off, a sent request, a failure. */
    public enum Tone { HINT, UNAVAILABLE, SENT, FAILED }

    private final PitControl control;
    private final CachedText amount = new CachedText();
    private int pinned = -1;
    private String answer;
    private Tone answerTone;
    private long answerUntil;

    public PitBox(PitControl control) {
        this.control = control;
    }

    public boolean enabled() {
        return control.unavailableReason().isEmpty();
    }

    /** Why requests cannot be sent, or null. */
    public String reason() {
        return control.unavailableReason().orElse(null);
    }

    /** Litres the Fuel button adds. */
    public int litres(OverlayModel m) {
        if (pinned >= 0) {
            return pinned;
        }
        double toAdd = m.fuelToAdd();
        return toAdd > 0 && toAdd < MAX_LITRES ? (int) Math.ceil(toAdd) : 0;
    }

    /** "23 L", built again only when the amount changes. */
    public String amountText(OverlayModel m) {
        int litres = litres(m);
        String s = amount.lookup(litres);
        if (s != null) {
            return s;
        }
        amount.start(litres).append(litres).append(" L");
        return amount.finish();
    }

    /** The status line: the last answer for a few seconds, else why requests are off, else the hint. */
    public String status() {
        if (answer != null) {
            return answer;
        }
        String reason = reason();
        return reason != null ? reason : HINT;
    }

    public Tone tone() {
        return answer != null ? answerTone : enabled() ? Tone.HINT : Tone.UNAVAILABLE;
    }

    /** Drops an answer shown long enough. */
    public void tick(long now) {
        if (answer != null && now >= answerUntil) {
            answer = null;
        }
    }

    /** Does what request {@code b} says; a press while requests are off only repeats the reason. */
    public void press(PitRequest b, OverlayModel m, long now) {
        String reason = reason();
        if (reason != null) {
            show(reason, Tone.UNAVAILABLE, now);
            return;
        }
        try {
            switch (b) {
                case LESS -> pinned = Math.max(0, litres(m) - 1);
                case MORE -> pinned = Math.min(MAX_LITRES, litres(m) + 1);
                case FUEL -> {
                    int litres = litres(m);
                    control.fuel(litres);
                    show("Sent: add " + litres + " L of fuel", Tone.SENT, now);
                }
                case ALL -> {
                    control.tyres(ALL);
                    show("Sent: change all four tyres", Tone.SENT, now);
                }
                case LF, RF, LR, RR -> {
                    control.tyres(Set.of(Corner.valueOf(b.name())));
                    show("Sent: change the " + b.name() + " tyre", Tone.SENT, now);
                }
                case TEAR_OFF -> {
                    control.tearOff();
                    show("Sent: tear-off", Tone.SENT, now);
                }
                case FAST_REPAIR -> {
                    control.fastRepair();
                    show("Sent: fast repair", Tone.SENT, now);
                }
                case CLEAR -> {
                    control.clear();
                    pinned = -1;
                    show("Sent: clear all pit requests", Tone.SENT, now);
                }
            }
        } catch (RuntimeException | LinkageError e) {
            show("Not sent: " + (e.getMessage() == null ? e.toString() : e.getMessage()), Tone.FAILED, now);
        }
    }

    private void show(String text, Tone tone, long now) {
        answer = text;
        answerTone = tone;
        answerUntil = now + SHOW_MILLIS;
    }
}
