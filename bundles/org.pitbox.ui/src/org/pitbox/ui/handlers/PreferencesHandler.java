package org.pitbox.ui.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.swt.widgets.Shell;
import org.pitbox.ui.support.PreferencesDialog;

public class PreferencesHandler {
    @Execute
    public void execute(Shell shell) {
        new PreferencesDialog(shell).open();
    }
}
