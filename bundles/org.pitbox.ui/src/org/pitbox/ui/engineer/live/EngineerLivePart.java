package org.pitbox.ui.engineer.live;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IStylingEngine;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.pitbox.app.live.EngineerLive;
import org.pitbox.app.live.LiveBoard;
import org.pitbox.app.live.RadioClip;
import org.pitbox.app.team.TeamSession;
import org.pitbox.client.live.SubscriberStatus;
import org.pitbox.protocol.live.LiveControl;
import org.pitbox.ui.services.Listening;
import org.pitbox.ui.services.UiPreferences;
import org.pitbox.ui.widgets.Buttons;
import org.pitbox.ui.widgets.TextFit;
import org.pitbox.ui.widgets.VideoCanvas;
import org.pitbox.ui.widgets.VideoWindow;
import org.pitbox.video.VideoPicture;

/**
 * The engineer watches a team member's live session through the server: the lap in progress over the best lap
 * and the lap table on the left; the track map, the car's figures and radio to the driver on the right, where
 * the figures always show in full and the map takes what is left.
 */
public class EngineerLivePart {
    public static final String ID = "org.pitbox.ui.part.engineerlive";
    /** Charts redraw at up to 20 Hz, the car on the map at 10 Hz, the figures about three times a second. */
    private static final int FRAME_MILLIS = 50;
    private static final int MAP_EVERY = 2;
    private static final int TABLE_EVERY = 6;
    private static final int RADIO_LINES = 3;
    /** Radio lines kept in the log (a clip holds up to 320 kB). */
    private static final int RADIO_KEPT = 100;
    private static final String CHANNELS = "liveChannels";
    private static final String STYLE = "pitbox.style";

    @Inject
    private EngineerLive live;
    @Inject
    private TeamSession team;
    @Inject
    private IStylingEngine styling;
    @Inject
    private LiveBoard board;
    @Inject
    private UISynchronize ui;
    private Listening listening;
    private final UiPreferences prefs = new UiPreferences();

    private Combo sessions;
    private Button watch;
    private Button stop;
    private Label connection;
    private LiveTraceChart traces;
    private Combo channelChoice;
    private Button addChannel;
    private Button removeChannel;
    private TrackMapCanvas map;
    private VideoCanvas video;
    private Composite sights;
    private VideoWindow videoWindow;
    private CarStateView car;
    private LiveLapTable lapTable;
    private org.eclipse.swt.widgets.List radioLog;
    private Text radioText;
    private Button radioSend;
    private Button radioPlay;
    private Label radioProblem;
    /** What each radio line is, newest first: the clip to play, or null for text. */
    private final List<RadioClip> radioClips = new ArrayList<>();
    private long shownRows = -1;
    /** Frames shown, and the frames the map and the figures were last repainted on. */
    private int frames;
    private int mapFrame = -MAP_EVERY;
    private int tableFrame = -TABLE_EVERY;
    /** The lap table shown: whose and how many laps (it changes only when a lap completes). */
    private Object tabledLaps;
    private int tabledCount = -1;

