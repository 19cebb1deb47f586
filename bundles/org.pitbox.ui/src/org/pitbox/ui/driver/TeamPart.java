package org.pitbox.ui.driver;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IStylingEngine;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.List;
import org.eclipse.swt.widgets.Text;
import org.pitbox.app.feed.ActiveFeed;
import org.pitbox.app.team.TeamSession;
import org.pitbox.client.live.Bandwidth;
import org.pitbox.client.live.LinkSummary;
import org.pitbox.core.source.LiveFeed;
import org.pitbox.core.source.TelemetrySource;
import org.pitbox.ui.services.Listening;
import org.pitbox.ui.services.UiPreferences;

/** The driver's team link: sign in, choose the team, stream the running source live, radio, upload. */
public class TeamPart {
    private static final int MAX_RADIO_LINES = 50;

    @Inject
    private TeamSession team;
    @Inject
    private ActiveFeed activeFeed;
    @Inject
    private UISynchronize ui;
    @Inject
    private IStylingEngine styling;

    private final UiPreferences prefs = new UiPreferences();
    private Text server;
    private Text email;
    private Text password;
    private Button signIn;
    private Label account;
    private Combo teams;
    private Combo bandwidth;
    private Button stream;
    private Label link;
    private List radioLog;
    private Text radioText;
    private Button radioSend;
    private UploadBox upload;
    private VideoBox video;
    private Listening listening;

    @PostConstruct
    public void create(Composite parent) {
        parent.setLayout(new GridLayout(2, true));
        createSignIn(group(parent, "Team server", 3));
        Composite live = group(parent, "Live session", 2);
        ((GridData) live.getLayoutData()).verticalSpan = 2; // beside sign-in and upload
        ((GridData) live.getLayoutData()).verticalAlignment = SWT.FILL;
        createStreaming(live);
        upload = new UploadBox(group(parent, "Upload a session (.ibt)", 3), team, ui);
        refresh();
        listening = new Listening(ui);
        listening.feed(activeFeed, this::onFeed);
        listening.team(team, new TeamSession.Listener() {
            @Override
            public void changed(String sentence) {
                onTeam(sentence);
            }

            @Override
            public void radio(String fromName, String text) {
                onRadio(fromName, text);
            }
        });
        team.restore();
    }

    private static Composite group(Composite parent, String title, int columns) {
        Group g = new Group(parent, SWT.NONE);
        g.setText(title);
        g.setLayout(new GridLayout(columns, false));
        g.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        return g;
    }

