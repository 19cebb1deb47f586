package org.pitbox.ui.engineer.assistant;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.pitbox.app.assistant.EngineerAssistant;
import org.pitbox.app.assistant.EngineerAssistant.Hint;
import org.pitbox.app.assistant.EngineerAssistant.Turn;
import org.pitbox.app.team.TeamSession;
import org.pitbox.ui.services.Listening;
import org.pitbox.ui.widgets.Buttons;

/**
 * The race engineer's AI assistant: which session it is about (the watched live session, or a stored one the Session
 * Library's "Ask the AI Engineer" chose, by its name), the
 * conversation with answers streaming in, their sources, facts and unverified numbers, strategy cards to accept or
 * dismiss, a rating for the chosen answer, and every coach hint the session's driver got. Thin: the
 * {@link EngineerAssistant} does the work.
 */
public class AssistantPart {
    public static final String ID = "org.pitbox.ui.part.assistant";
    /** The Session Library's action that opens this part on a stored session. */
    public static final String ASK_ABOUT_STORED = "Ask the AI Engineer";
    /** The Session Library's part id (the library opens this part, so this package does not use that one's). */
    private static final String LIBRARY_PART = "org.pitbox.ui.part.library";
    static final String EMPTY = "Ask about the session: fuel to the finish, sector times, the best lap. Answers cite "
            + "the telemetry facts they use; numbers not found in the telemetry are underlined red.";
    static final String SIGNED_OUT = "Signed out: sign in to the team server (Team Server part) to ask the assistant";
    static final String[] RATINGS = {"useful", "wrong", "late", "irrelevant"};

    @Inject
    EngineerAssistant assistant;
    @Inject
    TeamSession team;
    @Inject
    UISynchronize ui;
    @Inject
    EPartService parts;
    private Listening listening;

    Label about;
    Transcript transcript;
    Label rateWhat;
    final Button[] rate = new Button[RATINGS.length];
    CardList cards;
    Text hints;
    Label problem;
    Text question;
    Button ask;
    Button stop;
    private Font bold;
    private Color red;
    /** The answer clicked in the transcript, -1 for the last one. */
    private int picked = -1;

    @PostConstruct
    public void create(Composite parent) {
        parent.setLayout(grid(1, 8, 6));
        bold = boldOf(parent);
        red = new Color(230, 60, 60);
        parent.addListener(SWT.Dispose, e -> {
            bold.dispose();
            red.dispose();
        });
        createHeader(parent);
        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        createConversation(sash);
        createSide(sash);
        sash.setWeights(64, 36);
        problem = new Label(parent, SWT.WRAP);
        problem.setForeground(red);
        problem.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        createInput(parent);

        listening = new Listening(ui);
        listening.assistant(assistant, new EngineerAssistant.Listener() {
            @Override
            public void changed(EngineerAssistant.Change change) {
                onChange(change);
            }

            @Override
            public void piece(String text) {
                transcript.append(text);
            }

            @Override
            public void restart(String reason, List<String> unmatched) {
                showTurns();
            }

            @Override
            public void failed(String sentence) {
                say(sentence);
                updateButtons();
            }
        });
        listening.team(team, sentence -> updateButtons());
        if (assistant.subject() == null) {
            assistant.followLive();
        }
        onChange(EngineerAssistant.Change.SUBJECT);
    }

    private void createHeader(Composite parent) {
        Composite header = new Composite(parent, SWT.NONE);
        header.setLayout(grid(3, 0, 0));
        header.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        about = new Label(header, SWT.NONE);
        about.setFont(bold);
        about.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Buttons.push(header, "Follow live session", "Talk about the session watched in Team Live",
                () -> assistant.followLive());
        Buttons.push(header, "Stored sessions...", "Choose a stored session of the team in the Session Library, then"
                + " press " + ASK_ABOUT_STORED, () -> parts.showPart(LIBRARY_PART,
                        EPartService.PartState.ACTIVATE));
    }

    private void createConversation(Composite sash) {
        Composite left = new Composite(sash, SWT.NONE);
        left.setLayout(grid(1, 0, 4));
        transcript = new Transcript(left);
        transcript.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        transcript.control().addListener(SWT.MouseUp, e -> {
            picked = transcript.turnAtCaret();
            updateRating();
        });
        Composite bar = new Composite(left, SWT.NONE);
        bar.setLayout(grid(RATINGS.length + 1, 0, 0));
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        rateWhat = new Label(bar, SWT.NONE);
        rateWhat.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        for (int i = 0; i < RATINGS.length; i++) {
            String rating = RATINGS[i];
            rate[i] = Buttons.push(bar, capital(rating), "Rate the chosen answer " + rating
                    + " (click an answer to choose it)", () -> rateChosen(rating));
        }
    }

    private void createSide(Composite sash) {
        Composite side = new Composite(sash, SWT.NONE);
        side.setLayout(grid(1, 0, 4));
        heading(side, "Strategy cards");
        cards = new CardList(side, bold, assistant, this::say);
        cards.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        heading(side, "Coach hints sent to the driver");
        hints = new Text(side, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.READ_ONLY | SWT.V_SCROLL);
        hints.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
    }

