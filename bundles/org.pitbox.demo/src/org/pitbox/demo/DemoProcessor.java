package org.pitbox.demo;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.MAddon;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.modeling.EModelService;

/** Adds {@link DemoAddon} to the application model; only a workbench with this fragment installed runs it. */
public class DemoProcessor {
    static final String ADDON = "org.pitbox.demo.addon";

    @Execute
    void addDemo(MApplication app, EModelService models) {
        if (app.getAddons().stream().anyMatch(a -> ADDON.equals(a.getElementId()))) {
            return;
        }
        MAddon addon = models.createModelElement(MAddon.class);
        addon.setElementId(ADDON);
        // a fragment has no class loader of its own: its classes load through the host's
        addon.setContributionURI("bundleclass://org.pitbox.ui/" + DemoAddon.class.getName());
        app.getAddons().add(addon);
    }
}
