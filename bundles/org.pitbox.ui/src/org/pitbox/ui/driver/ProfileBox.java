package org.pitbox.ui.driver;

import java.util.List;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.pitbox.app.team.TeamSession;
import org.pitbox.app.voice.VoiceProfiles;
import org.pitbox.protocol.api.VoiceApi;
import org.pitbox.protocol.api.VoiceApi.ProfileRequest;
import org.pitbox.protocol.api.VoiceApi.ProfileView;
import org.pitbox.protocol.api.VoiceApi.VoiceView;
import org.pitbox.ui.widgets.Buttons;

/**
 * The team voice's profile on the server: the member's own or, for the team's owner, the team's (voice, speed,
 * stability, similarity, style); "Test voice" speaks a sample in the team voice, or the local one saying why.
 */
final class ProfileBox {
    private final VoiceProfiles profiles;
    private final UISynchronize ui;
    private final Runnable relayout;
    final Button own;
    final Button teams;
    final Label whose;
    final Combo voice;
    final Spinner speed;
    final Spinner stability;
    final Spinner similarity;
    final Spinner style;
    final Button reload;
    final Button save;
    final Button test;
    final Label status;
    private VoiceProfiles.Editing editing;

    ProfileBox(Composite g, VoiceProfiles profiles, UISynchronize ui, Runnable relayout) {
        this.profiles = profiles;
        this.ui = ui;
        this.relayout = relayout;
        new Label(g, SWT.NONE).setText("Profile");
        own = new Button(g, SWT.RADIO);
        own.setText("Your own");
        own.setSelection(true);
        teams = new Button(g, SWT.RADIO);
        teams.setText("The team's");
        teams.setToolTipText("The voice of every member without their own; the team's owner sets it");
        own.addListener(SWT.Selection, e -> {
            if (own.getSelection()) {
                load();
            }
        });
        teams.addListener(SWT.Selection, e -> {
            if (teams.getSelection()) {
                load();
            }
        });
        whose = VoicePart.wideLabel(g);
        new Label(g, SWT.NONE).setText("Voice");
        voice = new Combo(g, SWT.DROP_DOWN);
        voice.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        voice.setToolTipText("A voice the team's ElevenLabs key offers, or a voice id");
        speed = spinner(g, "Speed", (int) (VoiceApi.MIN_SPEED * 100), (int) (VoiceApi.MAX_SPEED * 100));
        stability = spinner(g, "Stability", 0, 100);
        similarity = spinner(g, "Similarity", 0, 100);
        style = spinner(g, "Style", 0, 100);
        reload = Buttons.push(g, "Reload", "Read the profile from the server again", this::load);
        save = Buttons.push(g, "Save", "Store this profile on the team's server", this::save);
        test = Buttons.push(g, "Test voice", "Speak a sample in the team voice as set here, saved or not (the local"
                + " voice when it cannot)", this::test);
        status = VoicePart.wideLabel(g);
        editable(false);
        load();
    }

    private static Spinner spinner(Composite g, String name, int min, int max) {
        new Label(g, SWT.NONE).setText(name);
        Spinner s = new Spinner(g, SWT.BORDER);
        s.setDigits(2);
        s.setValues(min, min, max, 2, 5, 10);
        s.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, 2, 1));
        return s;
    }

    private void editable(boolean on) {
        for (Control c : List.<Control>of(voice, speed, stability, similarity, style, save)) {
            c.setEnabled(on);
        }
    }

    void load() {
        status.setText("Reading the voice profile...");
        profiles.load(teams.getSelection()).whenComplete((e, x) -> ui.asyncExec(() -> {
            if (status.isDisposed()) {
                return;
            }
            editing = x == null ? e : null;
            if (x != null) {
                whose.setText("");
                status.setText(TeamSession.rootMessage(x));
                editable(false);
            } else {
                show(e.profile());
                whose.setText(e.title());
                status.setText(e.voicesProblem() == null ? from(e.profile())
                        : from(e.profile()) + " No voices to pick from (" + e.voicesProblem() + "): type a voice id.");
                editable(true);
            }
            relayout.run();
        }));
    }

    private void show(ProfileView p) {
        List<VoiceView> voices = editing.voices();
        voice.setItems(voices.stream().map(ProfileBox::label).toArray(String[]::new));
        voices.stream().filter(v -> v.voiceId().equals(p.voiceId())).findFirst()
                .ifPresentOrElse(v -> voice.setText(label(v)), () -> voice.setText(p.voiceId()));
        speed.setSelection((int) Math.round(p.speed() * 100));
        stability.setSelection((int) Math.round(p.stability() * 100));
        similarity.setSelection((int) Math.round(p.similarity() * 100));
        style.setSelection((int) Math.round(p.style() * 100));
    }

    private static String label(VoiceView v) {
        return v.name() + " (" + v.voiceId() + ")";
    }

    private static String from(ProfileView p) {
        return switch (p.scope()) {
            case "driver" -> "Your own profile.";
            case "team" -> "The team's profile.";
            default -> "The server's default: nothing saved yet.";
        };
    }

    /** The voice id picked or typed. */
    private String voiceId() {
        String text = voice.getText().strip();
        return editing.voices().stream().filter(v -> label(v).equals(text)).map(VoiceView::voiceId).findFirst()
                .orElse(text);
    }

    /** The profile as set in the boxes; null before one was read. */
    private ProfileRequest edited() {
        return editing == null ? null : new ProfileRequest(voiceId(), speed.getSelection() / 100.0,
                stability.getSelection() / 100.0, similarity.getSelection() / 100.0, style.getSelection() / 100.0);
    }

    private void save() {
        ProfileRequest r = edited();
        if (r == null) {
            return;
        }
        save.setEnabled(false);
        status.setText("Saving...");
        profiles.save(editing.teamProfile(), r).whenComplete((p, x) -> ui.asyncExec(() -> {
            if (status.isDisposed()) {
                return;
            }
            save.setEnabled(true);
            status.setText(x != null ? "Not saved: " + TeamSession.rootMessage(x) : "Saved. " + from(p));
            relayout.run();
        }));
    }

    private void test() {
        test.setEnabled(false);
        status.setText("Speaking a sample...");
        profiles.test(edited()).whenComplete((said, x) -> ui.asyncExec(() -> {
            if (status.isDisposed()) {
                return;
            }
            test.setEnabled(true);
            status.setText(x != null ? TeamSession.rootMessage(x) : said);
            relayout.run();
        }));
    }
}
