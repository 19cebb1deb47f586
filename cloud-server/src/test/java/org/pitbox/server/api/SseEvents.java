package org.pitbox.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.pitbox.protocol.ProtocolJson;

/** The events of a server-sent-events body, each with its name and JSON data. */
record SseEvents(List<Event> events) {
    record Event(String name, JsonNode data) {
    }

    static SseEvents parse(String body) throws IOException {
        List<Event> events = new ArrayList<>();
        for (String block : body.split("\n\n")) {
            String name = "message";
            StringBuilder data = new StringBuilder();
            for (String line : block.split("\n")) {
                if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).stripLeading());
                }
            }
            if (!data.isEmpty()) {
                events.add(new Event(name, ProtocolJson.mapper().readTree(data.toString())));
            }
        }
        return new SseEvents(events);
    }

    List<Event> named(String name) {
        return events.stream().filter(e -> e.name().equals(name)).toList();
    }

    /** The {@code done} event's insight. */
    JsonNode done() {
        List<Event> done = named("done");
        if (done.size() != 1) {
            throw new AssertionError("expected one done event in " + events);
        }
        return done.getFirst().data();
    }

    /** The text of the pieces after the last restart. */
    String text() {
        StringBuilder b = new StringBuilder();
        for (Event e : events) {
            if (e.name().equals("restart")) {
                b.setLength(0);
            } else if (e.name().equals("piece")) {
                b.append(e.data().get("text").asText());
            }
        }
        return b.toString();
    }
}
