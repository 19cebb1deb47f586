package org.pitbox.ui.engineer.assistant;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.pitbox.app.assistant.EngineerAssistant;
import org.pitbox.app.assistant.EngineerAssistant.CardState;
import org.pitbox.app.assistant.EngineerAssistant.Turn;
import org.pitbox.protocol.api.AiApi.StrategyCard;
import org.pitbox.ui.widgets.Buttons;

/** The strategy cards of the conversation, newest first, each with Accept and Dismiss while it is open. */
final class CardList {
    static final String NONE = "No strategy suggestions yet: they come with answers about pit stops, fuel and tyres.";

    private final ScrolledComposite scroller;
    private final Composite body;
    private final Font bold;
    private final EngineerAssistant assistant;
    private final Consumer<String> say;
    private final List<Button> accepts = new ArrayList<>();

    CardList(Composite parent, Font bold, EngineerAssistant assistant, Consumer<String> say) {
        this.bold = bold;
        this.assistant = assistant;
        this.say = say;
        scroller = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.BORDER);
        body = new Composite(scroller, SWT.NONE);
        body.setLayout(AssistantPart.grid(1, 6, 6));
        scroller.setContent(body);
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        scroller.addListener(SWT.Resize, e -> fit());
    }

    Control control() {
        return scroller;
    }

    /** The Accept buttons shown, for tests. */
    List<Button> acceptButtons() {
        return List.copyOf(accepts);
    }

    void show(List<Turn> turns) {
        for (Control c : body.getChildren()) {
            c.dispose();
        }
        accepts.clear();
        boolean any = false;
        for (int i = turns.size() - 1; i >= 0; i--) {
            Turn t = turns.get(i);
            for (StrategyCard card : t.cards()) {
                add(card, t.cardStates().getOrDefault(card.id(), CardState.OPEN));
                any = true;
            }
        }
        if (!any) {
            Label none = new Label(body, SWT.WRAP);
            none.setText(NONE);
            none.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        }
        fit();
    }

    private void add(StrategyCard card, CardState state) {
        Group box = new Group(body, SWT.NONE);
        box.setLayout(AssistantPart.grid(3, 6, 4));
        box.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        Label title = new Label(box, SWT.WRAP);
        title.setText(card.title() == null ? card.kind() : card.title());
        title.setFont(bold);
        title.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1));
        Label what = new Label(box, SWT.WRAP);
        what.setText(details(card));
        what.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1));
        Label status = new Label(box, SWT.NONE);
        status.setText(state == CardState.OPEN ? "" : state.name().toLowerCase(Locale.ROOT));
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        boolean open = state == CardState.OPEN;
        Button accept = Buttons.push(box, "Accept", EngineerAssistant.pitStop(card)
                ? "Send this pit stop to the driver's pit box (the driver confirms it)" : "Accept the suggestion",
                () -> say.accept(assistant.accept(card.id())));
        accept.setEnabled(open);
        accepts.add(accept);
        Buttons.push(box, "Dismiss", "Dismiss the suggestion", () -> assistant.dismiss(card.id())).setEnabled(open);
    }

    /** "Lap 23 · add 41.5 L · tyres lf rf · fast repair: reason (facts: ...)". */
    static String details(StrategyCard c) {
        List<String> parts = new ArrayList<>();
        if (c.lap() != null) {
            parts.add("lap " + c.lap());
        }
        if (c.fuelLiters() != null) {
            parts.add(String.format(Locale.ROOT, "add %.1f L", c.fuelLiters()));
        }
        if (c.tyres() != null && !c.tyres().isEmpty()) {
            parts.add("tyres " + String.join(" ", c.tyres()).toUpperCase(Locale.ROOT));
        }
        if (c.fastRepair()) {
            parts.add("fast repair");
        }
        String head = String.join("  \u00b7  ", parts);
        String reason = c.reason() == null ? "" : c.reason();
        String facts = c.factIds() == null || c.factIds().isEmpty() ? "" : " (facts: " + String.join(", ",
                c.factIds()) + ")";
        return (head.isEmpty() ? "" : head + "\n") + reason + facts;
    }

    private void fit() {
        int width = scroller.getClientArea().width;
        scroller.setMinSize(body.computeSize(width > 0 ? width : SWT.DEFAULT, SWT.DEFAULT));
        body.layout(true, true);
    }
}
