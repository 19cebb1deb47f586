package org.pitbox.ui.tests;

import java.util.Map;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** What the product's branding gives E4Application, so a test can start the workbench itself. */
public final class TestApplicationContext implements IApplicationContext {
    private final Map<String, String> branding = Map.of(
            "applicationXMI", "org.pitbox.ui/Application.e4xmi",
            "cssTheme", "org.pitbox.ui.theme.dark",
            "persistState", "false",
            "appName", "PitBox");

    @Override
    public Map<String, Object> getArguments() {
        return Map.of(IApplicationContext.APPLICATION_ARGS, new String[0]);
    }

    @Override
    public void applicationRunning() {
    }

    @Override
    public String getBrandingApplication() {
        return "org.eclipse.e4.ui.workbench.swt.E4Application";
    }

    @Override
    public String getBrandingName() {
        return "PitBox";
    }

    @Override
    public String getBrandingDescription() {
        return "PitBox";
    }

    @Override
    public String getBrandingId() {
        return "org.pitbox.ui.product";
    }

    @Override
    public String getBrandingProperty(String key) {
        return branding.get(key);
    }

    @Override
    public Bundle getBrandingBundle() {
        return FrameworkUtil.getBundle(TestApplicationContext.class);
    }

    @Override
    public void setResult(Object result, org.eclipse.equinox.app.IApplication application) {
    }
}
