package org.pitbox.ui.driver;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.pitbox.app.voice.DriverListening;
import org.pitbox.app.voice.DriverVoice;
import org.pitbox.voice.answer.Conversation;
import org.pitbox.voice.capture.Level;
import org.pitbox.voice.capture.Microphone;
import org.pitbox.voice.command.CommandMatcher.Match;
import org.pitbox.voice.ptt.PttButton;

/**
 * The driver's voice settings: the push-to-talk button (a key or a wheel button, bound by pressing it), the
 * microphone with a level meter, a test button, the recogniser and its model, the team voice's profile, and what
 * can be said.
 */
public class VoicePart {
    private static final int BIND_SECONDS = 10, METER_MILLIS = 50;

    @Inject
    private DriverListening listening;
    @Inject
    private DriverVoice voice;
    @Inject
    private UISynchronize ui;

    private ScrolledComposite scroll;
    Label button;
    Button bind;
    Combo microphone;
    Combo speaker;
    Canvas meter;
    Button onOff;
    Button test;
    Label status;
    Label heard;
    Text help;
    ProfileBox profile;
    RecogniserBox recogniser;
    TeachBox teach;
    private volatile double level = Level.SILENCE_DB;
    private final DriverListening.Listener listener = new DriverListening.Listener() {
        @Override
        public void state(DriverListening.State state) {
            ui.asyncExec(() -> show(state));
        }

        @Override
        public void level(double dbfs) {
            level = dbfs;
        }

        @Override
        public void heard(String words, Match match, short[] audio) {
            ui.asyncExec(() -> showHeard(words, match));
        }
    };

    @PostConstruct
    public void create(Composite parent) {
        parent.setLayout(new FillLayout());
        scroll = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
        Composite content = new Composite(scroll, SWT.NONE);
        content.setLayout(new GridLayout(2, false));
        Composite left = new Composite(content, SWT.NONE);
        GridLayout column = new GridLayout(1, false);
        column.marginWidth = 0;
        column.marginHeight = 0;
        left.setLayout(column);
        left.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        createPushToTalk(group(left, "Push-to-talk", 3));
        recogniser = new RecogniserBox(group(left, "Recogniser", 3), listening, ui, this::relayout);
        teach = new TeachBox(group(left, "Your voice (Sphinx4)", 3), listening, ui, this::relayout);
        profile = new ProfileBox(group(left, "Team voice profile", 3), voice.profiles(), ui, this::relayout);
        Composite right = group(content, "What can I say?", 1);
        right.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        help = new Text(right, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP);
        help.setText(String.join("\n\n", listening.commands().helpLines()));
        GridData h = new GridData(SWT.FILL, SWT.FILL, true, true);
        h.widthHint = 280;
        help.setLayoutData(h);
        scroll.setContent(content);
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        scroll.addListener(SWT.Resize, e -> relayout());
        listening.addListener(listener);
        show(listening.state());
        meter.getDisplay().timerExec(METER_MILLIS, this::tick);
    }

    /** Lays the content out again after a text changed; scrolls when the part is smaller than it needs. */
    void relayout() {
        Composite content = (Composite) scroll.getContent();
        if (content == null) {
            return;
        }
        content.layout(true, true);
        scroll.setMinSize(content.computeSize(SWT.DEFAULT, SWT.DEFAULT));
    }

    private static Composite group(Composite parent, String title, int columns) {
        Group g = new Group(parent, SWT.NONE);
        g.setText(title);
        g.setLayout(new GridLayout(columns, false));
        g.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        return g;
    }

    private void createPushToTalk(Composite g) {
        new Label(g, SWT.NONE).setText("Button");
        button = new Label(g, SWT.NONE);
        button.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        bind = new Button(g, SWT.PUSH);
        bind.setText("Bind...");
        bind.setToolTipText("Then press the key or the wheel button to hold while you talk; it works while iRacing "
                + "has the focus");
        bind.addListener(SWT.Selection, e -> bind());

        new Label(g, SWT.NONE).setText("Microphone");
        microphone = new Combo(g, SWT.READ_ONLY);
        microphone.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        List<String> names = Microphone.names();
        if (names.isEmpty()) {
            microphone.setItems("No microphone found");
            microphone.select(0);
            microphone.setEnabled(false);
        } else {
            microphone.setItems(names.toArray(String[]::new));
            microphone.select(Math.max(0, names.indexOf(listening.microphone())));
            microphone.addListener(SWT.Selection, e -> listening.chooseMicrophone(microphone.getText()));
        }

        new Label(g, SWT.NONE).setText("Voice");
        speaker = new Combo(g, SWT.READ_ONLY);
        speaker.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        speaker.setItems("Local voice (FreeTTS, offline)", "Team voice (ElevenLabs through the team server)");
        speaker.select(voice.teamVoice() ? 1 : 0);
        speaker.setToolTipText("Answers, the team's radio, coach hints and urgent calls are spoken in this voice; the "
                + "team voice falls back to the local one when the server cannot speak");
        speaker.addListener(SWT.Selection, e -> voice.useTeamVoice(speaker.getSelectionIndex() == 1));

        new Label(g, SWT.NONE).setText("Level");
        meter = new Canvas(g, SWT.DOUBLE_BUFFERED);
        GridData m = new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1);
        m.heightHint = 14;
        meter.setLayoutData(m);
        meter.addListener(SWT.Paint, e -> paintMeter(e.gc));

