package org.pitbox.plugins;

import org.eclipse.core.runtime.IStatus;

/** What an install, update or uninstall did: its status, and whether PitBox must restart to use it. */
public record Change(IStatus status, boolean restartNeeded) {
    public boolean ok() {
        return status.getSeverity() < IStatus.ERROR && status.getSeverity() != IStatus.CANCEL;
    }

    /** The status's message and those of its children, one a line. */
    public String message() {
        StringBuilder b = new StringBuilder(status.getMessage());
        for (IStatus child : status.getChildren()) {
            b.append(System.lineSeparator()).append("  ").append(child.getMessage());
        }
        return b.toString();
    }
}
