package org.pitbox.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI document, generated from the resources, describes exactly the routes Jersey serves, the
 * protected ones need a token, and every schema it refers to is in it.
 */
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
        List<String> refs = doc.findValuesAsText("$ref");
        assertTrue(refs.contains("#/components/schemas/ApiError"), refs.toString());
        for (String ref : refs) {
            assertTrue(!doc.at(ref.substring(1)).isMissingNode(), "dangling " + ref);
        }
        assertEquals("#/components/schemas/TokenPair",
                doc.at("/paths/~1api~1v1~1auth~1login/post/responses/200/content/application~1json/schema/$ref").asText());
        assertTrue(doc.at("/paths/~1api~1v1~1auth~1login/post/responses").has("429"), "rate limited");
    }
}
