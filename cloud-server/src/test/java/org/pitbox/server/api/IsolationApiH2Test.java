package org.pitbox.server.api;

/** {@link IsolationApi} on the embedded H2 database. */
class IsolationApiH2Test extends IsolationApi {
}
