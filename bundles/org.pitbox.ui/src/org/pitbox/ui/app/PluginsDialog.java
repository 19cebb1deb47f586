package org.pitbox.ui.app;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.osgi.framework.FrameworkUtil;
import org.pitbox.plugins.Change;
import org.pitbox.plugins.Plugin;
import org.pitbox.plugins.Plugins;
import org.pitbox.ui.widgets.Buttons;

/**
 * Window > Plugins: load a p2 repository (URL or folder), check plugins, install, update or uninstall them.
 * Operations run in a Job and report progress here; "Restart now" appears when a change needs a restart.
 */
public class PluginsDialog extends Dialog {
    /** One row: the plugin as installed and/or as the loaded repository offers it. */
    private record Row(Plugin installed, Plugin offered) {
        Plugin any() {
            return installed != null ? installed : offered;
        }

        String state() {
            if (installed == null) {
                return "available";
            }
            return offered == null || offered.version().equals(installed.version()) ? "installed"
                    : "installed, " + offered.version() + " available";
        }
    }

    private final Runnable restart;
    private Plugins plugins;
    private URI loaded;
    private Text repository;
    private Table table;
    private Button load;
    private Button install;
    private Button update;
    private Button uninstall;
    private Button restartNow;
    private ProgressBar progress;
    private Label status;
    private boolean busy;

    public PluginsDialog(Shell parent, Runnable restart) {
        super(parent);
        this.restart = restart;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("PitBox Plugins");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        area.setLayout(new GridLayout(4, false));
        new Label(area, SWT.NONE).setText("Repository:");
        repository = new Text(area, SWT.BORDER);
        repository.setMessage("https://... or a folder");
        repository.setToolTipText("A p2 update site: its URL, or a local folder holding content.jar and artifacts.jar");
        repository.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        repository.addModifyListener(e -> enable());
        Buttons.push(area, "Browse...", "Choose a repository folder", this::browse);
        load = Buttons.push(area, "Load", "List what the repository offers", () -> load(repository.getText()));

        table = new Table(area, SWT.CHECK | SWT.BORDER | SWT.FULL_SELECTION);
        table.setHeaderVisible(true);
        GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1);
        tableData.widthHint = 640;
        tableData.heightHint = 220;
        table.setLayoutData(tableData);
        for (String title : List.of("Plugin", "Version", "Provider", "State")) {
            new TableColumn(table, SWT.NONE).setText(title);
        }
        table.addListener(SWT.Selection, e -> enable());

