/**
 * The models behind the Race Engineer's live screens: the lap table, current-over-best lap traces, the track
 * map and the car's state. Each is fed frame by frame from a {@link org.pitbox.core.source.LiveFeed}
 * ({@code update(Frame)}, allocating nothing on most frames); none is thread-safe.
 */
package org.pitbox.core.engineer;
