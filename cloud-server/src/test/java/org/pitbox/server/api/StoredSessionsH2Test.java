package org.pitbox.server.api;

/** {@link StoredSessionsApi} on the embedded H2 database. */
class StoredSessionsH2Test extends StoredSessionsApi {
}
