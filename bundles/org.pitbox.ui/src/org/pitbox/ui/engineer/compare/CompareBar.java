package org.pitbox.ui.engineer.compare;

import java.nio.file.Path;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.pitbox.ui.services.UiPreferences;

/** The Lap Compare part's bar: add a session, export CSV and PNG, units, the state line, progress and Cancel. */
final class CompareBar {
    private static final String[] UNIT_CHOICES = {"Metric (km/h, °C, L, kPa)", "Imperial (mph, °F, gal, psi)"};
    private static final String CSV_TIP = "Save the ticked laps and channels, aligned by distance, as CSV";
    private static final String PNG_TIP = "Save the charts as they are on screen as a PNG image";

    /** What the bar's buttons do. */
    interface Actions {
        void addSessions();

        void exportCsv(Path file);

        void savePng(Path file);

        void cancelled();
    }

    /** A sentence on what the part does or did. */
    final Label state;
    /** The part's work off the UI thread, shown in the bar's progress and stopped by its Cancel. */
    final Background background;
    private final Button exportCsv;
    private final Button savePng;
    private final Combo units;

    /** The units choice writes {@code prefs}; the part's jobs belong to the family {@code jobs}. */
    CompareBar(Composite parent, UISynchronize ui, Object jobs, UiPreferences prefs, Actions actions) {
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        GridLayout barLayout = new GridLayout(7, false);
        barLayout.marginWidth = 0;
        barLayout.marginHeight = 0;
        bar.setLayout(barLayout);
        button(bar, "&Add session...", "Compare with laps of another .ibt: another driver, another day "
                + "(or drop .ibt files on this part)").addListener(SWT.Selection, e -> actions.addSessions());
        exportCsv = button(bar, "Export &CSV...", CSV_TIP);
        exportCsv.addListener(SWT.Selection,
                e -> CompareFiles.chooseSave(bar.getShell(), "*.csv", "lap-compare.csv", actions::exportCsv));
        savePng = button(bar, "Save P&NG...", PNG_TIP);
        savePng.addListener(SWT.Selection,
                e -> CompareFiles.chooseSave(bar.getShell(), "*.png", "lap-compare.png", actions::savePng));
        units = new Combo(bar, SWT.READ_ONLY);
        units.setItems(UNIT_CHOICES);
        units.setToolTipText("Units of the charts and the cursor values (also in Window > Preferences); "
                + "CSV keeps the recording's units");
        showUnits(prefs.imperial());
        units.addListener(SWT.Selection, e -> prefs.put(UiPreferences.UNITS,
                units.getSelectionIndex() == 1 ? UiPreferences.IMPERIAL : UiPreferences.METRIC));
        state = new Label(bar, SWT.NONE);
        state.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        ProgressBar progress = new ProgressBar(bar, SWT.HORIZONTAL);
        progress.setToolTipText("Reading or comparing in the background; the part stays usable");
        GridData progressSize = new GridData(SWT.RIGHT, SWT.CENTER, false, false);
        progressSize.widthHint = 160;
        progress.setLayoutData(progressSize);
        Button cancel = button(bar, "Cancel", "Stop reading and comparing (Esc in the charts only hides the cursor)");
        cancel.setLayoutData(new GridData(SWT.RIGHT, SWT.CENTER, false, false));
        cancel.addListener(SWT.Selection, e -> actions.cancelled());
        background = new Background(ui, progress, cancel, jobs);
    }

    Composite control() {
        return state.getParent();
    }

    boolean disposed() {
        return units.isDisposed();
    }

    void showUnits(boolean imperial) {
        units.select(imperial ? 1 : 0);
    }

    /** Export and Save work once laps are compared. */
    void enable(boolean compared) {
        exportCsv.setEnabled(compared);
        savePng.setEnabled(compared);
        String why = compared ? "" : " (tick laps and channels first)";
        exportCsv.setToolTipText(CSV_TIP + why);
        savePng.setToolTipText(PNG_TIP + why);
    }

    private static Button button(Composite parent, String text, String tip) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.setToolTipText(tip);
        return b;
    }
}
