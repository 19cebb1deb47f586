package org.pitbox.ui.app;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.RowData;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.osgi.service.event.Event;

/** Toggle buttons in the top trim, one per perspective, with the current one pressed. */
public class PerspectiveSwitcher {
    private static final String CURRENT = "\u25CF ";
    private final List<Button> buttons = new ArrayList<>();

    @Inject
    private EModelService models;
    @Inject
    private EPartService parts;
    @Inject
    private MApplication application;

    @PostConstruct
    public void create(Composite parent) {
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayout(new RowLayout(SWT.HORIZONTAL));
        List<MPerspective> perspectives = models.findElements(application, null, MPerspective.class);
        int key = 1;
        for (MPerspective perspective : perspectives) {
            Button button = new Button(bar, SWT.TOGGLE);
            button.setToolTipText(perspective.getTooltip() + " (Ctrl+" + key++ + ")");
            button.setData(perspective);
            button.addListener(SWT.Selection, e -> {
                parts.switchPerspective(perspective);
                refresh();
            });
            button.setText(CURRENT + perspective.getLabel());
            Point markedSize = button.computeSize(SWT.DEFAULT, SWT.DEFAULT);
            button.setLayoutData(new RowData(markedSize.x, markedSize.y));
            buttons.add(button);
        }
        refresh();
    }

    @Inject
    @Optional
    void selectionChanged(@UIEventTopic(UIEvents.ElementContainer.TOPIC_SELECTEDELEMENT) Event event) {
        if (event.getProperty(UIEvents.EventTags.NEW_VALUE) instanceof MPerspective) {
            refresh();
        }
    }

    /** Presses the current perspective's button and marks its label, since themes may hide the press. */
    private void refresh() {
        for (Button button : buttons) {
            if (!button.isDisposed()) {
                MPerspective p = (MPerspective) button.getData();
                boolean current = p.getParent() != null && p.getParent().getSelectedElement() == p;
                button.setSelection(current);
                button.setText((current ? CURRENT : "") + p.getLabel());
            }
        }
    }
}