        onOff = new Button(g, SWT.PUSH);
        onOff.addListener(SWT.Selection, e -> turnOnOrOff());
        test = new Button(g, SWT.PUSH);
        test.setText("Hold to test");
        test.setToolTipText("Hold this button and ask, e.g. \"What is my fuel level?\"");
        test.addListener(SWT.MouseDown, e -> listening.press());
        test.addListener(SWT.MouseUp, e -> listening.release());
        new Label(g, SWT.NONE);
        status = wideLabel(g);
        heard = wideLabel(g);
    }

    /** A wrapping label across the grid's three columns, for status lines. */
    static Label wideLabel(Composite g) {
        Label l = new Label(g, SWT.WRAP);
        GridData d = new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1);
        d.widthHint = 300;
        l.setLayoutData(d);
        return l;
    }

    private void bind() {
        bind.setEnabled(false);
        button.setText("Press the key or button now (" + BIND_SECONDS + " s)...");
        listening.bind(Duration.ofSeconds(BIND_SECONDS)).whenComplete((b, e) -> ui.asyncExec(() -> {
            if (bind.isDisposed()) {
                return;
            }
            bind.setEnabled(true);
            showButton(listening.button());
            if (b == null) {
                status.setText("No key or button was pressed: nothing changed");
            }
        }));
    }

    private void turnOnOrOff() {
        boolean on = listening.state().on();
        onOff.setEnabled(false);
        status.setText(on ? "Turning push-to-talk off..." : "Loading the recogniser...");
        Thread t = new Thread(on ? listening::stop : listening::start, "pitbox-voice-start");
        t.setDaemon(true);
        t.start();
    }

    private void show(DriverListening.State state) {
        if (status.isDisposed()) {
            return;
        }
        onOff.setEnabled(true);
        onOff.setText(state.on() ? "Turn off" : "Turn on");
        test.setEnabled(state.on());
        showButton(state.button() != null ? state.button() : listening.button());
        String line = state.on() ? "Listening with " + state.engine() + " through " + state.feed() : "Push-to-talk is off";
        status.setText(state.problem() == null ? line : line + ". " + state.problem());
        relayout();
    }

    private void showButton(PttButton b) {
        button.setText(b == null ? "none bound" : b.label());
    }

    private void showHeard(String words, Match match) {
        if (heard.isDisposed()) {
            return;
        }
        if (match.understood()) {
            String command = match.command().intent().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            heard.setText("Heard \"" + words.strip() + "\": " + command);
        } else {
            String hint = match.suggestion().isEmpty() ? "" : ". " + Conversation.didYouMean(match.suggestion());
            heard.setText("I didn't catch that" + hint);
        }
        relayout();
    }

    private void tick() {
        if (meter.isDisposed()) {
            return;
        }
        meter.redraw();
        meter.getDisplay().timerExec(METER_MILLIS, this::tick);
    }

    private void paintMeter(GC gc) {
        Rectangle r = meter.getClientArea();
        gc.setBackground(meter.getDisplay().getSystemColor(SWT.COLOR_WIDGET_BACKGROUND));
        gc.fillRectangle(r);
        double fill = listening.state().on() ? Level.fill(level) : 0;
        gc.setBackground(meter.getDisplay().getSystemColor(fill > 0.9 ? SWT.COLOR_RED : SWT.COLOR_DARK_GREEN));
        gc.fillRectangle(r.x, r.y, (int) Math.round(r.width * fill), r.height);
        gc.setForeground(meter.getDisplay().getSystemColor(SWT.COLOR_WIDGET_NORMAL_SHADOW));
        gc.drawRectangle(r.x, r.y, r.width - 1, r.height - 1);
    }

    @PreDestroy
    public void dispose() {
        listening.removeListener(listener);
        if (teach != null) {
            teach.dispose();
        }
    }
}
