/**
 * The analysis plugin API. An {@link org.pitbox.core.analysis.Analysis} is a Declarative Services component
 * that reads a {@link org.pitbox.core.analysis.SessionData} and returns an
 * {@link org.pitbox.core.analysis.AnalysisResult}: series, markers, tables and figures that the workbench and
 * {@code pitbox analyze} render without plugin UI code. Laps are {@link org.pitbox.core.analysis.LapInfo}s,
 * deltas {@link org.pitbox.core.analysis.DeltaTrace}s; sessions are built from a
 * {@link org.pitbox.core.telemetry.Recording}.
 * <p>
 * Package version 2.0.0, evolved by semantic versioning: a new type, a new method of a class or a new default
 * method raises the minor version; a removed or changed signature, or a new abstract method on an interface
 * (plugins implement them), raises the major version. Plugins import
 * {@code org.pitbox.core.analysis;version="[2.0,3.0)"}.
 */
package org.pitbox.core.analysis;
