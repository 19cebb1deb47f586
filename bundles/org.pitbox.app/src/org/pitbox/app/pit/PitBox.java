package org.pitbox.app.pit;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.pitbox.app.pit.PitControl.Corner;
import org.pitbox.core.live.CachedText;
import org.pitbox.core.live.OverlayModel;
import org.pitbox.protocol.live.LiveControl;

/**
 * What the PIT box does: the fuel to add (the model's, margin included, rounded up, until the driver steps it), the
 * requests sent through a {@link PitControl}, and the last answer, shown for a few seconds. An engineer's plan
 * ({@link #plan}) sets the amount and the tyres and waits, shown, until the driver sends it with Fuel.
 */
public final class PitBox {
    public static final String HINT = "Buttons work when the overlay is locked (Ctrl+Shift+L). Keys: Ctrl+Shift+F fuel, "
            + "Ctrl+Shift+T tyres, Ctrl+Shift+R tear-off.";
    public static final long SHOW_MILLIS = 5000;
    private static final int MAX_LITRES = 999;
    private static final Set<Corner> ALL = Set.copyOf(EnumSet.allOf(Corner.class));

    /** How the status line reads: a hint, a reason requests are off, a sent request, a failure. */
    public enum Tone { HINT, UNAVAILABLE, SENT, FAILED, PLAN }

    /** An engineer's pit stop waiting for the driver: litres (null: the box's own amount), tyres, fast repair. */
    private record Plan(Integer litres, Set<Corner> tyres, boolean fastRepair, String from) {
        String what() {
            StringBuilder b = new StringBuilder();
            if (litres != null) {
                b.append("add ").append(litres).append(" L");
            }
            if (!tyres.isEmpty()) {
                b.append(b.isEmpty() ? "" : ", ").append(tyres.size() == 4 ? "four tyres" : "tyres " + tyres.stream()
                        .map(Corner::name).collect(Collectors.joining(" ")));
            }
            if (fastRepair) {
                b.append(b.isEmpty() ? "" : ", ").append("fast repair");
            }
            return b.isEmpty() ? "no changes" : b.toString();
        }
    }

    private final PitControl control;
    private final CachedText amount = new CachedText();
    private int pinned = -1;
    private String answer;
    private Tone answerTone;
    private long answerUntil;
    private Plan plan;

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

    /**
     * The status line: the last answer for a few seconds, else the engineer's waiting plan, else why requests are
     * off, else the hint.
     */
    public String status() {
        if (answer != null) {
            return answer;
        }
        Plan p = plan;
        if (p != null) {
            return p.from + "'s plan: " + p.what() + ". Fuel (Ctrl+Shift+F) sends it";
        }
        String reason = reason();
        return reason != null ? reason : HINT;
    }

    public Tone tone() {
        return answer != null ? answerTone : plan != null ? Tone.PLAN : enabled() ? Tone.HINT : Tone.UNAVAILABLE;
    }

    /**
     * An engineer's pit stop from the team ({@code from} names them): its fuel becomes the amount, and it waits until
     * the driver sends it with Fuel (fuel, tyres and fast repair at once) or clears it. A later plan replaces it.
     */
    public void plan(LiveControl.PitPlan p, String from) {
        Double fuel = p.fuelLiters();
        Integer litres = fuel == null || !(fuel >= 0) ? null : (int) Math.min(MAX_LITRES, Math.ceil(fuel));
        Set<Corner> tyres = EnumSet.noneOf(Corner.class);
        if (p.tyres() != null) {
            for (String t : p.tyres()) {
                try {
                    tyres.add(Corner.valueOf(t.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    // not a tyre: the server lets none through
                }
            }
        }
        if (litres != null) {
            pinned = litres;
        }
        plan = new Plan(litres, Collections.unmodifiableSet(tyres), p.fastRepair(), from == null ? "The engineer"
                : from); // in LF, RF, LR, RR order
    }

    /** Whether the waiting plan has this button's request (a tyre, all four, fast repair). */
    public boolean planned(PitRequest b) {
        Plan p = plan;
        if (p == null) {
            return false;
        }
        return switch (b) {
            case LF, RF, LR, RR -> p.tyres.contains(Corner.valueOf(b.name()));
            case ALL -> p.tyres.size() == 4;
            case FAST_REPAIR -> p.fastRepair;
            case FUEL -> true;
            default -> false;
        };
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
                    Plan p = plan;
                    if (p == null) {
                        show("Sent: add " + litres + " L of fuel", Tone.SENT, now);
                    } else {
                        if (!p.tyres.isEmpty()) {
                            control.tyres(p.tyres);
                        }
                        if (p.fastRepair) {
                            control.fastRepair();
                        }
                        plan = null;
                        show("Sent " + p.from + "'s plan: " + new Plan(litres, p.tyres, p.fastRepair, p.from).what(),
                                Tone.SENT, now);
                    }
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
                    plan = null;
                    show("Sent: clear all pit requests", Tone.SENT, now);
                }
            }
        } catch (RuntimeException | LinkageError e) {
            show("Not sent: " + (e.getMessage() == null ? e.toString() : e.getMessage()), Tone.FAILED, now);
        }
    }

    /** Shows a sentence from elsewhere (a rating sent, or not) as an answer for a few seconds. */
    public void note(String text, boolean ok, long now) {
        show(text, ok ? Tone.SENT : Tone.FAILED, now);
    }

    private void show(String text, Tone tone, long now) {
        answer = text;
        answerTone = tone;
        answerUntil = now + SHOW_MILLIS;
    }
}
