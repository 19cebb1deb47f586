package org.pitbox.itests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;
import org.pitbox.core.analysis.run.AnalysisRegistry;
import org.pitbox.core.source.TelemetrySource;

/** Inside Equinox with the product's feature: every PitBox DS component must be satisfied. */
class DeclarativeServicesTest {
    private static BundleContext context;

    @BeforeAll
    static void startPitboxBundles() throws BundleException {
        context = FrameworkUtil.getBundle(DeclarativeServicesTest.class).getBundleContext();
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName().startsWith("org.pitbox.") && isStartable(b)) {
                b.start(Bundle.START_TRANSIENT);
            }
        }
    }

    private static boolean isStartable(Bundle b) {
        return b.getHeaders().get("Fragment-Host") == null && b.getState() != Bundle.ACTIVE;
    }

    @Test
    void everyPitboxComponentIsSatisfied() {
        ServiceReference<ServiceComponentRuntime> ref = context.getServiceReference(ServiceComponentRuntime.class);
        assertTrue(ref != null, "Felix SCR is not running");
        ServiceComponentRuntime scr = context.getService(ref);
        List<Bundle> pitbox = Arrays.stream(context.getBundles())
                .filter(b -> b.getSymbolicName().startsWith("org.pitbox.")).toList();
        List<String> problems = new ArrayList<>();
        int components = 0;
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(pitbox.toArray(Bundle[]::new))) {
            components++;
            if (!scr.isComponentEnabled(description)) {
                problems.add(description.name + " is disabled");
                continue;
            }
            for (ComponentConfigurationDTO config : scr.getComponentConfigurationDTOs(description)) {
                if (config.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE
                        || config.state == ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION
                        || config.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    problems.add(description.name + ": " + describe(config));
                }
            }
        }
        assertTrue(components > 0, "no PitBox DS components were found: is OSGI-INF missing from the bundles?");
        if (!problems.isEmpty()) {
            fail("unsatisfied PitBox components:\n" + String.join("\n", problems));
        }
    }

    @Test
    void telemetrySourcesAreRegistered() throws Exception {
        List<String> ids = context.getServiceReferences(TelemetrySource.class, null).stream()
                .map(r -> context.getService(r).id()).sorted().toList();
        assertFalse(ids.isEmpty(), "no TelemetrySource services");
        assertTrue(ids.containsAll(List.of("ibt-replay", "iracing-live", "simulator")), "sources: " + ids);
        assertTrue(ids.contains("example-test-pattern"), "the example third-party source is bound too: " + ids);
    }

    @Test
    void analysisRegistryBindsTheBuiltIns() {
        AnalysisRegistry registry = context.getService(context.getServiceReference(AnalysisRegistry.class));
        List<String> ids = registry.list().stream().map(a -> a.describe().id()).toList();
        assertTrue(ids.containsAll(List.of("pitbox.lap-times", "pitbox.corners", "pitbox.throttle",
                "pitbox.consistency", "pitbox.fuel", "pitbox.tyres")), "analyses: " + ids);
        assertTrue(ids.contains("com.example.time-lost-per-corner"), "the example plugin is bound too: " + ids);
    }

    private static String describe(ComponentConfigurationDTO config) {
        StringBuilder s = new StringBuilder("state " + config.state);
        if (config.failure != null) {
            s.append(", failure: ").append(config.failure);
        }
        for (UnsatisfiedReferenceDTO r : config.unsatisfiedReferences) {
            s.append(", missing ").append(r.name).append(" (").append(r.target).append(')');
        }
        return s.toString();
    }
}
