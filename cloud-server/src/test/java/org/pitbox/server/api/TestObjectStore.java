package org.pitbox.server.api;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pitbox.server.auth.Secrets;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A real S3-compatible server on loopback for tests: S3Proxy with its filesystem store (nio2, whose conditional
 * puts are atomic), in a JVM of its own (its jar, with its own Jetty, is copied to target/s3proxy by the build),
 * started once per test JVM with signed requests only. Each {@link #bucket()} is new and empty.
 */
public final class TestObjectStore {
    private static final Path JAR = Path.of("target", "s3proxy", "s3proxy.jar");
    private static final String ACCESS_KEY = "pitbox-test";
    private static final String SECRET_KEY = Secrets.randomToken(24);
    private static String endpoint;

    private TestObjectStore() {
    }

    /** Server settings for a new bucket on the running S3Proxy (started on first use). */
    public static synchronized Map<String, String> bucket() throws IOException, InterruptedException {
        if (endpoint == null) {
            endpoint = start();
        }
        String bucket = "pitbox-" + UUID.randomUUID().toString().substring(0, 8);
        try (S3Client s3 = client()) {
            s3.createBucket(b -> b.bucket(bucket));
        }
        return Map.of("PITBOX_S3_ENDPOINT", endpoint, "PITBOX_S3_BUCKET", bucket, "PITBOX_S3_ACCESS_KEY", ACCESS_KEY,
                "PITBOX_S3_SECRET_KEY", SECRET_KEY);
    }

    /** The keys starting with {@code prefix} in the bucket of {@code settings}, from {@link #bucket()}. */
    public static List<String> keys(Map<String, String> settings, String prefix) {
        try (S3Client s3 = client()) {
            return s3.listObjectsV2Paginator(b -> b.bucket(settings.get("PITBOX_S3_BUCKET")).prefix(prefix))
                    .contents().stream().map(S3Object::key).sorted().toList();
        }
    }

    private static S3Client client() {
        return S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                .endpointOverride(URI.create(endpoint)).forcePathStyle(true).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY,
                        SECRET_KEY))).build();
    }

    private static String start() throws IOException, InterruptedException {
        assumeTrue(Files.isRegularFile(JAR), "S3Proxy not found at " + JAR.toAbsolutePath()
                + ": the cloud-server build copies it there (maven-dependency-plugin, execution s3proxy)");
        Path dir = Files.createTempDirectory("pitbox-s3proxy");
        Path data = Files.createDirectories(dir.resolve("data"));
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;
        Path conf = dir.resolve("s3proxy.conf");
        Files.writeString(conf, String.join("\n", "s3proxy.endpoint=" + url, "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + ACCESS_KEY, "s3proxy.credential=" + SECRET_KEY, "jclouds.provider=filesystem-nio2",
                "jclouds.filesystem.basedir=" + data, ""));
        Path log = dir.resolve("s3proxy.log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", JAR.toAbsolutePath().toString(), "--properties", conf.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        for (int tries = 0; tries < 600; tries++) {
            if (!process.isAlive()) {
                throw new IOException("S3Proxy stopped at start: " + Files.readString(log));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return url;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        process.destroy();
        throw new IOException("S3Proxy did not listen on " + url + " within a minute: " + Files.readString(log));
    }
}
