package org.pitbox.ui.app;

import jakarta.inject.Named;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

public class SwitchPerspectiveHandler {
    public static final String PARAMETER = "org.pitbox.ui.command.perspective.id";

    @Execute
    public void execute(@Named(PARAMETER) String perspectiveId, MApplication app, EModelService models,
            EPartService parts) {
        MUIElement element = models.find(perspectiveId, app);
        if (element instanceof MPerspective perspective) {
            parts.switchPerspective(perspective);
        }
    }
}
