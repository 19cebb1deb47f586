package org.pitbox.ui.engineer.library;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.ZoneId;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.services.IStylingEngine;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.pitbox.app.assistant.EngineerAssistant;
import org.pitbox.app.library.LibraryListing;
import org.pitbox.app.team.TeamSession;
import org.pitbox.client.CloudClient.SessionQuery;
import org.pitbox.client.CloudClient;
import org.pitbox.client.SessionCache;
import org.pitbox.protocol.api.TeamView;
import org.pitbox.ui.engineer.assistant.AssistantPart;
import org.pitbox.ui.engineer.session.SessionPart;
import org.pitbox.ui.services.Listening;

/**
 * The Race Engineer's library of the team's stored sessions: filter them, page through them, and open one in
 * the Session part, downloading it first into the {@link SessionCache} (then it opens at once, also offline), or
 * ask the AI Engineer about one the server has. Signed out, or when the server cannot be reached, it lists the
 * cached sessions.
 */
public class SessionLibraryPart {
    public static final String ID = "org.pitbox.ui.part.library";
    public static final String ASK = AssistantPart.ASK_ABOUT_STORED;
    static final int PAGE_SIZE = 50;

    @Inject
    private TeamSession team;
    @Inject
    private UISynchronize ui;
    @Inject
    private IStylingEngine styling;
    @Inject
    private EPartService parts;
    @Inject
    private EngineerAssistant assistant;

    private final SessionCache cache = SessionCache.standard();
    private final ZoneId zone = ZoneId.systemDefault();
    private LibraryFilter filter;
    private Label state;
    private LibraryTable table;
    private Button open;
    private Button ask;
    private MenuItem askItem;
    private Button newer;
    private Label pageText;
    private Button older;
    private DownloadBox download;
    private int page;
    private long total;
    private boolean loading;
    private int generation;
    private String listedFor = "";
    private Listening listening;

    @PostConstruct
    public void create(Composite parent) {
        listening = new Listening(ui);
        listening.team(team, this::onTeam);
        parent.setLayout(new GridLayout(1, false));
        filter = new LibraryFilter(parent, zone, this::reload);
        state = new Label(parent, SWT.WRAP);
        state.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        table = new LibraryTable(parent, zone);
        table.control().addListener(SWT.DefaultSelection, e -> openSelected());
        table.control().addListener(SWT.Selection, e -> updateButtons());
        Composite bottom = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(6, false);
        layout.marginWidth = 0;
        bottom.setLayout(layout);
        bottom.setLayoutData(new GridData(SWT.FILL, SWT.BOTTOM, true, false));
        open = new Button(bottom, SWT.PUSH);
        open.setText("Open");
        open.addListener(SWT.Selection, e -> openSelected());
        ask = new Button(bottom, SWT.PUSH);
        ask.setText(ASK);
        ask.addListener(SWT.Selection, e -> askSelected());
        createMenu();
        download = new DownloadBox(bottom, ui);
        newer = new Button(bottom, SWT.PUSH);
        newer.setText("\u25C0 Newer");
        newer.setLayoutData(new GridData());
        newer.addListener(SWT.Selection, e -> turn(-1));
        pageText = new Label(bottom, SWT.CENTER);
        pageText.setLayoutData(new GridData(SWT.RIGHT, SWT.CENTER, true, false));
        older = new Button(bottom, SWT.PUSH);
        older.setText("Older \u25B6");
        older.setLayoutData(new GridData());
        older.addListener(SWT.Selection, e -> turn(1));
        reload();
    }

    /** Open and Ask on the table's right click, enabled as the buttons are. */
    private void createMenu() {
        Menu menu = new Menu(table.control());
        MenuItem openItem = new MenuItem(menu, SWT.PUSH);
        openItem.setText("Open");
        openItem.addListener(SWT.Selection, e -> openSelected());
        askItem = new MenuItem(menu, SWT.PUSH);
        askItem.setText(ASK);
        askItem.addListener(SWT.Selection, e -> askSelected());
        menu.addListener(SWT.Show, e -> {
            openItem.setEnabled(open.isEnabled());
            askItem.setEnabled(ask.isEnabled());
        });
        table.control().setMenu(menu);
    }

    /** The cache this part lists and downloads into. */
    public SessionCache cache() {
        return cache;
    }

    /** The sentence above the table. */
    public String stateText() {
        return state.getText();
    }

    LibraryFilter filter() {
        return filter;
    }

    LibraryTable table() {
        return table;
    }

    Button openButton() {
        return open;
    }

    Button askButton() {
        return ask;
    }

    MenuItem askItem() {
        return askItem;
    }

    DownloadBox downloadBox() {
        return download;
    }

    boolean loading() {
        return loading;
    }

    private void onTeam(String sentence) {
        String who = team.signedIn() && team.team() != null ? team.serverUrl() + "#" + team.team().id() : "";
        if (state != null && !state.isDisposed() && !who.equals(listedFor)) {
            listedFor = who; // signed in or out, or another team: list again
            reload();
        }
    }

    /** Lists the first page again with the filters as they are. */
    void reload() {
        page = 0;
        load();
    }

