package org.pitbox.server.api;

/** {@link TeamApi} on the embedded H2 database. */
class TeamApiH2Test extends TeamApi {
}
