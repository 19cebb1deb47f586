package org.pitbox.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutionException;
import org.eclipse.jetty.websocket.api.exceptions.UpgradeException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pitbox.protocol.live.LiveControl;
import org.pitbox.protocol.live.LiveProtocol;

/**
 * An engineer's {@code pit-plan} over real WebSockets: bounded, stamped with the sender and forwarded to the
 * session's driver only; viewers, publishers and other teams cannot send one to this team's driver.
 */
class PitPlanTest extends RelayTest {
    private static final LiveControl.PitPlan PLAN = new LiveControl.PitPlan(32.5, List.of("lf", "lf", "rr"), true,
            "card-7");

    @BeforeEach
    void start() throws Exception {
        node = new TestNode(dir);
    }

    @Test
    void theEngineersPlanReachesTheDriverOnlyWithWhoSentIt() throws Exception {
        TestPublisher driver = driver();
        TestSocket engineer = socket(subscribe(), "engineer-token");
        engineer.await(LiveControl.SESSION);

        TestPublisher rivalDriver = rivalDriver();
        TestSocket rival = rival();
        rival.send(LiveControl.pitPlan(KEY, new LiveControl.PitPlan(99.0, List.of(), false, null), null, null));
        assertEquals(99.0, rivalDriver.socket.await(LiveControl.PIT_PLAN).pitPlan().fuelLiters(),
                "the other team's plan goes to their own driver with the same key");

        engineer.send(LiveControl.pitPlan(KEY, PLAN, 77L, "Someone Else"));
        LiveControl got = driver.socket.await(LiveControl.PIT_PLAN);
        assertEquals(32.5, got.pitPlan().fuelLiters(), "the first plan the driver gets is the team's own");
        assertEquals(List.of("lf", "rr"), got.pitPlan().tyres(), "each tyre once");
        assertTrue(got.pitPlan().fastRepair());
        assertEquals("card-7", got.pitPlan().cardId());
        assertEquals(2L, got.userId(), "the server names the sender, not the message");
        assertEquals("Eli Engineer", got.name());
        assertEquals(KEY, got.sessionKey());

        noneBeforeMarker(engineer, LiveControl.PIT_PLAN, "subscribers do not get plans");

        assertEquals(403, upgradeStatus("rival-token"), "another team cannot watch, so cannot send");
    }

    @Test
    void plansOutOfBoundsOrFromTheWrongSocketAreRefused() throws Exception {
        TestPublisher driver = driver();
        TestSocket engineer = socket(subscribe(), "engineer-token");
        for (LiveControl.PitPlan bad : List.of(new LiveControl.PitPlan(200.5, List.of(), false, null),
                new LiveControl.PitPlan(-1.0, null, false, null), new LiveControl.PitPlan(null, List.of("lf", "xx"), false, null),
                new LiveControl.PitPlan(null, List.of("lf", "rf", "lr", "rr", "lf"), false, null),
                new LiveControl.PitPlan(null, null, false, "no spaces allowed"))) {
            engineer.send(LiveControl.pitPlan(KEY, bad, null, null));
            assertTrue(engineer.await(LiveControl.ERROR).text().startsWith("pit-plan"), "refused: " + bad);
        }
        engineer.send(LiveControl.pitPlan(KEY, null, null, null));
        assertEquals("pit-plan needs a pitPlan", engineer.await(LiveControl.ERROR).text());
        engineer.send(LiveControl.pitPlan("other", PLAN, null, null));
        assertEquals("pit-plan names another session", engineer.await(LiveControl.ERROR).text());

        TestSocket viewer = socket(subscribe(), "viewer-token");
        viewer.send(LiveControl.pitPlan(KEY, PLAN, null, null));
        assertTrue(viewer.await(LiveControl.ERROR).text().contains("viewers"));
        TestSocket team = socket(node.uri(LiveProtocol.teamPath(TestNode.TEAM)), "owner-token");
        team.send(LiveControl.pitPlan(KEY, PLAN, null, null));
        assertTrue(team.await(LiveControl.ERROR).text().contains("subscribe socket"));
        driver.socket.send(LiveControl.pitPlan(KEY, PLAN, null, null));
        assertTrue(driver.socket.await(LiveControl.ERROR).text().contains("subscribe socket"));

        engineer.send(LiveControl.pitPlan(KEY, new LiveControl.PitPlan(200.0, null, false, null), null, null));
        LiveControl fine = driver.socket.await(LiveControl.PIT_PLAN);
        assertEquals(200.0, fine.pitPlan().fuelLiters(), "every refused plan stayed on the server");
        assertEquals(List.of(), fine.pitPlan().tyres());
        assertNull(fine.pitPlan().cardId());
    }

    private int upgradeStatus(String token) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> TestSocket.connect(client, subscribe(),
                token));
        return assertInstanceOf(UpgradeException.class, e.getCause()).getResponseStatusCode();
    }
}
