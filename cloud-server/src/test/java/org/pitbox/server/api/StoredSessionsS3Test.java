package org.pitbox.server.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@link StoredSessionsApi} with the sessions in an S3-compatible bucket (S3Proxy on loopback). */
class StoredSessionsS3Test extends StoredSessionsApi {
    private Map<String, String> bucket;

    @Override
    Map<String, String> settings() throws Exception {
        bucket = TestObjectStore.bucket();
        return bucket;
    }

    @Override
    List<String> storedFiles(long id) throws Exception {
        List<String> names = new ArrayList<>(super.storedFiles(id));
        names.addAll(TestObjectStore.keys(bucket, "sessions/" + id + "."));
        return names;
    }

    @Override
    List<String> chunkFiles(long id) throws Exception {
        return TestObjectStore.keys(bucket, "uploads/" + id + "/");
    }
}
