package org.pitbox.ui.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.pitbox.ui.tests.UiWait.await;
import static org.pitbox.ui.tests.UiWait.folderOf;
import static org.pitbox.ui.tests.UiWait.settle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.e4.ui.internal.workbench.E4Workbench;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.junit.jupiter.api.Test;
import org.pitbox.app.voice.DriverListening;
import org.pitbox.demo.Screenshots;
import org.pitbox.ui.tests.TestScreenshots;
import org.pitbox.ui.tests.TestWorkbench;
import org.pitbox.voice.capture.Microphone;
import org.pitbox.voice.engine.Audio;
import org.pitbox.voice.eval.Espeak;
import org.pitbox.voice.eval.Noise;

/**
 * The Driver perspective's Voice tab in the real workbench: off at first, "Turn on" on a machine without a
 * microphone says so, then push-to-talk without one (as the demo runs it) hears a spoken question and shows it.
 */
class VoicePartTest {
    private final List<Throwable> failures = new ArrayList<>();

    @Test
    void turningOnWithoutAMicrophoneSaysSoAndARecordingIsHeard() throws Exception {
        String why = Espeak.unavailable();
        assumeTrue(why == null, "skipped: " + why);
        Path wav = Files.createTempFile("pitbox-question", ".wav");
        try {
            Audio.writeWav(Noise.pad(new Espeak("en-us", 165).say("what is my fuel level"), 0.2), wav);
            TestWorkbench.run((display, app, workbench) -> exercise(display, app, workbench, wav));
        } finally {
            Files.deleteIfExists(wav);
        }
        for (Throwable t : failures) {
            throw new AssertionError("voice part check failed: " + t, t);
        }
    }

    private void exercise(Display display, MApplication app, E4Workbench workbench, Path wav) {
        DriverListening listening = app.getContext().get(DriverListening.class);
        try {
            EPartService parts = TestWorkbench.perspective(app, "org.pitbox.ui.perspective.driver", 1280, 720);
            MPart part = parts.showPart("org.pitbox.ui.part.voice", EPartService.PartState.ACTIVATE);
            VoicePart v = (VoicePart) part.getObject();
            assertNotNull(v, "the Voice part was not created");
            settle(display, 300);
            assertEquals("Push-to-talk is off", v.status.getText());
            assertFalse(v.test.getEnabled(), "nothing to test while off");
            assertTrue(v.help.getText().contains("box this lap"), "the help lists the commands");

            if (Microphone.names().isEmpty()) {
                v.onOff.notifyListeners(SWT.Selection, new Event());
                await(display, () -> v.status.getText().contains("No microphone found"), 30, "no microphone said");
                assertEquals("Turn on", v.onOff.getText());
            }

            listening.startWithoutMicrophone();
            await(display, () -> v.test.getEnabled(), 30, "push-to-talk on");
            assertTrue(v.status.getText().startsWith("Listening with Sphinx4 (built in) through No microphone"),
                    v.status.getText());
            listening.hear(wav);
            await(display, () -> v.heard.getText().startsWith("Heard"), 30, "the question heard");
            assertEquals("Heard \"what is my fuel level\": fuel level", v.heard.getText());
            settle(display, 200);
            Screenshots.save(folderOf(part), TestScreenshots.file("voice.png"));
        } catch (Throwable t) {
            failures.add(t);
        } finally {
            listening.stop();
            workbench.close();
        }
    }
}
