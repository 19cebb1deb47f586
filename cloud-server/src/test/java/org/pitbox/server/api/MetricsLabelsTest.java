package org.pitbox.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Whatever a client sends, the request metrics keep a fixed set of series. */
class MetricsLabelsTest extends ApiTestBase {
    private List<String> requestSeries() throws Exception {
        return send("GET", "/metrics", METRICS_TOKEN, null).is(200).body().lines()
                .filter(l -> l.startsWith("pitbox_http_requests_total{")).toList();
    }

    @Test
    void inventedMethodsAndPathsAddNoSeries() throws Exception {
        send("GET", "/api/v1/teams", null, null).is(401);
        send("GET", "/no/such/path", null, null).is(404);
        send("BREW", "/api/v1/teams", null, null);
        requestSeries(); // counts itself
        int before = requestSeries().size();
        for (int i = 0; i < 50; i++) {
            String method = "X" + "Y".repeat(2000) + i;
            send(method, "/api/v1/teams", null, null);
            send(method, "/invented/" + i, null, null);
            send("GET", "/invented/" + i + "/path", null, null);
        }
        List<String> after = requestSeries();
        assertEquals(before, after.size(), String.join("\n", after));
        assertTrue(after.stream().anyMatch(l -> l.contains("method=\"other\"")), String.join("\n", after));
        assertFalse(after.stream().anyMatch(l -> l.contains("YYY") || l.contains("invented")), String.join("\n", after));
    }

    @Test
    void theOperatorsJvmJettyPoolAndExecutorMetricsAreThere() throws Exception {
        send("GET", "/health", null, null).is(200);
        String body = send("GET", "/metrics", METRICS_TOKEN, null).is(200).body();
        for (String name : List.of("jvm_memory_used_bytes{", "jvm_gc_", "jvm_threads_live_threads ",
                "process_cpu_usage ", "jetty_threads_busy ", "jetty_connections_current_connections ",
                "hikaricp_connections_active{pool=\"pitbox\"}", "executor_seconds_count{name=\"upload_sweep\"}",
                "executor_pool_size_threads{name=\"upload_sweep\"}")) {
            assertTrue(body.contains(name), name + " missing in\n" + body);
        }
    }
}
