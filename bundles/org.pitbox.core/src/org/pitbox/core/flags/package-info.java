/**
 * iRacing's bit fields as enums: {@link org.pitbox.core.flags.SessionFlag} ({@code SessionFlags}) and
 * {@link org.pitbox.core.flags.EngineWarning} ({@code EngineWarnings}), for the simulator that writes them and
 * the live models that read them.
 */
package org.pitbox.core.flags;
