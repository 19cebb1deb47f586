package org.pitbox.voice.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

/** Installs small model zips from a local HTTP server on a free port. */
class ModelDownloadTest {
    @TempDir
    Path models;
    private HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final byte[] model = zip(Map.of("vosk-model-test/am/final.mdl", "acoustic",
            "vosk-model-test/conf/mfcc.conf", "--sample-frequency=16000", "vosk-model-test/graph/Gr.fst", "g"));

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/model.zip", x -> {
            x.sendResponseHeaders(200, model.length);
            try (OutputStream out = x.getResponseBody()) {
                for (int i = 0; i < model.length; i += 100) {
                    out.write(model, i, Math.min(100, model.length - i));
                }
            }
        });
        server.createContext("/evil.zip", x -> {
            byte[] evil = zip(Map.of("../outside.txt", "x"));
            x.sendResponseHeaders(200, evil.length);
            x.getResponseBody().write(evil);
            x.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private ModelSource source(String path, String sha) {
        return new ModelSource("vosk-model-test", URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path),
                sha);
    }

    @Test
    void installsWithProgressAndChecksum() throws Exception {
        List<Long> done = new ArrayList<>();
        ModelDownload download = new ModelDownload(http, models);
        Path installed = download.install(source("/model.zip", sha(model)), (d, total) -> {
            assertEquals(model.length, total);
            done.add(d);
        }, () -> false);
        assertEquals(models.resolve("vosk-model-test"), installed);
        assertEquals("acoustic", Files.readString(installed.resolve("am/final.mdl")));
        assertEquals((long) model.length, done.get(done.size() - 1));
        assertEquals(List.of("vosk-model-test"), names(models), "no partial files left");
        assertEquals(installed, download.useFolder(installed));
    }

    @Test
    void aWrongChecksumInstallsNothingAndKeepsTheOldModel() throws Exception {
        ModelDownload download = new ModelDownload(http, models);
        download.install(source("/model.zip", sha(model)), (d, t) -> { }, () -> false);
        IOException e = assertThrows(IOException.class,
                () -> download.install(source("/model.zip", "0".repeat(64)), (d, t) -> { }, () -> false));
        assertTrue(e.getMessage().contains("checksum") && e.getMessage().contains(sha(model)), e.getMessage());
        assertEquals(List.of("vosk-model-test"), names(models));
        assertEquals("acoustic", Files.readString(models.resolve("vosk-model-test/am/final.mdl")));
    }

    @Test
    void cancelLeavesNothing() {
        ModelDownload download = new ModelDownload(http, models);
        long[] seen = {0};
        assertThrows(CancellationException.class, () -> download.install(source("/model.zip", sha(model)),
                (d, t) -> seen[0] = d, () -> seen[0] > 0));
        assertEquals(List.of(), names(models));
    }

    @Test
    void badAnswersAreClearErrors() throws Exception {
        ModelDownload download = new ModelDownload(http, models);
        IOException missing = assertThrows(IOException.class,
                () -> download.install(source("/absent.zip", sha(model)), (d, t) -> { }, () -> false));
        assertTrue(missing.getMessage().endsWith("HTTP 404"), missing.getMessage());
        byte[] evil = zip(Map.of("../outside.txt", "x"));
        IOException outside = assertThrows(IOException.class,
                () -> download.install(source("/evil.zip", sha(evil)), (d, t) -> { }, () -> false));
        assertTrue(outside.getMessage().contains("outside"), outside.getMessage());
        assertFalse(Files.exists(models.resolveSibling("outside.txt")));
        assertEquals(List.of(), names(models));
        IOException notModel = assertThrows(IOException.class, () -> download.useFolder(models));
        assertTrue(notModel.getMessage().contains("is not a Vosk model"), notModel.getMessage());
    }

    private static List<String> names(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] zip(Map<String, String> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (var f : files.entrySet()) {
                z.putNextEntry(new ZipEntry(f.getKey()));
                z.write(f.getValue().getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return bytes.toByteArray();
    }

    private static String sha(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
