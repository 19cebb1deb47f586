/**
 * Request and response bodies of the cloud server's REST API (below {@link org.pitbox.protocol.ApiPaths#API_ROOT}),
 * shared by the server and the desktop client. Times are ISO-8601 instants in UTC, as strings.
 */
package org.pitbox.protocol.api;