    private void createInput(Composite parent) {
        Composite row = new Composite(parent, SWT.NONE);
        row.setLayout(grid(3, 0, 0));
        row.setLayoutData(new GridData(SWT.FILL, SWT.BOTTOM, true, false));
        question = new Text(row, SWT.BORDER | SWT.SINGLE);
        question.setMessage("Ask the engineer, e.g. how much fuel do we need to finish?");
        question.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        question.addListener(SWT.DefaultSelection, e -> askNow());
        ask = Buttons.push(row, "Ask", "Ask about the session; the answer streams in", this::askNow);
        stop = Buttons.push(row, "Stop", "Stop listening to the answer (the server still keeps it)",
                () -> assistant.cancel());
    }

    void askNow() {
        if (!ask.isEnabled()) {
            return;
        }
        say(null);
        if (assistant.ask(question.getText(), null)) {
            question.setText("");
        }
        updateButtons();
    }

    private void onChange(EngineerAssistant.Change change) {
        if (about.isDisposed()) {
            return;
        }
        switch (change) {
            case SUBJECT -> {
                picked = -1;
                about.setText("About: " + assistant.title());
                say(null);
                showTurns();
                showHints();
            }
            case HINTS -> showHints();
            case CARDS -> cards.show(assistant.turns());
            case ASKED -> {
                picked = -1;
                showTurns();
            }
            default -> showTurns();
        }
        about.getParent().layout();
        updateButtons();
    }

    private void showTurns() {
        List<Turn> turns = assistant.turns();
        transcript.show(turns, assistant.subject() == null ? assistant.title() : EMPTY);
        cards.show(turns);
        updateRating();
    }

    /** Newest first: "Lap 2 · fuel · rule-based", then the hint. */
    private void showHints() {
        List<Hint> all = assistant.hints();
        StringBuilder b = new StringBuilder();
        for (int i = all.size() - 1; i >= 0; i--) {
            Hint h = all.get(i);
            b.append(b.isEmpty() ? "" : "\n\n").append(h.lap() == null ? "" : "Lap " + h.lap() + "  \u00b7  ")
                    .append(h.where() == null ? "" : h.where() + "  \u00b7  ").append(h.source()).append('\n')
                    .append(h.text());
        }
        hints.setText(all.isEmpty() ? "No hints yet: the coach speaks after a lap when something is worth saying."
                : b.toString());
    }

    /** The answer the rating buttons rate: the one clicked, else the last. */
    Turn chosen() {
        List<Turn> turns = assistant.turns();
        int at = picked;
        if (at >= 0 && at < turns.size() && turns.get(at).answer() != null) {
            return turns.get(at);
        }
        for (int i = turns.size() - 1; i >= 0; i--) {
            if (turns.get(i).answer() != null) {
                return turns.get(i);
            }
        }
        return null;
    }

    private void updateRating() {
        Turn t = chosen();
        List<Turn> turns = assistant.turns();
        rateWhat.setText(t == null ? "No answer to rate yet" : "Rate answer " + (turns.indexOf(t) + 1) + " of "
                + turns.size() + (t.rating() == null ? " (click an answer to choose)" : ": rated " + t.rating()));
        for (Button b : rate) {
            b.setEnabled(t != null);
        }
        rateWhat.getParent().layout(true);
    }

    private void rateChosen(String rating) {
        Turn t = chosen();
        if (t != null) {
            assistant.rate(t.answer().id(), rating, null);
        }
    }

    private void updateButtons() {
        if (ask.isDisposed()) {
            return;
        }
        boolean busy = assistant.busy();
        ask.setEnabled(!busy && assistant.subject() != null && team.signedIn());
        stop.setEnabled(busy);
        if (!team.signedIn()) {
            say(SIGNED_OUT);
        } else if (SIGNED_OUT.equals(problem.getText())) {
            say(null);
        }
    }

    void say(String sentence) {
        if (!problem.isDisposed()) {
            boolean shown = sentence != null && !sentence.isEmpty();
            problem.setText(shown ? sentence : "");
            problem.setVisible(shown);
            ((GridData) problem.getLayoutData()).exclude = !shown;
            problem.getParent().layout();
        }
    }

    private void heading(Composite parent, String text) {
        Label l = new Label(parent, SWT.NONE);
        l.setText(text);
        l.setFont(bold);
    }

    private static String capital(String s) {
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private static Font boldOf(Composite c) {
        FontData[] data = c.getFont().getFontData();
        for (FontData d : data) {
            d.setStyle(SWT.BOLD);
        }
        return new Font(c.getDisplay(), data);
    }

    static GridLayout grid(int columns, int margin, int spacing) {
        GridLayout g = new GridLayout(columns, false);
        g.marginWidth = margin;
        g.marginHeight = margin;
        g.verticalSpacing = spacing;
        return g;
    }

    /** The transcript, for tests. */
    Transcript transcript() {
        return transcript;
    }

    @PreDestroy
    void dispose() {
        if (listening != null) {
            listening.close();
        }
    }
}
