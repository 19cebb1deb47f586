package org.pitbox.ui.app;

import jakarta.inject.Named;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.css.swt.theme.IThemeEngine;

/** Switches between the dark and light theme; the theme engine remembers the choice. */
public class ThemeHandler {
    public static final String PARAMETER = "org.pitbox.ui.command.theme.id";

    @Execute
    public void execute(@Named(PARAMETER) String themeId, IThemeEngine themes) {
        themes.setTheme(themeId, true);
    }
}
