package org.pitbox.voice.ptt;

/**
 * A button that can be held to talk: a keyboard key ({@code code} is the platform's key code: an X11 keycode on
 * Linux, a virtual-key code on Windows) or a game controller's button ({@code device} names the controller,
 * {@code code} is the button number from 0). {@code label} is what the settings show.
 */
public record PttButton(Kind kind, String device, int code, String label) {
    public enum Kind { KEY, CONTROLLER }

    public PttButton {
        if (kind == null || code < 0) {
            throw new IllegalArgumentException("a push-to-talk button needs a kind and a code of 0 or more");
        }
        device = device == null ? "" : device;
        label = label == null || label.isBlank() ? defaultLabel(kind, device, code) : label;
    }

    public static PttButton key(int code, String label) {
        return new PttButton(Kind.KEY, "", code, label);
    }

    public static PttButton controller(String device, int button) {
        return new PttButton(Kind.CONTROLLER, device, button, null);
    }

    /** The same physical button, whatever its label. */
    public boolean sameAs(PttButton other) {
        return other != null && kind == other.kind && code == other.code && device.equals(other.device);
    }

    /** A preference value: {@code key|code|label} or {@code controller|code|device}. */
    public String encode() {
        return kind == Kind.KEY ? "key|" + code + "|" + label : "controller|" + code + "|" + device;
    }

    /** Reads {@link #encode()}'s form; null for a blank or malformed value (no binding). */
    public static PttButton decode(String value) {
        if (value == null) {
            return null;
        }
        String[] parts = value.split("\\|", 3);
        if (parts.length != 3) {
            return null;
        }
        try {
            int code = Integer.parseInt(parts[1]);
            return switch (parts[0]) {
                case "key" -> key(code, parts[2]);
                case "controller" -> controller(parts[2], code);
                default -> null;
            };
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String defaultLabel(Kind kind, String device, int code) {
        return kind == Kind.KEY ? "key " + code : (device.isEmpty() ? "controller" : device) + ", button " + (code + 1);
    }
}
