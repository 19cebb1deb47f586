package org.pitbox.server.api;

/** {@link SessionApi} on the embedded H2 database. */
class SessionApiH2Test extends SessionApi {
}
