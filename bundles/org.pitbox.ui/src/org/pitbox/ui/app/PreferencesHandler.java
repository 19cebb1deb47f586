package org.pitbox.ui.app;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.swt.widgets.Shell;

public class PreferencesHandler {
    @Execute
    public void execute(Shell shell) {
        new PreferencesDialog(shell).open();
    }
}
