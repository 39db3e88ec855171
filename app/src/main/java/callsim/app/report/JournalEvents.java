package callsim.app.report;

import callsim.core.DrillEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads back the drill events {@link FileDrillJournal} wrote to {@code events.jsonl}, in the order the session
 * was given them, so a finished drill can be replayed (the post-call pass rescores it so). The caller's actions,
 * logged in the same file, are left out: a replayed session decides them again.
 */
public final class JournalEvents {
    private static final ObjectMapper READER = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Map<String, Class<?>> EVENT_TYPES = Arrays.stream(DrillEvent.class.getPermittedSubclasses())
            .collect(Collectors.toMap(Class::getSimpleName, Function.identity()));

    private JournalEvents() {}

    /**
     * @throws IOException if the file cannot be read, or a line is not JSON or not a complete event (it names the line)
     */
    public static List<DrillEvent> read(Path eventsFile) throws IOException {
        List<String> lines = Files.readAllLines(eventsFile, StandardCharsets.UTF_8);
        List<DrillEvent> events = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            try {
                ObjectNode line = (ObjectNode) READER.readTree(lines.get(i));
                Class<?> type = EVENT_TYPES.get(line.path("type").asText());
                if (type != null) events.add((DrillEvent) READER.treeToValue(line, type));
            } catch (IOException | ClassCastException | IllegalArgumentException e) {
                throw new IOException(eventsFile + ":" + (i + 1) + ": not a drill event: " + e.getMessage(), e);
            }
        }
        return events;
    }
}