    @PostConstruct
    public void create(Composite parent) {
        listening = new Listening(ui);
        listening.team(team, this::onTeam);
        listening.engineer(live, new EngineerLive.Listener() {
            @Override
            public void changed(EngineerLive.Change change) {
                onEngineer(change);
            }

            @Override
            public void radio(String fromName, String text) {
                onRadio(fromName + ": " + text, null);
            }

            @Override
            public void radioClip(RadioClip clip) {
                onRadio(clip.label(), clip);
            }

            @Override
            public void video(VideoPicture picture) {
                video.show(picture);
            }
        });
        parent.setLayout(new GridLayout(1, false));
        Composite top = new Composite(parent, SWT.NONE);
        top.setLayout(new GridLayout(4, false));
        top.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        new Label(top, SWT.NONE).setText("Live session");
        sessions = new Combo(top, SWT.READ_ONLY);
        sessions.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        sessions.setToolTipText("Team members on track now");
        watch = Buttons.push(top, "Watch", "Watch the chosen session", this::watchSelected);
        stop = Buttons.push(top, "Stop", "Stop watching this session", live::stopWatching);
        connection = new Label(top, SWT.NONE);
        GridData line = new GridData(SWT.FILL, SWT.TOP, true, false, 4, 1);
        line.widthHint = 1; // one line as wide as the part: a new text never lays the part out again
        connection.setLayoutData(line);
        connection.addListener(SWT.Resize, e -> fitConnection());

        SashForm columns = new SashForm(parent, SWT.HORIZONTAL);
        columns.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        SashForm left = new SashForm(columns, SWT.VERTICAL);
        Composite charts = new Composite(left, SWT.NONE);
        charts.setLayout(new GridLayout(1, false));
        traces = new LiveTraceChart(charts);
        traces.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        // the row under the charts has a composite of its own: GTK paints the charts' siblings with every frame
        Composite chartTools = new Composite(charts, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(4).spacing(5, 5).applyTo(chartTools);
        chartTools.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        channelChoice = new Combo(chartTools, SWT.READ_ONLY);
        channelChoice.setToolTipText("Any channel of the watched car, to chart over its best lap");
        channelChoice.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        addChannel = Buttons.push(chartTools, "Add chart", "Chart the chosen channel too", this::addChannel);
        removeChannel = Buttons.push(chartTools, "Remove last", "Take the bottom chart away", this::removeChannel);
        Buttons.push(chartTools, "Default charts", "Speed, throttle, brake, gear and steering", () -> setChannels(
                LiveTraceChart.DEFAULT_CHANNELS));
        lapTable = new LiveLapTable(left);
        left.setWeights(64, 36);

        Composite side = new Composite(columns, SWT.NONE);
        side.setLayout(new GridLayout(1, false));
        sights = new Composite(side, SWT.NONE); // the map, and beside it the driver's video once it comes
        GridLayoutFactory.fillDefaults().numColumns(1).equalWidth(true).applyTo(sights);
        GridData sightsData = new GridData(SWT.FILL, SWT.FILL, true, true);
        sightsData.minimumHeight = 80;
        sights.setLayoutData(sightsData);
        map = new TrackMapCanvas(sights);
        map.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        video = new VideoCanvas(sights);
        GridData videoData = new GridData(SWT.FILL, SWT.FILL, true, true);
        videoData.exclude = true;
        video.control().setLayoutData(videoData);
        video.control().setVisible(false);
        videoWindow = new VideoWindow(video, () -> "Driver's video: " + watchedDriver(), out -> showVideo());
        car = new CarStateView(side, styling);
        Composite radio = new Composite(side, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(radio);
        radio.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        radioLog = new org.eclipse.swt.widgets.List(radio, SWT.BORDER | SWT.V_SCROLL);
        GridData logData = new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1);
        logData.heightHint = RADIO_LINES * radioLog.getItemHeight();
        radioLog.setLayoutData(logData);
        radioLog.setToolTipText("Radio: your messages and the driver's, newest first; pick a clip to play it");
        radioLog.addListener(SWT.Selection, e -> enablePlay());
        radioLog.addListener(SWT.DefaultSelection, e -> playClip());
        radioText = new Text(radio, SWT.BORDER);
        radioText.setMessage("Message to the driver (shown on the overlay)");
        radioText.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        radioText.addListener(SWT.DefaultSelection, e -> sendRadio());
        radioSend = Buttons.push(radio, "Send", "Send the message to the driver (Enter)", this::sendRadio);
        radioPlay = Buttons.push(radio, "Play", "Play the driver's radio clip picked above", this::playClip);
        radioPlay.setEnabled(false);
        radioProblem = new Label(radio, SWT.WRAP);
        GridData problemData = new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1);
        problemData.widthHint = 250;
        problemData.exclude = true; // takes room only when there is a problem to say
        radioProblem.setLayoutData(problemData);
        radioProblem.setVisible(false);
        columns.setWeights(62, 38);
        setChannels(savedChannels());
        refresh();
        scheduleTick();
    }

    /** For tests: the live session choice, the Watch button, the lap table, the charts and the car's figures. */
    Combo sessionChoice() {
        return sessions;
    }

