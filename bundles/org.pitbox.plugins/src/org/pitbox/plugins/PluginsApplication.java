package org.pitbox.plugins;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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

/**
 * The headless application {@code org.pitbox.plugins.cli}: plugin management and the installed analyses from a
 * script, in the installed product. No display is created. Exit status 0, 1 on failure, 2 on a wrong command line.
 */
public final class PluginsApplication implements IApplication {
    private static final String USAGE = """
            usage: pitbox.sh -nosplash -application org.pitbox.plugins.cli COMMAND
              list                    the installed plugins: id, version, name, provider
              available REPO          what a p2 repository (URL or folder) offers
              install REPO ID...      install plugins from a repository
              update [ID...]          update installed plugins from the repositories used so far
              uninstall ID...         remove plugins
              analyze --list          the installed analyses: id, name, version, provider
              analyze FILE [--analysis ID]
                                      run the analyses (or one) on an .ibt and print their figures and tables""";

    private final PrintStream out = System.out;

    @Override
    public Object start(IApplicationContext context) {
        String[] args = (String[]) context.getArguments().getOrDefault(IApplicationContext.APPLICATION_ARGS, new String[0]);
        try {
            return run(args.length == 0 ? "" : args[0], Arrays.asList(args).subList(Math.min(1, args.length), args.length));
        } catch (CoreException e) {
            System.err.println("pitbox: " + new Change(e.getStatus(), false).message());
            return 1;
        } catch (Exception e) {
            System.err.println("pitbox: " + e);
            return 1;
        }
    }

    private Object run(String command, List<String> args) throws Exception {
        BundleContext bundles = FrameworkUtil.getBundle(PluginsApplication.class).getBundleContext();
        NullProgressMonitor monitor = new NullProgressMonitor();
        switch (command) {
            case "list" -> Plugins.running(bundles).installed().forEach(p -> out.println(p.line()));
            case "available" -> {
                if (args.size() != 1) {
                    return usage();
                }
                Plugins.running(bundles).available(Plugins.repository(args.get(0)), monitor).forEach(p -> out.println(p.line()));
            }
            case "install" -> {
                if (args.size() < 2) {
                    return usage();
                }
                return report(Plugins.running(bundles).install(Plugins.repository(args.get(0)), args.subList(1, args.size()), monitor));
            }
            case "update" -> {
                return report(Plugins.running(bundles).update(args, monitor));
            }
            case "uninstall" -> {
                if (args.isEmpty()) {
                    return usage();
                }
                return report(Plugins.running(bundles).uninstall(args, monitor));
            }
            case "analyze" -> {
                List<Analysis> installed = registry(bundles).list();
                if (args.equals(List.of("--list"))) {
                    installed.forEach(a -> out.println(OutcomeText.line(AnalysisRunner.describe(a))));
                } else if (args.size() == 1) {
                    return analyze(installed, Path.of(args.get(0)));
                } else if (args.size() == 3 && args.get(1).equals("--analysis")) {
                    List<Analysis> one = installed.stream()
                            .filter(a -> AnalysisRunner.describe(a).id().equals(args.get(2))).toList();
                    if (one.isEmpty()) {
                        System.err.println("pitbox: unknown analysis '" + args.get(2) + "' (analyze --list shows them)");
                        return 2;
                    }
                    return analyze(one, Path.of(args.get(0)));
                } else {
                    return usage();
                }
            }
            default -> {
                return usage();
            }
        }
        return EXIT_OK;
    }

    private Object report(Change change) {
        out.println(change.message());
        if (change.restartNeeded()) {
            out.println("restart PitBox to use the change");
        }
        return change.ok() ? EXIT_OK : 1;
    }

    private Object analyze(List<Analysis> analyses, Path file) throws Exception {
        if (!Files.isRegularFile(file)) {
            System.err.println("pitbox: no such file: " + file);
            return 1;
        }
        boolean failed = false;
        try (IbtFile ibt = IbtFile.open(file); AnalysisRunner runner = new AnalysisRunner()) {
            IbtSummary summary = IbtSummary.of(ibt);
            for (Outcome outcome : runner.runAll(analyses, summary.sessionData(ibt), null)) {
                OutcomeText.print(outcome, out);
                out.println();
                failed |= outcome.status() == Outcome.Status.FAILED || outcome.status() == Outcome.Status.TIMED_OUT;
            }
        }
        return failed ? 1 : EXIT_OK;
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

    private static Object usage() {
        System.err.println(USAGE);
        return 2;
    }

    @Override
    public void stop() {
        // every command ends on its own
    }
}
