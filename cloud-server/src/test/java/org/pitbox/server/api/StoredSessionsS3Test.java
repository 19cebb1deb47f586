package org.pitbox.server.api;

import java.util.Map;

/** {@link StoredSessionsApi} with the sessions in an S3-compatible bucket (S3Proxy on loopback). */
class StoredSessionsS3Test extends StoredSessionsApi {
    @Override
    Map<String, String> settings() throws Exception {
        return TestObjectStore.bucket();
    }
}
