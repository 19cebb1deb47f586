package org.pitbox.server.live;

import java.util.function.Consumer;

/** Subject-based messaging between relay nodes: NATS, or in-process for a single node. */
interface Bus extends AutoCloseable {
    /** Handlers must not block; messages of one subject arrive in publish order. */
    Runnable subscribe(String subject, Consumer<byte[]> handler);

    void publish(String subject, byte[] data);

    /** True while messages can flow to the other nodes. */
    boolean isReady();

    @Override
    void close();

    static String data(long teamId, String key) {
        return "pitbox.live." + teamId + "." + key + ".data";
    }

    static String control(long teamId, String key) {
        return "pitbox.live." + teamId + "." + key + ".ctl";
    }

    static String presence(long teamId) {
        return "pitbox.live." + teamId + ".presence";
    }

    /** Membership changes of the team, from the node that made them. */
    static String members(long teamId) {
        return "pitbox.live." + teamId + ".members";
    }
}
