package callsim.app.scaleout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The shared PostgreSQL as the review UI sees it, read with plain JDBC, and a node's journal lines to compare. */
final class SharedStore {
    /** The events.jsonl lines of utterances: the caller's lines, and the agent's (heard, and recognised as words). */
    static final Set<String> UTTERANCES = Set.of("CallerSpeak", "CallerSpeechStarted", "CallerSpeechEnded",
            "AgentSpeechStarted", "AgentSpeechStopped", "AgentTurn");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String url;

    SharedStore(String url) {
        this.url = url;
    }

    /** Drill id to status, for every drill in the database. */
    Map<String, String> statuses() throws SQLException {
        Map<String, String> rows = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, status FROM drills ORDER BY id")) {
            while (rs.next()) rows.put(rs.getString(1), rs.getString(2));
        }
        return rows;
    }

    /** A drill's journal lines as the database holds them, by line number. */
    Map<Integer, String> events(String drillId) throws SQLException {
        Map<Integer, String> rows = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement s = c.prepareStatement("SELECT seq, body FROM drill_events WHERE drill_id = ? ORDER BY seq")) {
            s.setString(1, drillId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) rows.put(rs.getInt(1), rs.getString(2));
            }
        }
        return rows;
    }

    /** The complete (newline-ended) lines of a journal, as the replicator counts them. */
    static List<String> completeLines(Path eventsFile) {
        try {
            if (!Files.exists(eventsFile)) return List.of();
            String text = Files.readString(eventsFile, StandardCharsets.UTF_8);
            List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
            lines.remove(lines.size() - 1);  // after the last newline: nothing, or a line still being written
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String type(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            return node.path("type").asText();
        } catch (IOException e) {
            throw new UncheckedIOException("not a journal line: " + line, e);
        }
    }

    static long count(List<String> lines, String type) {
        return lines.stream().filter(line -> type(line).equals(type)).count();
    }
}
