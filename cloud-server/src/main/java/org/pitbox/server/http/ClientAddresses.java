package org.pitbox.server.http;

import java.util.List;
import java.util.Set;
import org.eclipse.jetty.server.Request;
import org.pitbox.server.ServerConfig;

/**
 * A request's client address: the connection's peer, unless the peer is a proxy the operator trusts; then the
 * last address in the configured header that is not itself a trusted proxy. A header from anyone else is ignored,
 * so a client cannot choose its own address.
 */
public final class ClientAddresses {
    private final String header;
    private final Set<String> trusted;

    public ClientAddresses(ServerConfig.ClientAddress config) {
        this.header = config.header();
        this.trusted = Set.copyOf(config.trustedProxies());
    }

    public String of(Request request) {
        String peer = Request.getRemoteAddr(request);
        if (!trusted.contains(peer) || header == null) {
            return peer;
        }
        List<String> hops = request.getHeaders().getValuesList(header);
        for (int h = hops.size() - 1; h >= 0; h--) {
            String[] addresses = hops.get(h).split(",");
            for (int i = addresses.length - 1; i >= 0; i--) {
                String address = addresses[i].strip();
                if (!address.isEmpty() && !trusted.contains(address)) {
                    return address;
                }
            }
        }
        return peer;
    }
}
