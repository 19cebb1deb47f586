/**
 * Finding and running analyses: the {@link org.pitbox.core.analysis.run.AnalysisRegistry} service that binds
 * every installed {@link org.pitbox.core.analysis.Analysis}, and the
 * {@link org.pitbox.core.analysis.run.AnalysisRunner} that runs them off the caller's thread with progress,
 * cancellation and a time limit. For the workbench and the command line, not for plugins.
 * <p>
 * Package version 0.1.0.
 */
package org.pitbox.core.analysis.run;
