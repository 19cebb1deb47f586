package org.pitbox.server.sessions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.pitbox.server.ServerConfig;

/**
 * Where sessions' bytes live: the chunks of unfinished uploads and the stored form of finished sessions
 * ({@link IbtPack}). {@link FileStore} keeps them under the data dir; {@link S3Store} in an S3-compatible bucket that
 * several nodes share. Streams are read and written piecewise: no method holds a whole session in memory.
 */
public interface SessionStore {
    /** The store the settings name: their bucket, or else the data dir. */
    static SessionStore of(ServerConfig config) throws IOException {
        return config.objectStore() == null ? new FileStore(config.dataDir()) : new S3Store(config.objectStore());
    }

    /** What storing a chunk did. */
    enum PutResult { STORED, SAME, CONFLICT }

    /** Stores a chunk; the same bytes again change nothing, different bytes conflict. */
    PutResult putChunk(long id, int n, byte[] bytes) throws IOException;

    /** The chunk numbers received so far, ascending. */
    List<Integer> received(long id) throws IOException;

    /** Chunk {@code n}'s bytes; the caller closes the stream. */
    InputStream chunk(long id, int n) throws IOException;

    /** Deletes the upload chunks of a session; none is fine. */
    void discardChunks(long id) throws IOException;

    /** Stores a finished session's stored form from {@code file}, which the store may move away. */
    void putSession(long id, Path file) throws IOException;

    /** A finished session's stored form; the caller closes the stream. */
    InputStream session(long id) throws IOException;

    /** Deletes a finished session's stored form and its video; none is fine. */
    void deleteSession(long id) throws IOException;

    /** Stores a session's video (an MP4 file) from {@code file}, which the store may move away. */
    void putVideo(long id, Path file) throws IOException;

    /** A session's video from byte {@code offset} on; the caller closes the stream. */
    InputStream video(long id, long offset) throws IOException;
}
