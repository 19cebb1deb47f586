package org.pitbox.plugins;

import java.io.PrintStream;
import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.pitbox.core.analysis.Analysis;
import org.pitbox.core.analysis.run.AnalysisRegistry;
import org.pitbox.core.analysis.run.AnalysisRunner;
import org.pitbox.core.analysis.run.Outcome;
import org.pitbox.core.analysis.run.OutcomeText;
import org.pitbox.iracing.IbtSummary;
import org.pitbox.iracing.ibt.IbtFile;
import org.pitbox.plugins.CommandLine.Analyze;
import org.pitbox.plugins.CommandLine.Available;
import org.pitbox.plugins.CommandLine.Help;
import org.pitbox.plugins.CommandLine.Install;
import org.pitbox.plugins.CommandLine.ListAnalyses;
import org.pitbox.plugins.CommandLine.ListPlugins;
import org.pitbox.plugins.CommandLine.Request;
import org.pitbox.plugins.CommandLine.Uninstall;
import org.pitbox.plugins.CommandLine.Update;

/**
 * The headless application {@code org.pitbox.plugins.cli}: plugin management and the installed analyses from a
 * script, in the installed product. No display is created. Exit status 0 (also for --help), 1 on failure, 2 on a
 * wrong command line; each error is one line on standard error.
 */
public final class PluginsApplication implements IApplication {
    private static final int FAILED = 1;
    private static final int USAGE = 2;

    private final PrintStream out = System.out;

    @Override
    public Object start(IApplicationContext context) {
        String[] args = (String[]) context.getArguments().getOrDefault(IApplicationContext.APPLICATION_ARGS, new String[0]);
        try {
            return run(CommandLine.read(List.of(args)));
        } catch (CommandLine.Wrong e) {
            System.err.println("pitbox: " + e.getMessage());
            return USAGE;
        } catch (CoreException e) {
            System.err.println("pitbox: " + new Change(e.getStatus(), false).message());
            return FAILED;
        } catch (Exception e) {
            System.err.println("pitbox: " + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()));
            return FAILED;
        }
    }

    private Object run(Request request) throws Exception {
        BundleContext bundles = FrameworkUtil.getBundle(PluginsApplication.class).getBundleContext();
        NullProgressMonitor monitor = new NullProgressMonitor();
        switch (request) {
            case Help help -> out.println(help.text());
            case ListPlugins list -> Plugins.running(bundles).installed().forEach(p -> out.println(p.line()));
            case Available available -> Plugins.running(bundles)
                    .available(Plugins.repository(available.repository()), monitor).forEach(p -> out.println(p.line()));
            case Install install -> {
                return report(Plugins.running(bundles).install(Plugins.repository(install.repository()), install.ids(),
                        monitor));
            }
            case Update update -> {
                return report(Plugins.running(bundles).update(update.ids(), monitor));
            }
            case Uninstall uninstall -> {
                return report(Plugins.running(bundles).uninstall(uninstall.ids(), monitor));
            }
            case ListAnalyses list -> registry(bundles).list()
                    .forEach(a -> out.println(OutcomeText.line(AnalysisRunner.describe(a))));
            case Analyze analyze -> {
                return analyze(analyze, registry(bundles).list());
            }
        }
        return EXIT_OK;
    }

    private Object report(Change change) {
        out.println(change.message());
        if (change.restartNeeded()) {
            out.println("restart PitBox to use the change");
        }
        return change.ok() ? EXIT_OK : FAILED;
    }

    private Object analyze(Analyze request, List<Analysis> installed) throws Exception {
        List<Analysis> analyses = installed.stream().filter(a -> request.analysis() == null
                || AnalysisRunner.describe(a).id().equals(request.analysis())).toList();
        if (analyses.isEmpty() && request.analysis() != null) {
            throw new CommandLine.Wrong("unknown analysis '" + request.analysis()
                    + "'; pitbox analyze --list shows the installed ones");
        }
        boolean failed = false;
        try (IbtFile ibt = IbtFile.openNamed(request.file()); AnalysisRunner runner = new AnalysisRunner()) {
            IbtSummary summary = IbtSummary.of(ibt);
            for (Outcome outcome : runner.runAll(analyses, summary.sessionData(ibt), null)) {
                OutcomeText.print(outcome, out);
                out.println();
                failed |= outcome.status() == Outcome.Status.FAILED || outcome.status() == Outcome.Status.TIMED_OUT;
            }
        }
        return failed ? FAILED : EXIT_OK;
    }

    private static AnalysisRegistry registry(BundleContext bundles) throws InterruptedException {
        ServiceTracker<AnalysisRegistry, AnalysisRegistry> tracker = new ServiceTracker<>(bundles, AnalysisRegistry.class, null);
        tracker.open();
        AnalysisRegistry registry = tracker.waitForService(10_000);
        if (registry == null) {
            throw new IllegalStateException("the analysis registry did not start");
        }
        return registry;
    }

    @Override
    public void stop() {
        // every command ends on its own
    }
}
