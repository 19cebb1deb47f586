package org.pitbox.server.live;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.pitbox.protocol.live.LiveControl;

/**
 * Who of one team is connected, across nodes. Each node announces its own connections on the team's
 * bus subject when they change and every few seconds; announcements older than {@link #EXPIRY_MILLIS}
 * are forgotten (a node that died). Every change is pushed to the team's local connections. A change of
 * a member's membership, announced on the team's members subject by whichever node made it, goes to
 * {@code recheck} for each of that member's local connections.
 */
final class Presence {
    static final long REFRESH_MILLIS = 5_000;
    static final long EXPIRY_MILLIS = 15_000;

    /** One node's connections of the team, as announced on the bus; {@code who} asks the others to announce. */
    record Announcement(String node, boolean who, List<LiveControl.Member> members) {
    }

    /** The user's membership of the team changed. */
    record Changed(long userId) {
    }

    private record Remote(List<LiveControl.Member> members, long at) {
    }

    private final Bus bus;
    private final String node;
    private final long teamId;
    private final Consumer<LiveSocket> recheck;
    private final Map<LiveSocket, LiveControl.Member> local = new LinkedHashMap<>();
    private final Map<String, Remote> remote = new LinkedHashMap<>();
    private Runnable unsubscribe;

    Presence(Bus bus, String node, long teamId, Consumer<LiveSocket> recheck) {
        this.bus = bus;
        this.node = node;
        this.teamId = teamId;
        this.recheck = recheck;
    }

    void start() {
        Runnable presence = bus.subscribe(Bus.presence(teamId), this::onBus);
        Runnable members = bus.subscribe(Bus.members(teamId), this::onChanged);
        unsubscribe = () -> {
            presence.run();
            members.run();
        };
    }

    /** Adds a connection, or updates one whose role changed; the first one also asks the other nodes to announce. */
    void join(LiveSocket socket) {
        boolean first;
        synchronized (this) {
            first = local.isEmpty();
            local.put(socket, socket.presence());
        }
        announce(first);
        push();
    }

    /** Returns true if this node has no connection of the team left (and stops following it). */
    boolean leave(LiveSocket socket) {
        boolean empty;
        synchronized (this) {
            local.remove(socket);
            empty = local.isEmpty();
        }
        announce(false);
        if (empty) {
            unsubscribe.run();
        } else {
            push();
        }
        return empty;
    }

    /** The team's connections on this node. */
    synchronized List<LiveSocket> sockets() {
        return List.copyOf(local.keySet());
    }

    void refresh() {
        boolean expired;
        synchronized (this) {
            long now = System.currentTimeMillis();
            expired = remote.values().removeIf(r -> now - r.at() > EXPIRY_MILLIS);
        }
        announce(false);
        if (expired) {
            push();
        }
    }

    private void announce(boolean who) {
        List<LiveControl.Member> members;
        synchronized (this) {
            members = List.copyOf(local.values());
        }
        bus.publish(Bus.presence(teamId), Json.bytes(new Announcement(node, who, members)));
    }

    private void onBus(byte[] data) {
        Announcement a = Json.readOrNull(data, Announcement.class);
        if (a == null) {
            return;
        }
        if (node.equals(a.node())) {
            return;
        }
        synchronized (this) {
            if (a.members().isEmpty()) {
                remote.remove(a.node());
            } else {
                remote.put(a.node(), new Remote(a.members(), System.currentTimeMillis()));
            }
        }
        if (a.who()) {
            announce(false);
        }
        push();
    }

    private void onChanged(byte[] data) {
        Changed c = Json.readOrNull(data, Changed.class);
        if (c == null) {
            return;
        }
        for (LiveSocket s : sockets()) {
            if (s.member().userId() == c.userId()) {
                recheck.accept(s);
            }
        }
    }

    /** Sends the merged list to every local connection of the team. */
    private void push() {
        List<LiveControl.Member> all = new ArrayList<>();
        List<LiveSocket> targets;
        synchronized (this) {
            all.addAll(local.values());
            remote.values().forEach(r -> all.addAll(r.members()));
            targets = List.copyOf(local.keySet());
        }
        List<LiveControl.Session> sessions = new ArrayList<>();
        for (LiveControl.Member m : all) {
            if (LiveSocket.Mode.PUBLISH.wireName().equals(m.mode())) {
                sessions.add(new LiveControl.Session(m.sessionKey(), m.userId(), m.name()));
            }
        }
        String message = Json.text(LiveControl.presence(all, sessions));
        targets.forEach(s -> s.out().send(message));
    }
}
