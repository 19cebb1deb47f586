/**
 * The analysis plugin API. An {@link org.pitbox.core.analysis.Analysis} is a Declarative Services component
 * that reads a {@link org.pitbox.core.analysis.SessionData} and returns an
 * {@link org.pitbox.core.analysis.AnalysisResult}: series, markers, tables and figures that the workbench and
 * {@code pitbox analyze} render without plugin UI code.
 * <p>
 * Package version 1.0.0, evolved by semantic versioning: a new method or type raises the minor version, a
 * change that breaks implementers or callers raises the major version. Plugins import
 * {@code org.pitbox.core.analysis;version="[1.0,2.0)"}.
 */
package org.pitbox.core.analysis;
