package org.pitbox.ui.engineer.compare;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.FileTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;

/** The Lap Compare part's files: .ibt files dropped or chosen to add, and where to save CSV and PNG. */
final class CompareFiles {
    private final Consumer<String[]> opened;

    /** {@code opened} takes the paths of files dropped or chosen. */
    CompareFiles(Consumer<String[]> opened) {
        this.opened = opened;
    }

    /** Accepts files dropped on {@code control}. */
    void acceptDrops(Control control) {
        if (control.getData(DND.DROP_TARGET_KEY) != null) {
            return;
        }
        DropTarget drop = new DropTarget(control, DND.DROP_COPY | DND.DROP_DEFAULT | DND.DROP_MOVE);
        drop.setTransfer(new Transfer[] {FileTransfer.getInstance()});
        drop.addDropListener(new DropTargetAdapter() {
            @Override
            public void dragEnter(DropTargetEvent event) {
                if (event.detail == DND.DROP_DEFAULT || event.detail == DND.DROP_MOVE) {
                    event.detail = (event.operations & DND.DROP_COPY) != 0 ? DND.DROP_COPY : DND.DROP_NONE;
                }
            }

            @Override
            public void drop(DropTargetEvent event) {
                if (event.data instanceof String[] files && files.length > 0) {
                    opened.accept(files);
                }
            }
        });
    }

    /** Asks for .ibt files to add. */
    void chooseSessions(Shell shell) {
        FileDialog dialog = new FileDialog(shell, SWT.OPEN | SWT.MULTI);
        dialog.setFilterExtensions(new String[] {"*.ibt", "*.*"});
        dialog.setFilterNames(new String[] {"iRacing telemetry (*.ibt)", "All files"});
        if (dialog.open() != null) {
            String folder = dialog.getFilterPath();
            opened.accept(Arrays.stream(dialog.getFileNames()).map(n -> Path.of(folder, n).toString())
                    .toArray(String[]::new));
        }
    }

    /** Asks where to save a {@code filter} file, {@code name} proposed; hands it to {@code save}. */
    static void chooseSave(Shell shell, String filter, String name, Consumer<Path> save) {
        FileDialog dialog = new FileDialog(shell, SWT.SAVE);
        dialog.setFilterExtensions(new String[] {filter});
        dialog.setFileName(name);
        dialog.setOverwrite(true);
        String chosen = dialog.open();
        if (chosen != null) {
            save.accept(Path.of(chosen));
        }
    }
}
