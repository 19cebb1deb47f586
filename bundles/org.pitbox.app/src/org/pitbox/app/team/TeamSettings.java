package org.pitbox.app.team;

/** The user's choices the team session keeps (server, team, bandwidth); the workbench keeps them on disk. */
public interface TeamSettings {
    String SERVER_URL = "serverUrl";
    String TEAM_ID = "teamId";
    String BANDWIDTH = "bandwidth";
    /** "off" when the driver turned the server's coach hints off. */
    String COACH = "coach";
    String DEFAULT_SERVER_URL = "http://127.0.0.1:8080";

    /** A stored value, {@code defaultValue} when there is none. */
    String get(String key, String defaultValue);

    /** Stores a value ({@code null} removes it) at once. */
    void put(String key, String value);
}
