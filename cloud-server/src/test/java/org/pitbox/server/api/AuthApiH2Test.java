package org.pitbox.server.api;

/** {@link AuthApi} on the embedded H2 database. */
class AuthApiH2Test extends AuthApi {
}
