package org.pitbox.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.exceptions.UpgradeException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pitbox.protocol.live.LiveControl;

/** Live access follows the token and the membership while a socket is open, not only at its upgrade. */
class LiveAccessTest extends RelayTest {
    private static final long DRIVER = 1;
    private static final long ENGINEER = 2;

    @BeforeEach
    void start() throws Exception {
        node = new TestNode(dir); // a lost publisher would wait 30 s: every end below is at once
    }

    /** The socket is open and handled: a message gets its answer. */
    private static void assertUsable(TestSocket s) throws Exception {
        s.sendText("{}");
        assertNotNull(s.await(LiveControl.ERROR));
    }

    @Test
    void aSocketClosesWhenItsTokenExpiresUnlessTheClientSendsAFreshOne() throws Exception {
        TestSocket refreshed = socket(subscribe(), "viewer-token~3000");
        refreshed.send(LiveControl.token("engineer-token"));
        assertTrue(refreshed.await(LiveControl.ERROR).text().contains("not of this member"), "another user's token");
        refreshed.send(LiveControl.token("viewer-token~60000"));
        TestSocket stale = socket(subscribe(), "engineer-token~3000");
        assertTrue(stale.awaitClose().contains("expired"));
        assertFalse(refreshed.closed.isDone(), "the refreshed socket outlived its first token");
        assertUsable(refreshed);
    }

    @Test
    void aRemovedMemberIsCutOffAtOnceAndARemovedDriverCanNoLongerPublish() throws Exception {
        TestPublisher p = driver();
        TestSocket engineer = socket(subscribe(), "engineer-token");
        TestSocket viewer = socket(subscribe(), "viewer-token");
        SimRows.ROWS.subList(0, 60).forEach(p::publish);
        Frames.take(engineer, 60);

        node.removed.add(ENGINEER);
        node.relay.membershipChanged(TestNode.TEAM, ENGINEER);
        assertTrue(engineer.awaitClose().contains("no longer a member"));
        LiveControl presence;
        do {
            presence = viewer.await(LiveControl.PRESENCE);
        } while (presence.members().stream().anyMatch(m -> m.userId() == ENGINEER));
        SimRows.ROWS.subList(60, 90).forEach(p::publish);
        assertUsable(p.socket);

        node.removed.add(DRIVER);
        node.relay.membershipChanged(TestNode.TEAM, DRIVER);
        assertTrue(p.socket.awaitClose().contains("no longer a member"));
        assertEquals(90, viewer.await(LiveControl.ENDED).seq(), "the session ended at once, not after the grace");
        assertEquals(90, SimRows.decode(SimRows.SCHEMA, Frames.take(viewer, 90)).size());
        TestNode.Stored stored = node.stored.poll(30, TimeUnit.SECONDS);
        assertNotNull(stored, "what was published while a member is kept");
        assertEquals(DRIVER, stored.userId());
        ExecutionException e = assertThrows(ExecutionException.class, () -> driver());
        assertEquals(403, assertInstanceOf(UpgradeException.class, e.getCause()).getResponseStatusCode());
    }

    @Test
    void aNewRoleTakesEffectOnOpenSockets() throws Exception {
        TestPublisher p = driver();
        TestSocket engineer = socket(subscribe(), "engineer-token");
        engineer.send(LiveControl.radio("push"));
        assertEquals("push", p.socket.await(LiveControl.RADIO).text());

        node.roles.put(ENGINEER, LiveRole.VIEWER);
        node.relay.membershipChanged(TestNode.TEAM, ENGINEER);
        LiveControl presence;
        do {
            presence = engineer.await(LiveControl.PRESENCE);
        } while (presence.members().stream().noneMatch(m -> m.userId() == ENGINEER && m.role().equals("viewer")));
        engineer.send(LiveControl.radio("box now"));
        assertTrue(engineer.await(LiveControl.ERROR).text().contains("viewers"), "its radio no longer reaches the driver");

        node.roles.put(DRIVER, LiveRole.VIEWER);
        node.relay.membershipChanged(TestNode.TEAM, DRIVER);
        assertTrue(p.socket.awaitClose().contains("no longer allows publishing"));
        engineer.await(LiveControl.ENDED);
    }
}
