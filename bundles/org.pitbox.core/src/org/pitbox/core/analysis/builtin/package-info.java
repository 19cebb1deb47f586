/**
 * PitBox's own analyses, written on the public API like any plugin. Each is a DS component with a public
 * no-arg constructor, so {@code pitbox analyze} can create them without OSGi ({@link Builtins#all()}).
 */
package org.pitbox.core.analysis.builtin;
