package org.pitbox.server.ai;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pitbox.server.http.ApiException;

/**
 * The session a question is about, as it appears in a path: a stored session's id ({@code 42}) or a live
 * session's key ({@code live:KEY}, a key as the live relay takes it).
 */
public record SessionRef(Long storedId, String liveKey) {
    private static final Pattern FORM = Pattern.compile("(\\d{1,18})|live:([A-Za-z0-9_-]{1,64})");

    /** 404 for anything else, as for a session that does not exist. */
    public static SessionRef parse(String text) {
        Matcher m = text == null ? null : FORM.matcher(text);
        if (m == null || !m.matches()) {
            throw notFound();
        }
        return m.group(1) != null ? new SessionRef(Long.parseLong(m.group(1)), null) : new SessionRef(null, m.group(2));
    }

    public static ApiException notFound() {
        return ApiException.notFound("session_not_found", "no such session");
    }

    public boolean live() {
        return liveKey != null;
    }

    /** The form {@link #parse} reads, also the stored column. */
    @Override
    public String toString() {
        return live() ? "live:" + liveKey : Long.toString(storedId);
    }
}
