package org.pitbox.ui.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.pitbox.ui.tests.UiWait.await;
import static org.pitbox.ui.tests.UiWait.folderOf;
import static org.pitbox.ui.tests.UiWait.settle;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.e4.ui.internal.workbench.E4Workbench;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pitbox.app.team.TeamSession;
import org.pitbox.app.voice.DriverListening;
import org.pitbox.demo.Screenshots;
import org.pitbox.ui.tests.TestDemoServer;
import org.pitbox.ui.tests.TestScreenshots;
import org.pitbox.ui.tests.TestWorkbench;
import org.pitbox.voice.capture.Microphone;
import org.pitbox.voice.engine.Audio;
import org.pitbox.voice.engine.Enrolment;
import org.pitbox.voice.engine.Strictness;
import org.pitbox.voice.engine.VoiceProfile;
import org.pitbox.voice.eval.Espeak;
import org.pitbox.voice.eval.Noise;

/**
 * The Driver perspective's Voice tab in the real workbench: off at first, "Turn on" on a machine without a
 * microphone says so, then push-to-talk without one (as the demo runs it) hears a spoken question and shows it;
 * signed in to the demo server, a driver edits their voice profile and hears its sample.
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
            TestWorkbench.check("voice part check failed", failures,
                    (display, app, workbench) -> exercise(display, app, workbench, wav));
        } finally {
            Files.deleteIfExists(wav);
        }
    }

    @Test
    void aDriverEditsTheirVoiceProfileAndTestsIt(@TempDir Path dir) throws Exception {
        TestDemoServer server = TestDemoServer.start(dir);
        try {
            TestWorkbench.check("voice profile check failed", failures,
                    (display, app, workbench) -> editProfile(display, app, workbench, server.base()));
        } finally {
            server.stop();
        }
    }

    private void editProfile(Display display, MApplication app, E4Workbench workbench, URI base) throws Exception {
        TeamSession team = app.getContext().get(TeamSession.class);
        EPartService parts = TestWorkbench.perspective(app, "org.pitbox.ui.perspective.driver", 1280, 800);
        MPart part = parts.showPart("org.pitbox.ui.part.voice", EPartService.PartState.ACTIVATE);
        ProfileBox p = ((VoicePart) part.getObject()).profile;
        await(display, () -> p.status.getText().equals("Sign in to a team under Team first"), 30,
                "signed out said");
        assertFalse(p.save.getEnabled(), "nothing to save while signed out");

        team.signIn(base.toString(), "driver@demo.pitbox", TestDemoServer.PASSWORD).get(30, TimeUnit.SECONDS);
        click(p.reload);
        await(display, () -> p.save.getEnabled(), 30, "the profile read");
        assertEquals("Your own voice", p.whose.getText());
        assertTrue(p.status.getText().startsWith("The server's default: nothing saved yet. No voices to pick from"
                + " (the server has no ElevenLabs key"), p.status.getText());

        p.voice.setText("demo-voice");
        p.speed.setSelection(110);
        click(p.save);
        await(display, () -> p.status.getText().startsWith("Saved"), 30, "saved");
        assertEquals("Saved. Your own profile.", p.status.getText());
        p.speed.setSelection(100);
        click(p.reload);
        await(display, () -> p.speed.getSelection() == 110, 30, "the saved speed read back");
        p.own.setSelection(false);
        p.teams.setSelection(true);
        click(p.teams);
        await(display, () -> p.whose.getText().startsWith("The team's voice"), 30, "the team's profile read");
        assertTrue(p.save.getEnabled(), "the demo driver owns the team: they set its voice");
        p.teams.setSelection(false);
        p.own.setSelection(true);
        click(p.own);
        await(display, () -> p.whose.getText().equals("Your own voice") && p.save.getEnabled(), 30,
                "back to their own");

        click(p.test);
        await(display, () -> p.status.getText().startsWith("Spoken"), 60, "the sample spoken");
        assertTrue(p.status.getText().startsWith("Spoken in the local voice: the team voice could not speak"),
                p.status.getText());
        for (Control c = p.status; c != null; c = c.getParent()) {
            if (c instanceof ScrolledComposite scroll) {
                scroll.showControl(p.status);
                break;
            }
        }
        settle(display, 200);
        Screenshots.save(folderOf(part), TestScreenshots.check("voice-profile.png"));
    }

    private static void click(Button b) {
        b.notifyListeners(SWT.Selection, new Event());
    }

    private void exercise(Display display, MApplication app, E4Workbench workbench, Path wav) throws Exception {
        DriverListening listening = app.getContext().get(DriverListening.class);
        try {
            EPartService parts = TestWorkbench.perspective(app, "org.pitbox.ui.perspective.driver", 1280, 1040);
            MPart part = parts.showPart("org.pitbox.ui.part.voice", EPartService.PartState.ACTIVATE);
            VoicePart v = (VoicePart) part.getObject();
            assertNotNull(v, "the Voice part was not created");
            settle(display, 300);
            assertEquals("Push-to-talk is off", v.status.getText());
            assertFalse(v.test.getEnabled(), "nothing to test while off");
            assertTrue(v.help.getText().contains("\"Box this lap\""), "the help lists the commands");
            assertEquals("Normal", v.recogniser.strictness.getText());
            assertTrue(v.recogniser.strictness.getEnabled(), "Sphinx4's strictness can be set");
            v.recogniser.strictness.select(Strictness.RELAXED.ordinal());
            v.recogniser.strictness.notifyListeners(SWT.Selection, new Event());
            assertEquals(Strictness.RELAXED, listening.strictness());
            v.recogniser.strictness.select(Strictness.NORMAL.ordinal());
            v.recogniser.strictness.notifyListeners(SWT.Selection, new Event());
            assertEquals(Strictness.NORMAL, listening.strictness());

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

            // Teach PitBox your voice: one hold per phrase shown, then the remarks that are no command, learned
            // and saved under PitBox's home (target/)
            Files.deleteIfExists(VoiceProfile.defaultFile());
            click(v.teach.teach);
            List<String> phrases = Enrolment.phrases(listening.commands());
            assertTrue(v.teach.prompt.getText().startsWith("Say: \"" + phrases.get(0).substring(0, 1).toUpperCase()),
                    v.teach.prompt.getText());
            // the picture for the README: the Voice tab taller than the Live tab above it, so that the whole
            // "Your voice" box shows with the first phrase to read and its buttons
            EModelService models = app.getContext().get(EModelService.class);
            MUIElement top = models.find("org.pitbox.ui.driver.right", app);
            MUIElement bottom = models.find("org.pitbox.ui.driver.rightbottom", app);
            String topData = top.getContainerData();
            String bottomData = bottom.getContainerData();
            top.setContainerData("15");
            bottom.setContainerData("85");
            settle(display, 300);
            Screenshots.save(folderOf(part), TestScreenshots.file("voice.png"));
            top.setContainerData(topData);
            bottom.setContainerData(bottomData);
            Espeak reader = new Espeak("en-gb+m3", 175);
            List<String> toRead = new ArrayList<>(phrases);
            toRead.addAll(Enrolment.REMARKS);
            for (String phrase : toRead) {
                if (Enrolment.REMARKS.contains(phrase)) {
                    String shown = v.teach.prompt.getText();
                    await(display, () -> v.teach.prompt.getText().contains("which is no command"), 30,
                            "the remark shown: " + shown);
                }
                Path reading = Files.createTempFile("pitbox-reading", ".wav");
                try {
                    Audio.writeWav(Noise.pad(reader.say(phrase), 0.2), reading);
                    listening.hear(reading);
                } finally {
                    Files.deleteIfExists(reading);
                }
            }
            await(display, () -> v.teach.status.getText().startsWith("Learned from"), 180, "the voice learned: "
                    + v.teach.status.getText());
            assertTrue(v.teach.status.getText().contains(" and " + Enrolment.REMARKS.size() + " remarks"),
                    v.teach.status.getText());
            assertTrue(Files.isRegularFile(VoiceProfile.defaultFile()), "saved");
            VoiceProfile saved = VoiceProfile.load(VoiceProfile.defaultFile());
            assertEquals(Enrolment.REMARKS, saved.remarks());
            assertEquals(Enrolment.REMARKS.size(), saved.quiet().remarks().length);
            assertEquals(Enrolment.REMARKS.size(), saved.noisy().remarks().length);
            assertTrue(v.teach.forget.getEnabled());
            click(v.teach.forget);
            assertFalse(Files.exists(VoiceProfile.defaultFile()), "forgotten");
            Path voiceDir = VoiceProfile.defaultFile().getParent();
            if (Files.isDirectory(voiceDir)) {
                try (var left = Files.list(voiceDir)) {
                    assertTrue(left.findAny().isPresent(), "no empty voice folder is left");
                }
            }
            assertEquals("Forgotten: Sphinx4 uses its model as shipped.", v.teach.status.getText());
        } finally {
            listening.stop();
        }
    }
}
