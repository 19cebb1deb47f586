package org.pitbox.core.telemetry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/** The channels of a row and the row's length: resolve names here once, then read by descriptor. */
public final class ChannelLayout {
    private final List<ChannelDescriptor> channels;
    private final Map<String, ChannelDescriptor> byName;
    private final int rowLength;

    public ChannelLayout(List<ChannelDescriptor> channels, int rowLength) {
        this.channels = List.copyOf(channels);
        this.rowLength = rowLength;
        Map<String, ChannelDescriptor> map = new HashMap<>();
        for (ChannelDescriptor c : this.channels) {
            if (c.offset() + c.byteSize() > rowLength) {
                throw new IllegalArgumentException("channel " + c.name() + " ends at byte "
                        + (c.offset() + c.byteSize()) + ", beyond the row length " + rowLength);
            }
            map.putIfAbsent(c.name(), c);
        }
        this.byName = Collections.unmodifiableMap(map);
    }

    /** Lays the channels out one after another, ignoring their offsets. */
    public static ChannelLayout packed(List<ChannelDescriptor> channels) {
        List<ChannelDescriptor> placed = new ArrayList<>(channels.size());
        int offset = 0;
        for (ChannelDescriptor c : channels) {
            placed.add(new ChannelDescriptor(c.name(), c.type(), c.count(), c.countAsTime(), c.unit(),
                    c.description(), offset));
            offset += c.byteSize();
        }
        return new ChannelLayout(placed, offset);
    }

    public List<ChannelDescriptor> channels() {
        return channels;
    }

    public int rowLength() {
        return rowLength;
    }

    public Optional<ChannelDescriptor> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public ChannelDescriptor require(String name) {
        ChannelDescriptor c = byName.get(name);
        if (c == null) {
            throw new NoSuchElementException("no channel named " + name);
        }
        return c;
    }

    public boolean has(String name) {
        return byName.containsKey(name);
    }
}
