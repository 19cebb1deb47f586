package org.pitbox.server.ai;

import com.fasterxml.jackson.databind.JsonNode;

/** Functions the model may call, run on the server (OpenAI-style {@code tools}). */
public interface Tools {
    /** The request's {@code tools} array: {@code {type: "function", function: {name, description, parameters}}}. */
    JsonNode schema();

    /** The result of one call as JSON text: an error result for an unknown function or bad arguments. */
    String call(String name, String arguments);
}
