package org.pitbox.server.live;

import java.io.IOException;
import org.pitbox.protocol.codec.FrameSchema;

/** Claims session keys for this node's publishers and says where their frames are kept. */
interface Ledger {
    /**
     * Claims the key for the driver: a new recording, or the one another node was keeping for this driver
     * with this schema and rate (that node lets go); refused while another driver holds the key.
     */
    Recording.Claim claim(long teamId, String key, LiveMember driver, FrameSchema schema, int rate,
            String sessionInfo) throws IOException;
}
