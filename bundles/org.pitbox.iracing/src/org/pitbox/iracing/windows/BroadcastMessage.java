package org.pitbox.iracing.windows;

/** {@code irsdk_BroadcastMsg} codes sent with the "IRSDK_BROADCASTMSG" window message. */
public enum BroadcastMessage {
    CAM_SWITCH_POS, CAM_SWITCH_NUM, CAM_SET_STATE, REPLAY_SET_PLAY_SPEED, REPLAY_SET_PLAY_POSITION, REPLAY_SEARCH,
    REPLAY_SET_STATE, RELOAD_TEXTURES, CHAT_COMMAND, PIT_COMMAND, TELEM_COMMAND, FFB_COMMAND,
    REPLAY_SEARCH_SESSION_TIME, VIDEO_CAPTURE;

    /** The SDK code (declaration order). */
    public int code() {
        return ordinal();
    }
}
