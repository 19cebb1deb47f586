package org.pitbox.ui.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.pitbox.app.voice.DriverListening;
import org.pitbox.voice.command.CommandMatcher.Match;
import org.pitbox.voice.command.CommandTable;
import org.pitbox.voice.engine.Enrolment;
import org.pitbox.voice.engine.SphinxEngine;
import org.pitbox.voice.engine.VoiceProfile;

/**
 * "Teach PitBox your voice" (Sphinx4): with push-to-talk on, the driver reads the {@link Enrolment} phrases shown,
 * one hold each (they only ask, so the answers are all that happens), then a few remarks that are no command
 * ({@link Enrolment#REMARKS}, which set how readily PitBox takes this voice for a command); PitBox then learns the
 * voice off the UI thread, saves it under {@code ~/.pitbox/voice} and restarts listening, whose Sphinx4 loads it.
 * "Forget" deletes it.
 */
final class TeachBox {
    private final DriverListening listening;
    private final UISynchronize ui;
    private final Runnable relayout;
    private final List<String> phrases;
    private final List<String> remarks = Enrolment.REMARKS;
    private final List<short[]> readings = new ArrayList<>();
    final Label status;
    final Label prompt;
    final Button teach;
    private final Button cancel;
    final Button forget;
    private boolean reading;
    private final DriverListening.Listener listener = new DriverListening.Listener() {
        @Override
        public void heard(String words, Match match, short[] audio) {
            ui.asyncExec(() -> read(audio));
        }
    };

    TeachBox(Composite g, DriverListening listening, UISynchronize ui, Runnable relayout) {
        this.listening = listening;
        this.ui = ui;
        this.relayout = relayout;
        phrases = Enrolment.phrases(listening.commands());
        status = wide(g);
        prompt = wide(g);
        teach = button(g, "Teach PitBox your voice...", e -> start());
        teach.setToolTipText("Read " + phrases.size() + " short questions and " + remarks.size() + " remarks that"
                + " are no command once each, holding your push-to-talk button; Sphinx4 adapts to your voice and"
                + " learns how readily to take it for a command (saved in " + VoiceProfile.defaultFile() + ")");
        cancel = button(g, "Cancel", e -> stop("Cancelled: nothing was learned"));
        cancel.setEnabled(false);
        forget = button(g, "Forget my voice", e -> forget());
        listening.addListener(listener);
        showSaved(null);
    }

    private static Label wide(Composite g) {
        Label l = new Label(g, SWT.WRAP);
        GridData d = new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1);
        d.widthHint = 300;
        l.setLayoutData(d);
        return l;
    }

    private static Button button(Composite g, String text, org.eclipse.swt.widgets.Listener action) {
        Button b = new Button(g, SWT.PUSH);
        b.setText(text);
        b.addListener(SWT.Selection, action);
        return b;
    }

    private void showSaved(String message) {
        boolean saved = Files.isRegularFile(VoiceProfile.defaultFile());
        status.setText(message != null ? message
                : saved ? "Sphinx4 uses the voice you taught it." : "Sphinx4 uses its model as shipped.");
        forget.setEnabled(saved && !reading);
        prompt.setText("");
        relayout.run();
    }

    private void start() {
        if (!listening.state().on()) {
            showSaved("Turn push-to-talk on first, then teach PitBox your voice.");
            return;
        }
        readings.clear();
        reading = true;
        teach.setEnabled(false);
        cancel.setEnabled(true);
        forget.setEnabled(false);
        status.setText("Hold your push-to-talk button for each phrase, as you would in the car.");
        showPrompt();
    }

    private int total() {
        return phrases.size() + remarks.size();
    }

    private void showPrompt() {
        int at = readings.size();
        String what = at < phrases.size() ? "Say: " + CommandTable.written(phrases.get(at))
                : "Say this remark, which is no command (PitBox learns to leave such talk alone): "
                        + CommandTable.written(remarks.get(at - phrases.size()));
        prompt.setText(what + "   (" + (at + 1) + " of " + total() + ")");
        relayout.run();
    }

    /** One hold's audio while reading: the next phrase, or the learning once all are read. */
    private void read(short[] audio) {
        if (!reading || status.isDisposed()) {
            return;
        }
        readings.add(audio);
        if (readings.size() < total()) {
            showPrompt();
            return;
        }
        reading = false;
        cancel.setEnabled(false);
        status.setText("Learning your voice...");
        prompt.setText("");
        relayout.run();
        List<short[]> heard = List.copyOf(readings);
        Thread t = new Thread(() -> learn(heard), "pitbox-voice-teach");
        t.setDaemon(true);
        t.start();
    }

    private void learn(List<short[]> heard) {
        String message;
        try (SphinxEngine engine = new SphinxEngine(listening.commands())) {
            VoiceProfile p = Enrolment.teach(engine, heard.subList(0, phrases.size()), phrases,
                    heard.subList(phrases.size(), heard.size()), VoiceProfile.defaultFile());
            message = "Learned from " + p.phrases().size() + " of " + phrases.size()
                    + " phrases (the others were heard as something else) and " + p.remarks().size()
                    + " remarks; Sphinx4 uses your voice from now on" + (p.marginShift() < 0
                            ? " and takes it for a command more readily."
                            : p.marginShift() > 0 ? " and is stricter about what it takes for a command." : ".");
            RecogniserBox.restartIfOn(listening);
        } catch (IOException | RuntimeException e) {
            message = "Not learned: " + e.getMessage();
        }
        String m = message;
        ui.asyncExec(() -> stop(m));
    }

    private void stop(String message) {
        if (status.isDisposed()) {
            return;
        }
        reading = false;
        teach.setEnabled(true);
        cancel.setEnabled(false);
        showSaved(message);
    }

    private void forget() {
        try {
            Enrolment.forget(VoiceProfile.defaultFile());
            RecogniserBox.restartIfOn(listening);
            showSaved("Forgotten: Sphinx4 uses its model as shipped.");
        } catch (IOException e) {
            showSaved("Could not forget it: " + e.getMessage());
        }
    }

    void dispose() {
        listening.removeListener(listener);
    }
}
