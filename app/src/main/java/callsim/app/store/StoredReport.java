package callsim.app.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The drill row's columns as read from a report.json snapshot (fields as {@code ReportJson} writes them). */
record StoredReport(String text, String agent, String scenario, String difficulty, String line, Instant startedAt,
                    Optional<Instant> endedAt, boolean complete, Optional<String> outcome, Optional<Integer> scoreTotal,
                    Optional<Boolean> passed) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static StoredReport parse(Path file, byte[] bytes) throws DrillCopier.BadDrillException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        try {
            JsonNode root = JSON.readTree(text);
            if (root == null || !root.isObject()) throw new IOException("not a JSON object");
            JsonNode score = root.path("score");
            return new StoredReport(text, required(root, "agent"), required(root, "scenario"), required(root, "difficulty"),
                    required(root, "line"), Instant.parse(required(root, "startedAt")),
                    optionalText(root, "endedAt").map(Instant::parse), root.path("complete").asBoolean(false),
                    optionalText(root, "outcome"),
                    score.path("total").isNumber() ? Optional.of(score.path("total").asInt()) : Optional.empty(),
                    score.path("passed").isBoolean() ? Optional.of(score.path("passed").asBoolean()) : Optional.empty());
        } catch (IOException | DateTimeParseException e) {
            throw new DrillCopier.BadDrillException(file + " is not a drill report: " + e.getMessage(), e);
        }
    }

    private static String required(JsonNode root, String field) throws IOException {
        return optionalText(root, field).orElseThrow(() -> new IOException("it has no '" + field + "'"));
    }

    private static Optional<String> optionalText(JsonNode root, String field) {
        JsonNode node = root.path(field);
        return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
    }
}