    Button watchButton() {
        return watch;
    }

    Table lapTableControl() {
        return lapTable.control();
    }

    public String carFigure(String caption) {
        return car.text(caption);
    }

    LiveTraceChart traceChart() {
        return traces;
    }

    /** Where the row of a car figure is drawn, on the display. */
    Rectangle carFigureBounds(String caption) {
        Rectangle r = car.rowBounds(caption);
        Point at = car.control().toDisplay(r.x, r.y);
        return new Rectangle(at.x, at.y, r.width, r.height);
    }

    Control carFigures() {
        return car.control();
    }

    private List<String> savedChannels() {
        String saved = prefs.get(CHANNELS, "");
        return saved.isBlank() ? LiveTraceChart.DEFAULT_CHANNELS : List.of(saved.split(","));
    }

    private void setChannels(List<String> names) {
        traces.setChannels(names);
        prefs.put(CHANNELS, String.join(",", names));
        frame(true);
    }

    private void addChannel() {
        int i = channelChoice.getSelectionIndex();
        if (i >= 0) {
            List<String> names = new ArrayList<>(traces.channels());
            if (!names.contains(channelChoice.getItem(i))) {
                names.add(channelChoice.getItem(i));
                setChannels(names);
            }
        }
    }

    private void removeChannel() {
        List<String> names = new ArrayList<>(traces.channels());
        if (names.size() > 1) {
            names.remove(names.size() - 1);
            setChannels(names);
        }
    }

    /** What the tables show, taken while the models are held still; no lap rows when no lap completed. */
    private record Tables(List<LiveLapTable.Row> laps, int sectors, Map<String, String> figures,
            List<String> traced) {
    }

    /**
     * One frame: the charts take the traces and repaint the stretch the car covered. The car on the map and the
     * figures join a frame the charts repaint anyway, so GTK paints the window once for all of them (each paint
     * costs about as much however little changed); while the charts stand still they go alone, at half their
     * rate. With {@code all}, everything now. The lap table changes only when a lap completes.
     */
    private void frame(boolean all) {
        if (traces.control().isDisposed()) {
            return;
        }
        frames++;
        long rows = board.rows();
        boolean mapDue = all || frames - mapFrame >= MAP_EVERY;
        boolean tableDue = all || frames - tableFrame >= TABLE_EVERY;
        if (rows == shownRows && !tableDue) {
            return; // nothing new since the last frame
        }
        shownRows = rows;
        boolean[] any = {false};
        board.read(m -> {
            any[0] = true;
            traces.take(m.traces());
        });
        if (!any[0]) {
            showNobody(tableDue);
            return;
        }
        boolean painting = traces.redrawChanged() || all;
        if (mapDue && (painting || frames - mapFrame >= 2 * MAP_EVERY)) {
            mapFrame = frames;
            board.read(m -> map.take(m.map()));
            map.redrawChanged();
        }
        if (tableDue && (painting || frames - tableFrame >= 2 * TABLE_EVERY)) {
            tableFrame = frames;
            showTables();
        }
    }

    /** The figures, the lap table when a lap completed, and the channels to add. */
    private void showTables() {
        if (traces.imperial() != prefs.imperial()) {
            traces.setImperial(prefs.imperial()); // the units preference changed
        }
        Tables[] tables = {null};
        board.read(m -> {
            boolean lapDone = m.laps() != tabledLaps || m.laps().laps().size() != tabledCount;
            tabledLaps = m.laps();
            tabledCount = m.laps().laps().size();
            tables[0] = new Tables(lapDone ? LiveLapTable.rows(m.laps()) : null, m.laps().sectorCount(),
                    CarStateView.texts(m), m.traces().channels());
        });
        Tables t = tables[0];
        if (t == null) {
            return;
        }
        if (t.laps() != null) {
            lapTable.show(t.laps(), t.sectors(), traces.dark());
        } else {
            lapTable.recolor(traces.dark()); // the theme may have changed
        }
        car.show(t.figures());
        if (channelChoice.getItemCount() != t.traced().size()) {
            channelChoice.setItems(t.traced().stream().sorted().toArray(String[]::new));
            channelChoice.select(Math.max(0, channelChoice.indexOf("RPM")));
        }
        enableChannels();
    }

