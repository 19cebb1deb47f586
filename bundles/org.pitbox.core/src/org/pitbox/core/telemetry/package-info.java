/**
 * The telemetry model shared by sources, recordings and analyses: self-describing
 * {@link org.pitbox.core.telemetry.ChannelDescriptor}s in a {@link org.pitbox.core.telemetry.ChannelLayout},
 * live rows in a {@link org.pitbox.core.telemetry.Frame}, finished runs as a
 * {@link org.pitbox.core.telemetry.Recording}.
 * <p>
 * Part of the plugin API: package version 1.0.0, evolved by semantic versioning as
 * {@link org.pitbox.core.source} is. Plugins import {@code org.pitbox.core.telemetry;version="[1.0,2.0)"}.
 */
package org.pitbox.core.telemetry;
