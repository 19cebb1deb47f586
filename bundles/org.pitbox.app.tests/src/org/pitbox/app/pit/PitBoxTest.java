package org.pitbox.app.pit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.pitbox.core.live.OverlayModel;
import org.pitbox.protocol.live.LiveControl;

/** The PIT box's state machine: the fuel it adds, what it sends, what its status line says and for how long. */
class PitBoxTest {
    private final List<String> sent = new ArrayList<>();
    private Optional<String> unavailable = Optional.empty();
    private boolean failing;
    private final OverlayModel model = new OverlayModel();

    private final PitControl control = new PitControl() {
        @Override
        public Optional<String> unavailableReason() {
            return unavailable;
        }

        @Override
        public void fuel(int litres) {
            send("fuel " + litres);
        }

        @Override
        public void tyres(Set<Corner> corners) {
            send("tyres " + new TreeSet<>(corners));
        }

        @Override
        public void tearOff() {
            send("tear-off");
        }

        @Override
        public void fastRepair() {
            send("fast repair");
        }

        @Override
        public void clear() {
            send("clear");
        }

        private void send(String request) {
            if (failing) {
                throw new IllegalStateException("the sim did not answer");
            }
            sent.add(request);
        }
    };

    @Test
    void stepsTheFuelAndSendsEachRequest() {
        PitBox pit = new PitBox(control);
        assertEquals(0, pit.litres(model), "no fuel figure yet: nothing to add");
        pit.press(PitRequest.LESS, model, 0);
        assertEquals(0, pit.litres(model), "never below 0");
        pit.press(PitRequest.MORE, model, 0);
        pit.press(PitRequest.MORE, model, 0);
        assertEquals("2 L", pit.amountText(model));
        for (PitRequest r : List.of(PitRequest.FUEL, PitRequest.LF, PitRequest.ALL, PitRequest.TEAR_OFF,
                PitRequest.FAST_REPAIR)) {
            pit.press(r, model, 0);
        }
        assertEquals(List.of("fuel 2", "tyres [LF]", "tyres [LF, RF, LR, RR]", "tear-off", "fast repair"), sent);
        assertEquals("Sent: fast repair", pit.status());
        assertEquals(PitBox.Tone.SENT, pit.tone());
        pit.press(PitRequest.CLEAR, model, 0);
        assertEquals("clear", sent.get(sent.size() - 1));
        assertEquals(0, pit.litres(model), "clearing forgets the stepped amount");
    }

    @Test
    void anAnswerShowsForAFewSecondsThenTheHint() {
        PitBox pit = new PitBox(control);
        assertEquals(PitBox.HINT, pit.status());
        assertEquals(PitBox.Tone.HINT, pit.tone());
        pit.press(PitRequest.LF, model, 1000);
        assertEquals("Sent: change the LF tyre", pit.status());
        pit.tick(1000 + PitBox.SHOW_MILLIS - 1);
        assertEquals("Sent: change the LF tyre", pit.status(), "still shown");
        pit.tick(1000 + PitBox.SHOW_MILLIS);
        assertEquals(PitBox.HINT, pit.status(), "gone after its time");
    }

    @Test
    void whileRequestsAreOffAPressRepeatsWhyAndSendsNothing() {
        unavailable = Optional.of("Pit commands go to iRacing, which runs on Windows only");
        PitBox pit = new PitBox(control);
        assertEquals(unavailable.get(), pit.status());
        assertEquals(PitBox.Tone.UNAVAILABLE, pit.tone());
        pit.press(PitRequest.FUEL, model, 0);
        pit.press(PitRequest.MORE, model, 0);
        assertTrue(sent.isEmpty());
        assertEquals(0, pit.litres(model), "not even the amount steps");
        assertEquals(unavailable.get(), pit.reason());
    }

    @Test
    void aFailedRequestSaysWhy() {
        failing = true;
        PitBox pit = new PitBox(control);
        pit.press(PitRequest.TEAR_OFF, model, 0);
        assertEquals("Not sent: the sim did not answer", pit.status());
        assertEquals(PitBox.Tone.FAILED, pit.tone());
    }

    @Test
    void theEngineersPlanFillsTheBoxAndGoesWhenTheDriverSendsFuel() {
        PitBox pit = new PitBox(control);
        pit.plan(new LiveControl.PitPlan(31.2, List.of("lf", "rr"), true, "card-1"), "Eli");
        assertEquals(32, pit.litres(model), "the plan's fuel, rounded up");
        assertEquals("32 L", pit.amountText(model));
        assertEquals("Eli's plan: add 32 L, tyres LF RR, fast repair. Fuel (Ctrl+Shift+F) sends it", pit.status());
        assertEquals(PitBox.Tone.PLAN, pit.tone());
        assertTrue(pit.planned(PitRequest.LF) && pit.planned(PitRequest.RR) && pit.planned(PitRequest.FAST_REPAIR));
        assertFalse(pit.planned(PitRequest.RF) || pit.planned(PitRequest.ALL));
        assertTrue(sent.isEmpty(), "nothing goes to the sim before the driver confirms");

        pit.press(PitRequest.MORE, model, 0);
        pit.press(PitRequest.FUEL, model, 0);
        assertEquals(List.of("fuel 33", "tyres [LF, RR]", "fast repair"), sent, "the driver's step counts");
        assertEquals("Sent Eli's plan: add 33 L, tyres LF RR, fast repair", pit.status());
        pit.tick(PitBox.SHOW_MILLIS);
        assertEquals(PitBox.HINT, pit.status(), "the plan is done");
        assertFalse(pit.planned(PitRequest.LF));
    }

    @Test
    void aPlanWithoutFuelKeepsTheAmountAndClearDropsIt() {
        PitBox pit = new PitBox(control);
        pit.press(PitRequest.MORE, model, 0);
        pit.plan(new LiveControl.PitPlan(null, List.of("lf", "rf", "lr", "rr"), false, null), null);
        assertEquals(1, pit.litres(model));
        assertEquals("The engineer's plan: four tyres. Fuel (Ctrl+Shift+F) sends it", pit.status());
        assertTrue(pit.planned(PitRequest.ALL));
        pit.press(PitRequest.CLEAR, model, 0);
        pit.tick(PitBox.SHOW_MILLIS);
        assertEquals(PitBox.HINT, pit.status());
        assertEquals(List.of("clear"), sent);
    }
}
