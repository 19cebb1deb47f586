package org.pitbox.server.api;

/** {@link SpeechApi} on the embedded H2 database. */
class SpeechH2Test extends SpeechApi {
}
