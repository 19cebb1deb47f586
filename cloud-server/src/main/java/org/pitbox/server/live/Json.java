package org.pitbox.server.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.pitbox.protocol.ProtocolJson;

/** JSON of control messages, as text for sockets and as bytes for the bus. */
final class Json {
    private Json() {
    }

    static String text(Object value) {
        try {
            return ProtocolJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(Object value) {
        return text(value).getBytes(StandardCharsets.UTF_8);
    }

    static <T> T read(String text, Class<T> type) throws IOException {
        return ProtocolJson.mapper().readValue(text, type);
    }

    static <T> T read(byte[] data, Class<T> type) throws IOException {
        return ProtocolJson.mapper().readValue(data, type);
    }

    /** A message from the bus as a T, or null if it is not one. */
    static <T> T readOrNull(byte[] data, Class<T> type) {
        try {
            return read(data, type);
        } catch (IOException e) {
            return null;
        }
    }

    /** Bus messages are JSON objects or binary protocol messages, whose type byte is never '{'. */
    static boolean isJson(byte[] data) {
        return data.length > 0 && data[0] == '{';
    }
}
