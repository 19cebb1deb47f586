/**
 * The telemetry source plugin API (SPI). A {@link org.pitbox.core.source.TelemetrySource} is a Declarative
 * Services component that opens a {@link org.pitbox.core.source.LiveFeed}; consumers poll the feed for
 * {@link org.pitbox.core.telemetry.Frame}s. {@link org.pitbox.core.source.RecentRows} keeps the last rows for
 * {@link org.pitbox.core.source.LiveFeed#readNext}.
 * <p>
 * Package version 1.0.0, evolved by semantic versioning: a new type, a new method of a class or a new default
 * method raises the minor version; a removed or changed signature, or a new abstract method on an interface
 * (plugins implement them), raises the major version. Plugins import
 * {@code org.pitbox.core.source;version="[1.0,2.0)"} and {@code org.pitbox.core.telemetry;version="[1.0,2.0)"}.
 */
package org.pitbox.core.source;
