package org.pitbox.app.live;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.pitbox.client.live.LiveSession;
import org.pitbox.client.live.RowProjection;
import org.pitbox.core.engineer.CarState;
import org.pitbox.core.engineer.LapTable;
import org.pitbox.core.engineer.LapTraces;
import org.pitbox.core.engineer.SectorSplits;
import org.pitbox.core.engineer.TrackMap;
import org.pitbox.core.telemetry.ChannelLayout;
import org.pitbox.core.telemetry.Frame;

/**
 * The engineer's models of the watched live session (lap table, traces of the current and best lap, track map,
 * car state), fed with every row on the subscriber's thread. Readers take {@link #read} on any thread; it holds
 * the models still while they look. Listeners hear of a new session, a completed lap and the end.
 */
@Component(service = LiveBoard.class)
public class LiveBoard {
    /** What changed on the board. */
    public enum Change { SESSION, LAP, CLEAR }

    /** Hears the board change, on the thread that changed it (the subscriber's, or the one that cleared it). */
    @FunctionalInterface
    public interface Listener {
        void boardChanged(Change change);
    }

    /** The models of one session; only touch them inside {@link LiveBoard#read}. */
    public record Models(LiveSession session, LapTable laps, LapTraces traces, TrackMap map, CarState car) {
    }

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private Models models;
    private Frame frame;
    private int lapCount;
    private long rows;

    public void addListener(Listener l) {
        listeners.add(l);
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    private void tell(Change change) {
        listeners.forEach(l -> l.boardChanged(change));
    }

    /** A new watched session: fresh models for its layout and sectors. */
    public void session(LiveSession session) {
        ChannelLayout layout = RowProjection.layoutOf(session.schema());
        LapTable table = new LapTable(layout, SectorSplits.of(session.sessionInfo() == null ? ""
                : session.sessionInfo()));
        synchronized (lock) {
            models = new Models(session, table, new LapTraces(layout, table), new TrackMap(layout),
                    new CarState(layout, table));
            frame = new Frame(layout);
            lapCount = 0;
            rows = 0;
        }
        tell(Change.SESSION);
    }

    /** One row of the watched session, in order; called on the subscriber's thread. */
    public void row(long seq, byte[] row) {
        boolean lapDone;
        synchronized (lock) {
            if (models == null || row.length != frame.layout().rowLength()) {
                return;
            }
            frame.row().put(0, row, 0, row.length);
            frame.setTick(seq);
            models.laps().update(frame);
            models.traces().update(frame);
            models.map().update(frame);
            models.car().update(frame);
            rows++;
            int n = models.laps().laps().size();
            lapDone = n != lapCount;
            lapCount = n;
        }
        if (lapDone) {
            tell(Change.LAP);
        }
    }

    /** Forgets the session (nobody is watched). */
    @Deactivate
    public void clear() {
        synchronized (lock) {
            models = null;
            frame = null;
        }
        tell(Change.CLEAR);
    }

    /** Runs {@code reader} with the models held still; does nothing when no session is watched. */
    public void read(Consumer<Models> reader) {
        synchronized (lock) {
            if (models != null) {
                reader.accept(models);
            }
        }
    }

    public boolean active() {
        synchronized (lock) {
            return models != null;
        }
    }

    /** Rows taken since the session started. */
    public long rows() {
        synchronized (lock) {
            return rows;
        }
    }
}
