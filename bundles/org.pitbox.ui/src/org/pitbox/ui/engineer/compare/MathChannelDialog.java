package org.pitbox.ui.engineer.compare;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.pitbox.core.math.MathChannel;
import org.pitbox.core.math.MathChannelCheck;
import org.pitbox.core.telemetry.ChannelLayout;

/**
 * Adds or edits a math channel: name, expression and unit, checked as the user types. A problem in the
 * expression is shown under it with a caret at its column; Save is enabled only when the channel is good.
 */
public final class MathChannelDialog extends Dialog {
    private static final String HELP = "Channels by name (Speed, CarIdxLapDistPct[3]), numbers, + - * / ^, "
            + "== != < <= > >= && ||, ( ), abs sqrt min max clamp(x, lo, hi) if(c, a, b), d(x) per second, "
            + "prev(x).";

    private final MathChannel editing;
    private final ChannelLayout layout;
    private final Collection<String> reserved;
    private final List<MathChannel> existing;
    private final List<String> channels;
    private Text name;
    private Text expression;
    private Text unit;
    private Label caret;
    private Label problem;
    private MathChannel result;

    /**
     * @param editing  the channel to edit, null to add one
     * @param layout   what the expression may use (the first session's channels); null checks syntax only
     * @param reserved names taken by recorded channels
     * @param existing the user's math channels
     * @param channels channel names offered for insertion
     */
    public MathChannelDialog(Shell parent, MathChannel editing, ChannelLayout layout, Collection<String> reserved,
            List<MathChannel> existing, List<String> channels) {
        super(parent);
        this.editing = editing;
        this.layout = layout;
        this.reserved = reserved;
        this.existing = existing;
        this.channels = channels;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(editing == null ? "Add Math Channel" : "Edit Math Channel");
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        area.setLayout(new GridLayout(2, false));
        name = field(area, "&Name:", "What the channel is called in the channel list, the charts and CSV");
        expression = field(area, "&Expression:", "A formula over channels, such as Speed * 3.6 or Throttle - Brake");
        expression.setFont(JFaceResources.getTextFont());
        new Label(area, SWT.NONE);
        caret = new Label(area, SWT.NONE);
        caret.setFont(JFaceResources.getTextFont());
        GridData caretSize = new GridData(SWT.FILL, SWT.TOP, true, false);
        GC gc = new GC(caret);
        caretSize.heightHint = 2 * gc.getFontMetrics().getHeight() + 2;
        gc.dispose();
        caret.setLayoutData(caretSize);
        new Label(area, SWT.NONE).setText("&Insert:");
        Combo insert = new Combo(area, SWT.READ_ONLY | SWT.DROP_DOWN);
        insert.setToolTipText("Pick a channel to insert its name into the expression where the caret is");
        insert.add("(a channel to insert)");
        channels.forEach(insert::add);
        insert.select(0);
        insert.setVisibleItemCount(20);
        insert.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        insert.addListener(SWT.Selection, e -> {
            if (insert.getSelectionIndex() > 0) {
                expression.insert(insert.getItem(insert.getSelectionIndex()));
                expression.setFocus();
                insert.select(0);
            }
        });
        unit = field(area, "&Unit:", "The unit the expression gives, such as km/h, C, l, bar or kPa; "
                + "known units are shown in the user's metric or imperial choice. May be empty.");
        problem = new Label(area, SWT.WRAP);
        GridData problemSize = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        problemSize.widthHint = 520;
        problem.setLayoutData(problemSize);
        problem.setForeground(area.getDisplay().getSystemColor(SWT.COLOR_RED));
        problem.setFont(JFaceResources.getFontRegistry().getBold(JFaceResources.DIALOG_FONT));
        Label help = new Label(area, SWT.WRAP);
        GridData helpSize = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        helpSize.widthHint = 520;
        help.setLayoutData(helpSize);
        help.setText(HELP);
        if (editing != null) {
            name.setText(editing.name());
            expression.setText(editing.expression());
            unit.setText(editing.unit());
        }
        for (Text t : new Text[] {name, expression, unit}) {
            t.addListener(SWT.Modify, e -> validate());
        }
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "&Save", true)
                .setToolTipText("Save the channel in your preferences and chart it");
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        validate();
    }

    @Override
    protected Point getInitialSize() {
        Point size = super.getInitialSize();
        return new Point(Math.max(size.x, 600), size.y);
    }

    /** Fills the fields as if typed (for tests and scripted use). */
    public void type(String newName, String newExpression, String newUnit) {
        name.setText(newName);
        expression.setText(newExpression);
        unit.setText(newUnit);
    }

    /** The problem shown, "" when the channel can be saved. */
    public String problem() {
        return problem.getText();
    }

    /** The expression and under it a caret at the problem's column, "" when there is none. */
    public String caret() {
        return caret.getText();
    }

    public boolean canSave() {
        Button ok = getButton(IDialogConstants.OK_ID);
        return ok != null && ok.isEnabled();
    }

    /** Presses Save (when it is enabled). */
    public void save() {
        if (canSave()) {
            okPressed();
        }
    }

    /** The saved channel, null when cancelled. */
    public MathChannel result() {
        return result;
    }

    @Override
    protected void okPressed() {
        result = new MathChannel(name.getText(), expression.getText(), unit.getText());
        super.okPressed();
    }

    private void validate() {
        if (name == null || problem == null) {
            return;
        }
        Optional<MathChannelCheck> check = MathChannelCheck.of(name.getText(), expression.getText(),
                unit.getText(), layout, reserved, existing, editing == null ? null : editing.name());
        String message = check.map(MathChannelCheck::message).orElse("");
        int column = check.filter(c -> c.field() == MathChannelCheck.Field.EXPRESSION).map(MathChannelCheck::column)
                .orElse(0);
        // nothing typed yet is not an error to shout about
        boolean blank = name.getText().isBlank() && expression.getText().isBlank();
        problem.setText(blank ? "" : message);
        // the expression repeated over the caret, in one label and one font, so they line up
        String typed = expression.getText();
        caret.setText(column > 0 && !blank ? typed + "\n" + " ".repeat(column - 1) + "^" : "");
        caret.setForeground(problem.getForeground());
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            ok.setEnabled(check.isEmpty());
        }
        problem.getParent().layout(true);
    }

    private static Text field(Composite area, String label, String tip) {
        Label l = new Label(area, SWT.NONE);
        l.setText(label);
        l.setToolTipText(tip);
        Text t = new Text(area, SWT.BORDER | SWT.SINGLE);
        t.setToolTipText(tip);
        t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return t;
    }
}
