package org.pitbox.server.resources;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pitbox.server.http.ApiException;

/** A {@code Range} header of one byte range: {@code bytes=N-} or {@code bytes=N-M}. */
final class ByteRange {
    private static final Pattern ONE = Pattern.compile("bytes=(\\d{1,18})-(\\d{1,18})?");

    private ByteRange() {
    }

    /** {first, last} (last -1: to the end), or null without a header; 416 for one this server does not serve. */
    static long[] parse(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        Matcher m = ONE.matcher(header.strip());
        if (!m.matches()) {
            throw new ApiException(416, "range_not_satisfiable", "only one range, bytes=N- or bytes=N-M, is served");
        }
        long first = Long.parseLong(m.group(1));
        long last = m.group(2) == null ? -1 : Long.parseLong(m.group(2));
        if (last >= 0 && last < first) {
            throw new ApiException(416, "range_not_satisfiable", "the range ends before it starts");
        }
        return new long[] {first, last};
    }
}
