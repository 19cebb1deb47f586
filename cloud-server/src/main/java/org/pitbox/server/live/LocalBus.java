package org.pitbox.server.live;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The single-node bus: delivers synchronously on the publishing thread. */
final class LocalBus implements Bus {
    private final Map<String, List<Consumer<byte[]>>> handlers = new ConcurrentHashMap<>();

    @Override
    public boolean isReady() {
        return true;
    }

    @Override
    public Runnable subscribe(String subject, Consumer<byte[]> handler) {
        handlers.computeIfAbsent(subject, s -> new CopyOnWriteArrayList<>()).add(handler);
        return () -> handlers.computeIfPresent(subject, (s, list) -> {
            list.remove(handler);
            return list.isEmpty() ? null : list;
        });
    }

    @Override
    public void publish(String subject, byte[] data) {
        List<Consumer<byte[]>> list = handlers.get(subject);
        if (list != null) {
            for (Consumer<byte[]> h : list) {
                h.accept(data);
            }
        }
    }

    @Override
    public void close() {
        handlers.clear();
    }
}
