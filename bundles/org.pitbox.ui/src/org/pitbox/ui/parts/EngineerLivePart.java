package org.pitbox.ui.parts;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.services.IStylingEngine;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.pitbox.protocol.client.SubscriberStatus;
import org.pitbox.protocol.live.LiveControl;
import org.pitbox.ui.support.EngineerLive;
import org.pitbox.ui.support.Status;
import org.pitbox.ui.support.TeamSession;

/** The engineer watches a team member's live session through the server, and talks to the driver. */
public class EngineerLivePart {
    @Inject
    private EngineerLive live;
    @Inject
    private TeamSession team;
    @Inject
    private IStylingEngine styling;

    private Combo sessions;
    private Button watch;
    private Label connection;
    private ReadoutsView readouts;
    private org.eclipse.swt.widgets.List radioLog;
    private Text radioText;
    private Button radioSend;

    @PostConstruct
    public void create(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Composite top = new Composite(parent, SWT.NONE);
        top.setLayout(new GridLayout(3, false));
        top.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        new Label(top, SWT.NONE).setText("Live session");
        sessions = new Combo(top, SWT.READ_ONLY);
        sessions.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        sessions.setToolTipText("Team members on track now");
        watch = new Button(top, SWT.PUSH);
        watch.setText("Watch");
        watch.addListener(SWT.Selection, e -> watchSelected());
        connection = new Label(top, SWT.WRAP);
        connection.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1));

        Composite board = new Composite(parent, SWT.NONE);
        board.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        readouts = new ReadoutsView(board, live::feed, "Nobody is watched yet. Pick a live session above and"
                + " press Watch; drivers start one under Driver > Team.");

        Composite radio = new Composite(parent, SWT.NONE);
        radio.setLayout(new GridLayout(2, false));
        radio.setLayoutData(new GridData(SWT.FILL, SWT.BOTTOM, true, false));
        radioLog = new org.eclipse.swt.widgets.List(radio, SWT.BORDER | SWT.V_SCROLL);
        GridData logData = new GridData(SWT.FILL, SWT.FILL, true, false, 2, 1);
        logData.heightHint = 80;
        radioLog.setLayoutData(logData);
        radioLog.setToolTipText("Radio: your messages and the driver's");
        radioText = new Text(radio, SWT.BORDER);
        radioText.setMessage("Message to the driver (shown on the overlay)");
        radioText.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        radioText.addListener(SWT.DefaultSelection, e -> sendRadio());
        radioSend = new Button(radio, SWT.PUSH);
        radioSend.setText("Send");
        radioSend.addListener(SWT.Selection, e -> sendRadio());
        refresh();
    }

    private void watchSelected() {
        int i = sessions.getSelectionIndex();
        List<LiveControl.Session> live = this.live.sessions();
        if (i < 0 || i >= live.size()) {
            return;
        }
        this.live.watch(team.client(), team.team(), live.get(i).sessionKey());
    }

    private void sendRadio() {
        String text = radioText.getText().strip();
        if (!text.isEmpty() && live.radio(text)) {
            radioText.setText("");
        }
    }

    @Inject
    @Optional
    void onTeam(@UIEventTopic(Status.TOPIC_TEAM) String sentence) {
        if (team.signedIn() && team.team() != null) {
            live.follow(team.client(), team.team());
        }
        if (sessions != null && !sessions.isDisposed()) {
            refresh();
        }
    }

    @Inject
    @Optional
    void onEngineer(@UIEventTopic(Status.TOPIC_ENGINEER) String what) {
        if (sessions != null && !sessions.isDisposed()) {
            refresh();
        }
    }

    @Inject
    @Optional
    void onRadio(@UIEventTopic(Status.TOPIC_ENGINEER_RADIO) String line) {
        if (radioLog != null && !radioLog.isDisposed()) {
            radioLog.add(line, 0);
        }
    }

    private void refresh() {
        boolean in = team.signedIn() && team.team() != null;
        List<LiveControl.Session> live = this.live.sessions();
        String[] items = live.stream().map(s -> s.driverName() + ": " + s.sessionKey()).toArray(String[]::new);
        if (!Arrays.equals(items, sessions.getItems())) {
            sessions.setItems(items); // only on a change, so the engineer's pick stays while status ticks
            for (int i = 0; i < live.size(); i++) {
                if (live.get(i).sessionKey().equals(this.live.watchedKey())) {
                    sessions.select(i);
                }
            }
        }
        if (sessions.getSelectionIndex() < 0 && !live.isEmpty()) {
            sessions.select(0);
        }
        sessions.setEnabled(in && !live.isEmpty());
        watch.setEnabled(in && !live.isEmpty());
        watch.setToolTipText(!in ? "Sign in under Driver > Team first" : live.isEmpty()
                ? "Nobody of the team is on track" : "Watch the chosen session");
        SubscriberStatus s = this.live.status();
        String text;
        String style;
        if (!in) {
            text = "Sign in under Driver > Team to watch your team's live sessions.";
            style = "hint";
        } else if (s == null) {
            text = live.isEmpty() ? "Nobody of " + team.team().name() + " is on track right now."
                    : live.size() + " live session(s) of " + team.team().name() + ".";
            style = "hint";
        } else {
            text = describe(s);
            style = s.state() == SubscriberStatus.State.CONNECTED ? "status-ok" : "status-bad";
        }
        connection.setText(text);
        styling.setClassname(connection, style);
        boolean canTalk = s != null && s.state() == SubscriberStatus.State.CONNECTED;
        radioSend.setEnabled(canTalk);
        radioText.setEnabled(canTalk);
        connection.getParent().layout(true, true);
    }

    static String describe(SubscriberStatus s) {
        String latency = s.latencyMillis() < 0 ? "latency --" : "latency " + s.latencyMillis() + " ms";
        return switch (s.state()) {
            case CONNECTED -> String.format(Locale.ROOT, "Connected: %s, %,d frames, %,d dropped", latency,
                    s.frames(), s.dropped());
            case CONNECTING -> "Connecting ...";
            case RECONNECTING -> "Connection lost (" + s.reason() + "): reconnecting; " + s.dropped() + " dropped";
            case OFFLINE -> "Offline" + (s.reason() == null ? "" : ": " + s.reason());
        };
    }

    @PreDestroy
    void dispose() {
        readouts.dispose();
    }
}