    private void createSignIn(Composite g) {
        server = field(g, "Server", SWT.BORDER, 2);
        server.setText(prefs.serverUrl());
        email = field(g, "Email", SWT.BORDER, 2);
        password = field(g, "Password", SWT.BORDER | SWT.PASSWORD, 1);
        password.setToolTipText("Never stored: PitBox keeps a refresh token in Equinox secure storage");
        signIn = new Button(g, SWT.PUSH);
        signIn.addListener(SWT.Selection, e -> signInOrOut());
        password.addListener(SWT.DefaultSelection, e -> signInOrOut());
        account = new Label(g, SWT.WRAP);
        account.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1));
    }

    private static Text field(Composite g, String caption, int style, int span) {
        new Label(g, SWT.NONE).setText(caption);
        Text t = new Text(g, style);
        t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, span, 1));
        return t;
    }

    private void createStreaming(Composite g) {
        new Label(g, SWT.NONE).setText("Team");
        teams = new Combo(g, SWT.READ_ONLY);
        teams.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        teams.setToolTipText("The team whose engineers watch this session");
        teams.addListener(SWT.Selection, e -> team.chooseTeam(team.teams().get(teams.getSelectionIndex())));
        new Label(g, SWT.NONE).setText("Bandwidth");
        bandwidth = new Combo(g, SWT.READ_ONLY);
        bandwidth.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        bandwidth.setToolTipText("Lower the rate or send only the essential channels on a poor connection."
                + " Applies from the next live session.");
        Bandwidth chosen = Bandwidth.fromKey(prefs.get(UiPreferences.BANDWIDTH, Bandwidth.FULL.key()));
        for (Bandwidth b : Bandwidth.CHOICES) {
            bandwidth.add(b.label());
            if (b.equals(chosen)) {
                bandwidth.select(bandwidth.getItemCount() - 1);
            }
        }
        Button coach = new Button(g, SWT.CHECK);
        coach.setText("Coach hints on the overlay");
        coach.setToolTipText("The server's coach says one thing a lap at most; the engineer sees its hints either way");
        coach.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        coach.setSelection(team.coachOn());
        coach.addListener(SWT.Selection, e -> team.coach(coach.getSelection()));
        stream = new Button(g, SWT.PUSH);
        stream.addListener(SWT.Selection, e -> startOrStop());
        link = new Label(g, SWT.WRAP);
        link.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        video = new VideoBox(g, team);
        radioLog = new List(g, SWT.BORDER | SWT.V_SCROLL);
        GridData logData = new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1);
        logData.heightHint = 90;
        radioLog.setLayoutData(logData);
        radioLog.setToolTipText("Radio: messages from the engineers and the ones you sent");
        radioText = new Text(g, SWT.BORDER);
        radioText.setMessage("Message to the team");
        radioText.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        radioText.addListener(SWT.DefaultSelection, e -> sendRadio());
        radioSend = new Button(g, SWT.PUSH);
        radioSend.setText("Send");
        radioSend.addListener(SWT.Selection, e -> sendRadio());
    }

    /** For tests: the video row. */
    VideoBox videoBox() {
        return video;
    }

    private void signInOrOut() {
        signIn.setEnabled(false);
        CompletableFuture<Void> work = team.signedIn() ? team.signOut()
                : team.signIn(server.getText(), email.getText().strip(), password.getText());
        password.setText("");
        account.setText(team.signedIn() ? "Signing out ..." : "Signing in ...");
        work.whenComplete((ok, error) -> ui.asyncExec(() -> {
            if (error != null && !account.isDisposed()) {
                refresh();
                account.setText("Not signed in: " + TeamSession.rootMessage(error));
                styling.setClassname(account, "status-bad");
            }
        }));
    }

    private void startOrStop() {
        if (team.streaming()) {
            stream.setEnabled(false);
            CompletableFuture.runAsync(team::stopStreaming);
            return;
        }
        LiveFeed feed = activeFeed.feed();
        try {
            team.startStreaming(feed, Bandwidth.CHOICES.get(Math.max(0, bandwidth.getSelectionIndex())));
        } catch (IOException | RuntimeException e) {
            link.setText("Cannot stream: " + TeamSession.rootMessage(e));
            styling.setClassname(link, "status-bad");
        }
        refresh();
    }

    private void sendRadio() {
        String text = radioText.getText().strip();
        if (text.isEmpty()) {
            return;
        }
        if (team.radio(text)) {
            addRadio("You: " + text);
            radioText.setText("");
        } else {
            link.setText("Radio not sent: not connected to the team");
        }
    }

    private void addRadio(String line) {
        radioLog.add(line, 0);
        if (radioLog.getItemCount() > MAX_RADIO_LINES) {
            radioLog.remove(MAX_RADIO_LINES);
        }
    }

    private void onTeam(String sentence) {
        if (link != null && !link.isDisposed()) {
            refresh();
        }
    }

    private void onFeed(TelemetrySource source) {
        if (link != null && !link.isDisposed()) {
            refresh();
        }
    }

    private void onRadio(String fromName, String text) {
        if (radioLog != null && !radioLog.isDisposed()) {
            addRadio(fromName + ": " + text);
        }
    }

    @PreDestroy
    void dispose() {
        listening.close();
    }

    /** Shows the session's state: fields, buttons with their reasons, the link line. */
    private void refresh() {
        boolean in = team.signedIn();
        server.setEnabled(!in);
        email.setEnabled(!in);
        password.setEnabled(!in);
        signIn.setEnabled(true);
        signIn.setText(in ? "Sign out" : "Sign in");
        if (in) {
            server.setText(team.serverUrl());
            email.setText(team.email());
            account.setText("Signed in as " + team.email() + (team.teams().isEmpty()
                    ? ". You are in no team yet: ask a team owner for an invite." : "."));
            styling.setClassname(account, "status-ok");
        } else {
            account.setText("Sign in to stream to your team and upload sessions.");
            styling.setClassname(account, "hint");
        }
        String[] names = team.teams().stream().map(t -> t.name() + " (" + t.role() + ")").toArray(String[]::new);
        if (!Arrays.equals(names, teams.getItems())) {
            teams.setItems(names);
        }
        for (int i = 0; i < team.teams().size(); i++) {
            if (team.team() != null && team.teams().get(i).id() == team.team().id()) {
                teams.select(i);
            }
        }
        boolean streaming = team.streaming();
        teams.setEnabled(in && !streaming);
        bandwidth.setEnabled(!streaming);
        stream.setText(streaming ? "Stop live session" : "Start live session");
        String reason = !in ? "Sign in first" : team.team() == null ? "Join a team first"
                : activeFeed.feed() == null ? "Start a telemetry source first" : null;
        stream.setEnabled(streaming || reason == null);
        stream.setToolTipText(streaming ? "End the session; the server stores it" : reason == null
                ? "Stream the running source to the team" : reason);
        LinkSummary summary = streaming ? team.link() : LinkSummary.NOT_STREAMING;
        link.setText(streaming ? summary.text() : reason == null ? "Ready to stream" : reason + " to stream.");
        styling.setClassname(link, switch (summary.level()) {
            case OK -> "status-ok";
            case BAD -> "status-bad";
            case WARNING, IDLE -> "hint";
        });
        radioSend.setEnabled(streaming);
        video.refresh();
        upload.refresh();
        link.getParent().getParent().layout(true, true);
    }

}
