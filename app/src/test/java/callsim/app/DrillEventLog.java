package callsim.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a running drill's {@code events.jsonl}, so tests can follow the call as it happens. */
final class DrillEventLog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    DrillEventLog(CallsimServer server, String drillId) {
        this.file = server.store().drillDir(drillId).resolve("events.jsonl");
    }

    List<JsonNode> all() throws IOException {
        List<JsonNode> events = new ArrayList<>();
        if (!Files.exists(file)) return events;
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) events.add(JSON.readTree(line));  // a half-written last line is not listed
        }
        return events;
    }

    List<JsonNode> ofType(String type) throws IOException {
        return all().stream().filter(e -> e.path("type").asText().equals(type)).toList();
    }

    int count(String type) throws IOException {
        return ofType(type).size();
    }

    /** True when the caller has spoken since the last event of {@code type} and is silent again. */
    boolean callerSpokeSince(String type) throws IOException {
        List<JsonNode> events = all();
        boolean spoke = false;
        boolean seen = false;
        int open = 0;
        for (JsonNode e : events) {
            String t = e.path("type").asText();
            if (t.equals(type)) {
                seen = true;
                spoke = false;
            }
            if (t.equals("CallerSpeechStarted")) {
                open++;
                spoke = seen;
            }
            if (t.equals("CallerSpeechEnded")) open--;
        }
        return spoke && open == 0;
    }

    /** True when the caller is silent and has nothing left to say in reply to the agent's last turn. */
    boolean callerDone(int agentTurns) throws IOException {
        List<JsonNode> events = all();
        int turns = 0;
        int started = 0;
        int ended = 0;
        boolean repliedAfterTurn = false;
        for (JsonNode e : events) {
            switch (e.path("type").asText()) {
                case "AgentTurn" -> {
                    turns++;
                    repliedAfterTurn = false;
                }
                case "CallerSpeechStarted" -> {
                    started++;
                    repliedAfterTurn = true;
                }
                case "CallerSpeechEnded" -> ended++;
                default -> { }
            }
        }
        return turns >= agentTurns && repliedAfterTurn && started == ended;
    }
}