    private void showNobody(boolean withTables) {
        tabledLaps = null;
        traces.clear("Nobody is watched yet. Pick a live session above and press Watch; drivers start one"
                + " under Driver > Team.");
        map.clear();
        if (withTables) {
            tableFrame = frames;
            lapTable.show(List.of(), 0, traces.dark());
            car.show(Map.of());
            channelChoice.removeAll();
            enableChannels();
        }
    }

    private void enableChannels() {
        boolean canAdd = channelChoice.getItemCount() > 0;
        addChannel.setEnabled(canAdd);
        channelChoice.setEnabled(canAdd);
        removeChannel.setEnabled(traces.channels().size() > 1);
    }

    private void scheduleTick() {
        Display display = traces.control().getDisplay();
        display.timerExec(FRAME_MILLIS, new Runnable() {
            @Override
            public void run() {
                if (traces.control().isDisposed()) {
                    return;
                }
                if (traces.control().isVisible()) {
                    frame(false);
                }
                display.timerExec(FRAME_MILLIS, this);
            }
        });
    }

    private void watchSelected() {
        int i = sessions.getSelectionIndex();
        List<LiveControl.Session> live = this.live.sessions();
        if (i < 0 || i >= live.size()) {
            return;
        }
        this.live.watch(team.client(), team.team(), live.get(i).sessionKey());
    }

    private void sendRadio() {
        String text = radioText.getText().strip();
        if (!text.isEmpty() && live.radio(text)) {
            radioText.setText("");
        }
    }

    private void onTeam(String sentence) {
        if (team.signedIn() && team.team() != null) {
            live.follow(team.client(), team.team());
        } else if (!team.signedIn()) {
            live.closeAll();
        }
        if (sessions != null && !sessions.isDisposed()) {
            refresh();
        }
    }

    private void onEngineer(EngineerLive.Change change) {
        if (sessions != null && !sessions.isDisposed()) {
            if (change == EngineerLive.Change.STOPPED || change == EngineerLive.Change.ENDED) {
                video.clear();
                videoWindow.close();
            }
            showVideo();
            refresh();
        }
    }

    /** The video shares the map's row while it has a picture and no window of its own. */
    private void showVideo() {
        boolean out = videoWindow.isOpen();
        boolean shown = video.hasPicture() && !out;
        GridData data = (GridData) video.control().getLayoutData();
        if (data.exclude == shown) {
            data.exclude = !shown;
            ((GridLayout) sights.getLayout()).numColumns = shown ? 2 : 1;
            sights.layout(true, true);
        }
        video.control().setVisible(shown || out);
    }

    /** The watched session's driver, as the session list names them. */
    private String watchedDriver() {
        String key = live.watchedKey();
        return live.sessions().stream().filter(s -> s.sessionKey().equals(key)).map(LiveControl.Session::driverName)
                .findFirst().orElse("Team Live");
    }

    /** For tests: the video's own window. */
    VideoWindow videoWindow() {
        return videoWindow;
    }

    /** For tests: the video, and the connection line with its figures. */
    VideoCanvas videoCanvas() {
        return video;
    }

    String connectionLine() {
        return connection.getToolTipText();
    }

    /** A radio line, or a clip of the driver's radio, at the top of the log; a new clip is picked to play. */
    private void onRadio(String line, RadioClip clip) {
        if (radioLog == null || radioLog.isDisposed()) {
            return;
        }
        radioLog.add(line, 0);
        radioClips.add(0, clip);
        if (radioClips.size() > RADIO_KEPT) {
            radioLog.remove(RADIO_KEPT);
            radioClips.remove(RADIO_KEPT);
        }
        if (clip != null) {
            radioLog.select(0);
        }
        enablePlay();
    }

    private RadioClip pickedClip() {
        int i = radioLog.getSelectionIndex();
        return i < 0 || i >= radioClips.size() ? null : radioClips.get(i);
    }

    private void enablePlay() {
        radioPlay.setEnabled(pickedClip() != null);
    }

