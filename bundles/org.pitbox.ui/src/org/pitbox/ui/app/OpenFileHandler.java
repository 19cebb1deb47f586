package org.pitbox.ui.app;

import java.nio.file.Path;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.pitbox.ui.engineer.session.SessionPart;

/** File > Open: shows an .ibt file in the Race Engineer perspective's Session part. */
public class OpenFileHandler {
    static final String ENGINEER = "org.pitbox.ui.perspective.engineer";

    @Execute
    public void execute(Shell shell, MApplication app, EModelService models, EPartService parts) {
        FileDialog dialog = new FileDialog(shell, SWT.OPEN);
        dialog.setText("Open Telemetry File");
        dialog.setFilterExtensions(new String[] {"*.ibt", "*.*"});
        dialog.setFilterNames(new String[] {"iRacing telemetry (*.ibt)", "All files"});
        String chosen = dialog.open();
        if (chosen == null) {
            return;
        }
        MUIElement perspective = models.find(ENGINEER, app);
        if (perspective instanceof MPerspective p) {
            parts.switchPerspective(p);
        }
        MPart part = parts.showPart(SessionPart.ID, EPartService.PartState.ACTIVATE);
        if (part != null && part.getObject() instanceof SessionPart session) {
            session.open(Path.of(chosen));
        }
    }
}
