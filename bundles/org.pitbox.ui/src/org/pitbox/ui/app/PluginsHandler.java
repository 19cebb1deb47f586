package org.pitbox.ui.app;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.swt.widgets.Shell;

public class PluginsHandler {
    @Execute
    public void execute(Shell shell, IWorkbench workbench) {
        new PluginsDialog(shell, workbench::restart).open();
    }
}
