package org.pitbox.app.team;

import static org.pitbox.app.team.DemoServerProcess.await;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.pitbox.app.feed.ActiveFeed;
import org.pitbox.app.live.EngineerLive;
import org.pitbox.app.live.LiveBoard;
import org.pitbox.client.live.Bandwidth;
import org.pitbox.core.live.LinkLevel;
import org.pitbox.core.sim.SimulatorSource;
import org.pitbox.core.source.LiveFeed;
import org.pitbox.video.VideoPicture;

/**
 * The demo team's driver and engineer in one test, as the video tests set them up: the driver's {@link TeamSession}
 * on the simulator's feed, the engineer's and an {@link EngineerLive} onto a board. {@link #signInDriver} and
 * {@link #goLive} bring them onto a {@link DemoServerProcess}; {@link #close} disposes of all of it.
 */
final class DriverAndEngineer implements AutoCloseable {
    final ActiveFeed feed = new ActiveFeed();
    final TeamSession driver = new TeamSession(feed, new MemoryStore(), new MemorySettings());
    final TeamSession engineerSide = new TeamSession(new ActiveFeed(), new MemoryStore(), new MemorySettings());
    final EngineerLive engineer;
    private final LiveBoard board;

    DriverAndEngineer(LiveBoard board) {
        this.board = board;
        engineer = new EngineerLive(board);
    }

    /** Calls {@code each} with every picture the engineer decodes. */
    void onVideo(Consumer<VideoPicture> each) {
        engineer.addListener(new EngineerLive.Listener() {
            @Override
            public void changed(EngineerLive.Change change) {
            }

            @Override
            public void video(VideoPicture picture) {
                each.accept(picture);
            }
        });
    }

    /** Signs the driver in at {@code base}: the server's address, or a link's in front of it. */
    void signInDriver(String base) throws Exception {
        driver.signIn(base, DemoServerProcess.DRIVER, DemoServerProcess.PASSWORD).get(30, TimeUnit.SECONDS);
    }

    /**
     * With the driver signed in: starts the simulator and streams its rows, as {@code rows} passes them on, at full
     * bandwidth; once the link is live signs the engineer in at {@code server} and watches the driver's session
     * until the engineer takes rows.
     *
     * @return what {@code rows} made of the simulator's feed
     */
    <F extends LiveFeed> F goLive(String server, Function<LiveFeed, F> rows) throws Exception {
        feed.start(new SimulatorSource(), null);
        F streamed = rows.apply(feed.feed());
        driver.startStreaming(streamed, Bandwidth.FULL);
        await(() -> driver.link().level() == LinkLevel.OK, 30, "the link is live");
        engineerSide.signIn(server, DemoServerProcess.ENGINEER, DemoServerProcess.PASSWORD).get(30, TimeUnit.SECONDS);
        engineer.watch(engineerSide.client(), engineerSide.team(), driver.sessionKey());
        await(() -> board.rows() > 0, 30, "the engineer takes rows");
        return streamed;
    }

    /** {@link #goLive(String, Function)} with the simulator's rows as they come. */
    void goLive(String server) throws Exception {
        goLive(server, Function.identity());
    }

    @Override
    public void close() {
        engineer.closeAll();
        engineerSide.dispose();
        driver.dispose();
        feed.stop();
    }
}
