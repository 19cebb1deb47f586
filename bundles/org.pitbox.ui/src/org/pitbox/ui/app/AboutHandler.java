package org.pitbox.ui.app;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.FrameworkUtil;

public class AboutHandler {
    @Execute
    public void execute(Shell shell) {
        MessageDialog.openInformation(shell, "About PitBox", aboutText());
    }

    /** Product name, version and runtime, as shown in Help > About. */
    public static String aboutText() {
        String version = FrameworkUtil.getBundle(AboutHandler.class).getVersion().toString();
        return "PitBox " + version + "\n\nTelemetry, voice and team tools for iRacing.\n\nJava "
                + System.getProperty("java.version") + " on " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch");
    }
}