        Composite actions = new Composite(area, SWT.NONE);
        actions.setLayout(new GridLayout(5, false));
        actions.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));
        install = Buttons.push(actions, "Install", null,
                () -> run("Installing", m -> plugins.install(loaded, checked(true), m)));
        update = Buttons.push(actions, "Update", null,
                () -> run("Updating", m -> plugins.update(checked(false), m)));
        uninstall = Buttons.push(actions, "Uninstall", null,
                () -> run("Uninstalling", m -> plugins.uninstall(checked(false), m)));
        progress = new ProgressBar(actions, SWT.HORIZONTAL);
        progress.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        restartNow = Buttons.push(actions, "Restart now", "Restart PitBox to use the changes", this::restart);
        restartNow.setVisible(false);
        status = new Label(area, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 4, 1));

        try {
            plugins = Plugins.running(FrameworkUtil.getBundle(PluginsDialog.class).getBundleContext());
            show(List.of());
        } catch (CoreException e) {
            status.setText(e.getStatus().getMessage());
        }
        enable();
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.CLOSE_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    @Override
    protected void buttonPressed(int id) {
        close();
    }

    @Override
    public boolean close() {
        return !busy && super.close();
    }

    /** Loads the repository off the UI thread, then lists it beside the installed plugins. */
    public void load(String urlOrFolder) {
        repository.setText(urlOrFolder);
        URI uri = Plugins.repository(urlOrFolder);
        background("Loading " + uri, monitor -> {
            List<Plugin> offered = plugins.available(uri, monitor);
            getShell().getDisplay().asyncExec(() -> {
                loaded = uri;
                show(offered);
            });
            return offered.size() + " plugins in " + uri;
        });
    }

    private interface Work {
        String run(IProgressMonitor monitor) throws CoreException;
    }

    private interface Operation {
        Change run(IProgressMonitor monitor) throws CoreException;
    }

    private void run(String name, Operation operation) {
        background(name, monitor -> {
            Change change = operation.run(monitor);
            getShell().getDisplay().asyncExec(() -> {
                restartNow.setVisible(restartNow.getVisible() || change.restartNeeded());
                show(offered());
            });
            return change.message() + (change.restartNeeded() ? " - restart PitBox to use the change" : "");
        });
    }

    /** Runs {@code work} in a Job with the progress bar as its monitor; its text or error ends in the status line. */
    private void background(String name, Work work) {
        busy = true;
        enable();
        status.setText(name + "...");
        IProgressMonitor monitor = new BarMonitor();
        Job.create(name, m -> {
            String message;
            try {
                message = work.run(monitor);
            } catch (CoreException | RuntimeException e) {
                message = e instanceof CoreException c ? new Change(c.getStatus(), false).message() : e.toString();
            }
            String text = message;
            getShell().getDisplay().asyncExec(() -> {
                busy = false;
                if (!status.isDisposed()) {
                    status.setText(text);
                    progress.setSelection(0);
                    enable();
                    status.getParent().layout(true, true);
                }
            });
        }).schedule();
    }

    /** Progress reported from the Job's thread, shown on the bar. */
    private final class BarMonitor extends NullProgressMonitor {
        private int total;
        private double done;

        @Override
        public void beginTask(String name, int totalWork) {
            total = totalWork;
            done = 0;
            ui(() -> progress.setMaximum(Math.max(1, totalWork)));
        }

        @Override
        public void internalWorked(double work) {
            done += work;
            int at = (int) Math.min(total, done);
            ui(() -> progress.setSelection(at));
        }

        @Override
        public void worked(int work) {
            internalWorked(work);
        }

        private void ui(Runnable r) {
            getShell().getDisplay().asyncExec(() -> {
                if (!progress.isDisposed()) {
                    r.run();
                }
            });
        }
    }

    private void show(List<Plugin> offered) {
        Map<String, Row> rows = new LinkedHashMap<>();
        String error = null;
        try {
            plugins.installed().forEach(p -> rows.put(p.id(), new Row(p, null)));
        } catch (CoreException e) {
            error = e.getStatus().getMessage();
        }
        for (Plugin p : offered) {
            rows.merge(p.id(), new Row(null, p), (a, b) -> new Row(a.installed(), p));
        }
        table.removeAll();
        for (Row row : rows.values()) {
            TableItem item = new TableItem(table, SWT.NONE);
            Plugin p = row.any();
            item.setText(new String[] {p.name().isEmpty() ? p.id() : p.name(), p.version(), p.provider(), row.state()});
            item.setData(row);
        }
        for (TableColumn column : table.getColumns()) {
            column.pack();
        }
        if (error != null) {
            status.setText(error);
        }
        enable();
    }

    private List<Plugin> offered() {
        List<Plugin> offered = new ArrayList<>();
        for (TableItem item : table.getItems()) {
            Row row = (Row) item.getData();
            if (row.offered() != null) {
                offered.add(row.offered());
            }
        }
        return offered;
    }

    /** The ids of the checked rows that are offered ({@code available}) or installed. */
    private List<String> checked(boolean available) {
        List<String> ids = new ArrayList<>();
        for (TableItem item : table.getItems()) {
            Row row = (Row) item.getData();
            if (item.getChecked() && (available ? row.offered() != null && row.installed() == null : row.installed() != null)) {
                ids.add(row.any().id());
            }
        }
        return ids;
    }

    private void enable() {
        if (load == null || install == null || restartNow == null) {
            return;
        }
        boolean ready = plugins != null && !busy;
        load.setEnabled(ready && !repository.getText().isBlank());
        set(install, ready && !checked(true).isEmpty(), "Install the checked plugins", "Load a repository and check plugins to install");
        set(update, ready && !checked(false).isEmpty(), "Update the checked plugins from the repositories loaded so far",
                "Check installed plugins to update");
        set(uninstall, ready && !checked(false).isEmpty(), "Uninstall the checked plugins", "Check installed plugins to uninstall");
    }

    private static void set(Button button, boolean enabled, String enabledTip, String disabledTip) {
        button.setEnabled(enabled);
        button.setToolTipText(enabled ? enabledTip : disabledTip);
    }

    private void browse() {
        String folder = new DirectoryDialog(getShell()).open();
        if (folder != null) {
            repository.setText(folder);
        }
    }

    private void restart() {
        super.close();
        restart.run();
    }

}