    private void playClip() {
        RadioClip clip = pickedClip();
        if (clip == null) {
            return;
        }
        radioPlay.setEnabled(false);
        radioProblem.setText("");
        live.play(clip).whenComplete((done, e) -> ui.asyncExec(() -> {
            if (radioPlay.isDisposed()) {
                return;
            }
            enablePlay();
            String problem = e == null ? "" : (e.getCause() != null ? e.getCause() : e).getMessage();
            radioProblem.setText(problem);
            radioProblem.setToolTipText(e == null ? null : TeamSession.rootMessage(e));
            ((GridData) radioProblem.getLayoutData()).exclude = problem.isEmpty();
            radioProblem.setVisible(!problem.isEmpty());
            radioProblem.getParent().getParent().layout(true, true);
        }));
    }

    /** For tests: the radio log, its Play button and the line that says why a clip did not play. */
    org.eclipse.swt.widgets.List radioLog() {
        return radioLog;
    }

    Button playButton() {
        return radioPlay;
    }

    Label radioProblem() {
        return radioProblem;
    }

    @PreDestroy
    void dispose() {
        listening.close();
    }

    private void refresh() {
        boolean in = team.signedIn() && team.team() != null;
        List<LiveControl.Session> live = this.live.sessions();
        String[] items = live.stream().map(s -> s.driverName() + ": " + s.sessionKey()).toArray(String[]::new);
        if (!Arrays.equals(items, sessions.getItems())) {
            sessions.setItems(items); // only on a change, so the engineer's pick stays while status ticks
            for (int i = 0; i < live.size(); i++) {
                if (live.get(i).sessionKey().equals(this.live.watchedKey())) {
                    sessions.select(i);
                }
            }
        }
        if (sessions.getSelectionIndex() < 0 && !live.isEmpty()) {
            sessions.select(0);
        }
        sessions.setEnabled(in && !live.isEmpty());
        watch.setEnabled(in && !live.isEmpty());
        watch.setToolTipText(!in ? "Sign in under Driver > Team first" : live.isEmpty()
                ? "Nobody of the team is on track" : "Watch the chosen session");
        stop.setEnabled(this.live.watching());
        stop.setToolTipText(this.live.watching() ? "Stop watching this session" : "Not watching a session");
        SubscriberStatus s = this.live.status();
        String text;
        String style;
        if (!in) {
            text = "Sign in under Driver > Team to watch your team's live sessions.";
            style = "hint";
        } else if (s == null) {
            text = live.isEmpty() ? "Nobody of " + team.team().name() + " is on track right now."
                    : live.size() + " live session(s) of " + team.team().name() + ".";
            style = "hint";
        } else {
            text = describe(s) + (video.hasPicture() ? ". " + this.live.videoStatus() : "");
            style = s.state() == SubscriberStatus.State.CONNECTED ? "status-ok" : "status-bad";
        }
        if (!style.equals(connection.getData(STYLE))) {
            connection.setData(STYLE, style);
            styling.setClassname(connection, style);
        }
        if (!text.equals(connection.getToolTipText())) {
            connection.setToolTipText(text); // once a second while connected
            fitConnection();
        }
        boolean canTalk = s != null && s.state() == SubscriberStatus.State.CONNECTED;
        radioSend.setEnabled(canTalk);
        radioText.setEnabled(canTalk);
    }

    private void fitConnection() {
        TextFit.show(connection, connection.getToolTipText() == null ? "" : connection.getToolTipText());
    }

    static String describe(SubscriberStatus s) {
        String latency = s.latencyMillis() < 0 ? "latency --" : "latency " + s.latencyMillis() + " ms";
        return switch (s.state()) {
            case CONNECTED -> String.format(Locale.ROOT, "Connected: %s, %,d frames, %,d dropped", latency,
                    s.frames(), s.dropped());
            case CONNECTING -> "Connecting ...";
            case RECONNECTING -> "Connection lost (" + s.reason() + "): reconnecting; " + s.dropped() + " dropped";
            case OFFLINE -> "Offline" + (s.reason() == null ? "" : ": " + s.reason());
        };
    }

}
