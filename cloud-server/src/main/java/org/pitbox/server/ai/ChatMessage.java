package org.pitbox.server.ai;

import java.util.List;

/**
 * One OpenAI-style chat message: role {@code system}, {@code user}, {@code assistant} (with the tool calls it
 * asked for, if any) or {@code tool} (the result of the call {@code toolCallId}).
 */
public record ChatMessage(String role, String content, List<ToolCall> toolCalls, String toolCallId) {
    /** A function the model asked to run: the call's id, the function's name and its JSON arguments. */
    public record ToolCall(String id, String name, String arguments) {
    }

    public ChatMessage {
        toolCalls = List.copyOf(toolCalls);
    }

    public static ChatMessage system(String content) {
        return new ChatMessage("system", content, List.of(), null);
    }

    public static ChatMessage user(String content) {
        return new ChatMessage("user", content, List.of(), null);
    }

    public static ChatMessage assistant(String content) {
        return new ChatMessage("assistant", content, List.of(), null);
    }

    /** The model's turn that asked for {@code calls}. */
    public static ChatMessage calls(String content, List<ToolCall> calls) {
        return new ChatMessage("assistant", content, calls, null);
    }

    /** The result of the call {@code id}. */
    public static ChatMessage tool(String id, String result) {
        return new ChatMessage("tool", result, List.of(), id);
    }
}