    private void turn(int pages) {
        page = Math.max(0, page + pages);
        load();
    }

    private void load() {
        SessionQuery query;
        try {
            query = filter.query(page, PAGE_SIZE);
        } catch (IllegalArgumentException e) {
            say(e.getMessage(), "status-bad");
            return;
        }
        int mine = ++generation;
        CloudClient client = team.signedIn() ? team.client() : null;
        TeamView chosen = client == null ? null : team.team();
        loading = true;
        updateButtons();
        if (chosen != null) {
            say("Asking " + client.baseUri().getHost() + " for " + chosen.name() + "'s sessions ...", "hint");
        }
        Job.create(chosen == null ? "Listing cached sessions" : "Listing " + chosen.name() + "'s sessions", m -> {
            LibraryListing listing = LibraryListing.of(cache, client, chosen, query);
            ui.asyncExec(() -> {
                if (mine == generation && !state.isDisposed()) {
                    show(listing);
                }
            });
            return org.eclipse.core.runtime.Status.OK_STATUS;
        }).schedule();
    }

    private void show(LibraryListing listing) {
        loading = false;
        total = listing.total();
        table.show(listing.rows());
        filter.suggest(listing.rows().stream().map(LibraryListing.Row::session).toList());
        say(listing.sentence(), listing.style());
        updateButtons();
    }

    /** Opens the selected session, downloading it first when it is not cached. */
    void openSelected() {
        LibraryListing.Row row = table.selected();
        if (row == null || !open.isEnabled()) {
            return;
        }
        if (row.cached() != null) {
            openFile(row.cached());
            return;
        }
        download.start(team.client(), cache, row.session(), entry -> {
            table.cached(row.session(), entry.file());
            say("Downloaded " + LibraryTable.size(entry.session().sizeBytes()) + " into the cache; it opens"
                    + " at once from now on, also offline.", "status-ok");
            openFile(entry.file());
            updateButtons();
        }, why -> {
            say(why == null ? "Download cancelled; nothing of it was kept." : why, why == null ? "hint"
                    : "status-bad");
            updateButtons();
        });
        updateButtons();
    }

    /** Opens the AI Engineer part on the selected session, which the server has. */
    void askSelected() {
        LibraryListing.Row row = table.selected();
        if (row == null || !ask.isEnabled()) {
            return;
        }
        assistant.aboutStored(row.session(), zone);
        parts.showPart(AssistantPart.ID, EPartService.PartState.ACTIVATE);
    }

    /** Shows the file in the Session part, as File > Open does. */
    private void openFile(Path file) {
        MPart part = parts.showPart(SessionPart.ID, EPartService.PartState.ACTIVATE);
        if (part != null && part.getObject() instanceof SessionPart session) {
            session.open(file);
        }
    }

    private void say(String sentence, String style) {
        state.setText(sentence);
        styling.setClassname(state, style);
        state.getParent().layout(true, true);
    }

    /** Every button enabled or told why not. */
    private void updateButtons() {
        LibraryListing.Row row = table.selected();
        String reason = row == null ? "Select a session first"
                : row.cached() != null ? null
                : download.running() ? "A download is running: wait for it or cancel it"
                : !row.complete() ? "This session is still being uploaded"
                : !team.signedIn() ? "Sign in under Driver > Team to download it" : null;
        open.setEnabled(reason == null);
        open.setToolTipText(reason != null ? reason : row.cached() != null
                ? "Open it in the Session part from this computer's cache (or double-click it)"
                : "Download it (" + LibraryTable.size(row.session().sizeBytes()) + ") into the cache, then open it"
                        + " (or double-click it)");
        boolean paged = total >= 0;
        String noAsk = row == null ? "Select a session first"
                : !team.signedIn() ? "Sign in under Driver > Team to ask the AI Engineer"
                : !paged ? "The server cannot be reached: the AI Engineer reads sessions there"
                : !row.complete() ? "This session is still being uploaded" : null;
        ask.setEnabled(noAsk == null);
        ask.setToolTipText(noAsk != null ? noAsk : "Talk about this session in the AI Engineer part");
        long pages = paged ? Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE) : 1;
        newer.setEnabled(page > 0 && !loading);
        older.setEnabled(page + 1 < pages && !loading);
        newer.setToolTipText(newer.getEnabled() ? "Show page " + page + ", newer sessions"
                : loading ? "Wait for the list" : "This is the newest page");
        older.setToolTipText(older.getEnabled() ? "Show page " + (page + 2) + ", older sessions"
                : loading ? "Wait for the list" : "This is the oldest page");
        shown(newer, paged); // the cache is listed on one page
        shown(older, paged);
        pageText.setText(paged ? "Page " + (page + 1) + " of " + pages : table.rows().size() + " cached");
        pageText.setToolTipText(paged ? total + " sessions, " + PAGE_SIZE + " a page, newest first"
                : "Sessions downloaded to " + cache.root());
        pageText.getParent().layout(true, true);
    }

    private static void shown(Control c, boolean on) {
        ((GridData) c.getLayoutData()).exclude = !on;
        c.setVisible(on);
    }

    @PreDestroy
    void dispose() {
        listening.close();
        download.dispose();
    }
}
