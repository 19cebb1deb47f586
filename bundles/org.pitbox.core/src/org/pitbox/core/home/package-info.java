/** Where the desktop keeps the user's state ({@code ~/.pitbox}, or {@code -Dpitbox.home}). */
package org.pitbox.core.home;
