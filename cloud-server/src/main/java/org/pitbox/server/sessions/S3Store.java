package org.pitbox.server.sessions;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pitbox.server.ServerConfig;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Sessions in an S3-compatible bucket (DigitalOcean Spaces, S3, MinIO, ...) that every node of a cluster shares:
 * keys {@code uploads/<id>/<n>.chunk} and {@code sessions/<id>.pbz}. Files go up from disk and come down as
 * streams. SDK failures surface as IOExceptions naming the bucket, never a credential.
 */
public final class S3Store implements SessionStore {
    private static final int TRIES = 5;
    private static final SdkPlugin ONE_TRY = config -> config.overrideConfiguration(
            config.overrideConfiguration().toBuilder().retryStrategy(AwsRetryStrategy.doNotRetry()).build());

    private final S3Client s3;
    private final String bucket;

    public S3Store(ServerConfig.ObjectStore config) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(config.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(config.accessKey(), config.secretKey())))
                // S3-compatible stores need not know the newer default checksums
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (config.endpoint() != null) {
            builder.endpointOverride(URI.create(config.endpoint())).forcePathStyle(true);
        }
        this.s3 = builder.build();
        this.bucket = config.bucket();
    }

    /**
     * Writes the chunk only if no node wrote it before (a conditional put, {@code If-None-Match: *}, atomic in
     * the store); when one did, compares: the same bytes again are fine, others a conflict. The put is tried by
     * this loop, not the SDK's retries: a retried put that had gone through would look like another node's.
     */
    @Override
    public PutResult putChunk(long id, int n, byte[] bytes) throws IOException {
        String key = chunkKey(id, n);
        return sdk("store chunk " + n + " of session " + id, () -> {
            boolean maybeStored = false; // an attempt failed after it may have reached the store
            for (int attempt = 0;; attempt++) {
                try {
                    s3.putObject(b -> b.bucket(bucket).key(key).ifNoneMatch("*")
                            .overrideConfiguration(o -> o.addPlugin(ONE_TRY)), RequestBody.fromBytes(bytes));
                    return PutResult.STORED;
                } catch (S3Exception e) {
                    // 412: the chunk is there; 409: another conditional put of it is under way; 5xx: try again
                    if (e.statusCode() != 412) {
                        if (attempt >= TRIES || e.statusCode() != 409 && e.statusCode() < 500) {
                            throw e;
                        }
                        maybeStored |= e.statusCode() >= 500;
                        pause(attempt);
                        continue;
                    }
                } catch (SdkClientException e) {
                    if (attempt >= TRIES) {
                        throw e;
                    }
                    maybeStored = true;
                    pause(attempt);
                    continue;
                }
                try (InputStream in = s3.getObject(b -> b.bucket(bucket).key(key))) {
                    return !Arrays.equals(in.readNBytes(bytes.length + 1), bytes) ? PutResult.CONFLICT
                            : maybeStored ? PutResult.STORED : PutResult.SAME;
                } catch (NoSuchKeyException e) {
                    pause(attempt); // the other put failed: try again
                }
            }
        });
    }

    private static void pause(int attempt) throws IOException {
        try {
            Thread.sleep(50L << Math.min(attempt, 5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public List<Integer> received(long id) throws IOException {
        String prefix = uploadPrefix(id);
        return sdk("list the chunks of session " + id, () -> {
            List<Integer> numbers = new ArrayList<>();
            for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
                String name = o.key().substring(prefix.length());
                if (name.matches("\\d{1,9}\\.chunk")) {
                    numbers.add(Integer.parseInt(name.substring(0, name.indexOf('.'))));
                }
            }
            return numbers.stream().sorted().toList();
        });
    }

    @Override
    public InputStream chunk(long id, int n) throws IOException {
        return sdk("read chunk " + n + " of session " + id, () -> s3.getObject(b -> b.bucket(bucket)
                .key(chunkKey(id, n))));
    }

    @Override
    public void discardChunks(long id) throws IOException {
        String prefix = uploadPrefix(id);
        sdk("delete the chunks of session " + id, () -> {
            for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
                s3.deleteObject(b -> b.bucket(bucket).key(o.key()));
            }
            return null;
        });
    }

    @Override
    public void putSession(long id, Path file) throws IOException {
        putFile("store session " + id, sessionKey(id), file);
    }

    private void putFile(String what, String key, Path file) throws IOException {
        sdk(what, () -> s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(file)));
        Files.deleteIfExists(file);
    }

    @Override
    public InputStream session(long id) throws IOException {
        return sdk("read session " + id, () -> s3.getObject(b -> b.bucket(bucket).key(sessionKey(id))));
    }

    @Override
    public void deleteSession(long id) throws IOException {
        sdk("delete session " + id, () -> s3.deleteObject(b -> b.bucket(bucket).key(sessionKey(id))));
        sdk("delete the video of session " + id, () -> s3.deleteObject(b -> b.bucket(bucket).key(videoKey(id))));
    }

    @Override
    public void putVideo(long id, Path file) throws IOException {
        putFile("store the video of session " + id, videoKey(id), file);
    }

    @Override
    public InputStream video(long id, long offset) throws IOException {
        return sdk("read the video of session " + id, () -> s3.getObject(b -> b.bucket(bucket).key(videoKey(id))
                .range("bytes=" + offset + "-")));
    }

    private static String uploadPrefix(long id) {
        return "uploads/" + id + "/";
    }

    private static String chunkKey(long id, int n) {
        return uploadPrefix(id) + n + ".chunk";
    }

    private static String sessionKey(long id) {
        return "sessions/" + id + ".pbz";
    }

    private static String videoKey(long id) {
        return "sessions/" + id + ".mp4";
    }

    private interface Call<T> {
        T run() throws IOException;
    }

    private <T> T sdk(String what, Call<T> call) throws IOException {
        try {
            return call.run();
        } catch (SdkException e) {
            throw new IOException("cannot " + what + " in bucket " + bucket + ": " + e.getMessage(), e);
        }
    }
}
