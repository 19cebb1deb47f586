package org.pitbox.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pitbox.protocol.live.LiveControl;
import org.pitbox.protocol.live.LiveProtocol;
import org.pitbox.server.PitboxServer;
import org.pitbox.server.ServerConfig;

/** A whole server: a membership change made through the REST API reaches the member's open live sockets. */
class LiveMembershipTest {
    @Test
    void membersWhoLeaveOrAreRemovedLoseTheirLiveSocketsAtOnce(@TempDir Path dir) throws Exception {
        WebSocketClient client = new WebSocketClient();
        try (PitboxServer server = PitboxServer.start(ServerConfig.from(
                new String[] {"--port", "0", "--data-dir", dir.toString()}, Map.of()))) {
            client.start();
            ServerHttp http = new ServerHttp(server);
            ServerHttp.Account owner = http.account("owner");
            long team = http.team(owner, "Removal Racing");
            ServerHttp.Account driver = http.account("driver");
            http.accept(http.invite(team, owner, "driver"), driver);
            ServerHttp.Account engineer = http.account("engineer");
            http.accept(http.invite(team, owner, "engineer"), engineer);
            ServerHttp.Account viewer = http.account("viewer");
            http.accept(http.invite(team, owner, "viewer"), viewer);

            String key = "car7";
            TestSocket watching = TestSocket.connect(client, http.ws(LiveProtocol.subscribePath(team, key)),
                    owner.token());
            TestSocket removed = TestSocket.connect(client, http.ws(LiveProtocol.subscribePath(team, key)),
                    engineer.token());
            TestSocket leaving = TestSocket.connect(client, http.ws(LiveProtocol.teamPath(team)), viewer.token());
            TestPublisher car = new TestPublisher(SimRows.SCHEMA, SimRows.YAML);
            car.connect(client, http.ws(LiveProtocol.publishPath(team, key)), driver.token());
            SimRows.ROWS.subList(0, 60).forEach(car::publish);
            Frames.take(removed, 60);

            http.delete("/api/v1/teams/" + team + "/members/" + engineer.id(), owner.token());
            assertTrue(removed.awaitClose().contains("no longer a member"));
            http.delete("/api/v1/teams/" + team + "/members/me", viewer.token());
            assertTrue(leaving.awaitClose().contains("no longer a member"));
            http.delete("/api/v1/teams/" + team + "/members/" + driver.id(), owner.token());
            assertTrue(car.socket.awaitClose().contains("no longer a member"));
            assertEquals(60, watching.await(LiveControl.ENDED).seq(), "the removed driver's session ended at once");

            JsonNode sessions = http.awaitSessions(team, owner);
        assertEquals(1, sessions.get("total").asInt(), "what the driver sent as a member is kept: " + sessions);
        } finally {
            client.stop();
        }
    }
}
