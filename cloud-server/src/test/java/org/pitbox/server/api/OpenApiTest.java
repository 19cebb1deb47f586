package org.pitbox.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The served OpenAPI document describes exactly the routes Jersey serves, and the protected ones need a token. */
class OpenApiTest extends ApiTestBase {
    @Test
    void everyRouteIsDocumented() throws Exception {
        JsonNode doc = json.readTree(send("GET", "/openapi.json", null, null).is(200).body());
        Set<String> documented = new TreeSet<>();
        doc.get("paths").properties().forEach(p -> p.getValue().properties().forEach(m -> {
            if (!m.getKey().equals("parameters")) {
                documented.add(m.getKey().toUpperCase() + " " + p.getKey());
                boolean open = m.getValue().has("security") && m.getValue().get("security").isEmpty();
                assertTrue(m.getValue().has("responses"), p.getKey());
                Routes.of(server.application()).stream()
                        .filter(r -> r.key().equals(m.getKey().toUpperCase() + " " + p.getKey()))
                        .forEach(r -> assertEquals(r.open(), open, "security of " + r.key()));
            }
        }));
        Set<String> served = new TreeSet<>();
        Routes.of(server.application()).forEach(r -> served.add(r.key()));
        assertEquals(served, documented);
        assertTrue(doc.at("/components/securitySchemes/bearer/scheme").asText().equals("bearer"));
    }
}
