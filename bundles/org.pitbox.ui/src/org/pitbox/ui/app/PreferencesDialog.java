package org.pitbox.ui.app;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.pitbox.ui.services.UiPreferences;

/** Window > Preferences: units and the team server address, saved per user. */
public class PreferencesDialog extends Dialog {
    private final UiPreferences prefs = new UiPreferences();
    private Combo units;
    private Text serverUrl;
    private Label error;

    public PreferencesDialog(Shell parent) {
        super(parent);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("PitBox Preferences");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        area.setLayout(new GridLayout(2, false));
        new Label(area, SWT.NONE).setText("Units:");
        units = new Combo(area, SWT.READ_ONLY);
        units.setItems("Metric (km/h, °C, L, kPa)", "Imperial (mph, °F, gal, psi)");
        units.select(prefs.imperial() ? 1 : 0);
        new Label(area, SWT.NONE).setText("Team server:");
        serverUrl = new Text(area, SWT.BORDER);
        serverUrl.setText(prefs.serverUrl());
        GridData wide = new GridData(SWT.FILL, SWT.CENTER, true, false);
        wide.widthHint = 320;
        serverUrl.setLayoutData(wide);
        error = new Label(area, SWT.WRAP);
        error.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        return area;
    }

    @Override
    protected void okPressed() {
        String url = serverUrl.getText().trim();
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            error.setText("The server address must start with http:// or https://");
            getButton(IDialogConstants.OK_ID).getParent().layout(true, true);
            return;
        }
        prefs.put(UiPreferences.UNITS, units.getSelectionIndex() == 1 ? UiPreferences.IMPERIAL : UiPreferences.METRIC);
        prefs.put(UiPreferences.SERVER_URL, url);
        super.okPressed();
    }
}
