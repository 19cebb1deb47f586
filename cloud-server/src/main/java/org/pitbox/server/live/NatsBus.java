package org.pitbox.server.live;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/** The bus between nodes: core NATS, one connection and one dispatcher thread per node. */
final class NatsBus implements Bus {
    private final Connection nats;
    private final Dispatcher dispatcher;

    NatsBus(String url) throws IOException {
        try {
            nats = Nats.connect(new Options.Builder().server(url).connectionName("pitbox-live")
                    .maxReconnects(-1).build());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while connecting to " + url, e);
        }
        dispatcher = nats.createDispatcher();
    }

    Connection connection() {
        return nats;
    }

    /** True if the NATS server has JetStream enabled. */
    boolean hasJetStream() {
        return nats.getServerInfo().isJetStreamAvailable();
    }

    @Override
    public boolean isReady() {
        return nats.getStatus() == Connection.Status.CONNECTED;
    }

    @Override
    public Runnable subscribe(String subject, Consumer<byte[]> handler) {
        Subscription sub = dispatcher.subscribe(subject, msg -> handler.accept(msg.getData()));
        try {
            nats.flush(Duration.ofSeconds(5)); // subscribed once this returns, as with the local bus
        } catch (TimeoutException | InterruptedException e) {
            throw new IllegalStateException("NATS did not confirm the subscription to " + subject, e);
        }
        return () -> dispatcher.unsubscribe(sub);
    }

    @Override
    public void publish(String subject, byte[] data) {
        nats.publish(subject, data);
    }

    @Override
    public void close() {
        try {
            nats.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
