package org.pitbox.server.api;

/** {@link AiGatewayApi} on the embedded H2 database. */
class AiGatewayH2Test extends AiGatewayApi {
}
