package org.pitbox.ui.engineer.session;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IStylingEngine;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.pitbox.app.server.HealthProbe;
import org.pitbox.app.team.TeamSession;
import org.pitbox.ui.services.Listening;
import org.pitbox.ui.services.Status;
import org.pitbox.ui.services.UiPreferences;

/** The team server's address and whether it answers. */
public class ServerPart {
    @Inject
    private UISynchronize ui;
    @Inject
    private IEventBroker events;
    @Inject
    private IStylingEngine styling;

    @Inject
    private TeamSession team;

    private final UiPreferences prefs = new UiPreferences();
    private final HealthProbe probe = new HealthProbe();
    private Text url;
    private Button check;
    private Label state;
    private Label details;
    private Listening listening;

    @PostConstruct
    public void create(Composite parent) {
        listening = new Listening(ui);
        listening.team(team, this::onTeam);
        parent.setLayout(new GridLayout(2, false));
        Label caption = new Label(parent, SWT.NONE);
        caption.setText("Server address");
        caption.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        url = new Text(parent, SWT.BORDER);
        url.setText(prefs.serverUrl());
        url.setMessage(UiPreferences.DEFAULT_SERVER_URL);
        url.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        url.addListener(SWT.DefaultSelection, e -> check());
        check = new Button(parent, SWT.PUSH);
        check.setText("Check");
        check.setToolTipText("Ask the server for its health (GET /health)");
        check.addListener(SWT.Selection, e -> check());
        state = new Label(parent, SWT.WRAP);
        state.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        details = new Label(parent, SWT.WRAP);
        details.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        details.setText("Start a server with ./pitbox server, or enter your team's address.");
        check();
    }

    /** After a sign-in elsewhere, this part shows and checks the server signed in to. */
    private void onTeam(String sentence) {
        if (url != null && !url.isDisposed() && team.signedIn() && !team.serverUrl().equals(url.getText().trim())) {
            url.setText(team.serverUrl());
            check();
        }
    }

    private void check() {
        String address = url.getText().trim();
        if (!address.isEmpty()) {
            prefs.put(UiPreferences.SERVER_URL, address);
        }
        check.setEnabled(false);
        state.setText("Checking " + address + " ...");
        probe.check(address).thenAccept(result -> ui.asyncExec(() -> {
            if (state.isDisposed()) {
                return;
            }
            check.setEnabled(true);
            state.setText((result.reachable() ? "Connected: " : "Not connected: ") + result.summary());
            styling.setClassname(state, result.reachable() ? "status-ok" : "status-bad");
            if (result.reachable()) {
                StringBuilder text = new StringBuilder();
                for (Map.Entry<String, String> c : result.report().checks().entrySet()) {
                    text.append(c.getKey()).append(": ").append(c.getValue()).append('\n');
                }
                details.setText(text.toString().strip());
            }
            events.post(Status.TOPIC_SERVER, result.summary());
            state.getParent().layout(true, true);
        }));
    }

    @PreDestroy
    void dispose() {
        listening.close();
    }
}
