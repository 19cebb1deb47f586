package org.pitbox.voice.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

class ChunksTest {
    @Test
    void aReaderGetsEveryChunkInOrderAsItArrivesThenTheEnd() throws Exception {
        Chunks chunks = new Chunks();
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try {
                return chunks.readAllBytes();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        chunks.add(new byte[] {1, 2, 3});
        chunks.add(new byte[0]);
        chunks.add(new byte[] {4});
        chunks.end();
        assertArrayEquals(new byte[] {1, 2, 3, 4}, read.get());
        assertEquals(-1, chunks.read());
    }
}
