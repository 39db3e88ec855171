package callsim.review.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The replicator's statements: portable SQL that PostgreSQL and H2 (PostgreSQL mode) both run. */
final class DrillRows {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The copy cursors of a drill's row; both 0 when there is no row yet. */
    record Cursor(boolean exists, int events, long recording) {}

    private DrillRows() {}

    /** Reads the cursors and locks the row, so two copies of one drill cannot interleave. */
    static Cursor lockCursor(Connection c, String id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT events_synced, recording_bytes_synced FROM drills WHERE id = ? FOR UPDATE")) {
            select.setString(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? new Cursor(true, rs.getInt(1), rs.getLong(2)) : new Cursor(false, 0, 0);
            }
        }
    }

    static void upsert(Connection c, String id, StoredReport report, DrillStatus status, int eventsSynced,
                       long recordingSynced, Instant now, boolean exists) throws SQLException {
        String sql = exists
                ? "UPDATE drills SET agent = ?, agent_key = ?, scenario = ?, difficulty = ?, line = ?, started_at = ?, ended_at = ?,"
                        + " status = ?, outcome = ?, score_total = ?, passed = ?, report = ?, events_synced = ?,"
                        + " recording_bytes_synced = ?, updated_at = ?, post_call = ? WHERE id = ?"
                : "INSERT INTO drills (agent, agent_key, scenario, difficulty, line, started_at, ended_at, status, outcome,"
                        + " score_total, passed, report, events_synced, recording_bytes_synced, updated_at, post_call, id)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, cut(report.agent(), 200));
            setOptional(s, 2, AgentKey.of(report.agent()).orElse(null), Types.VARCHAR);
            s.setString(3, cut(report.scenario(), 100));
            s.setString(4, cut(report.difficulty(), 10));
            s.setString(5, cut(report.line(), 20));
            s.setObject(6, utc(report.startedAt()));
            setOptional(s, 7, report.endedAt().map(DrillRows::utc).orElse(null), Types.TIMESTAMP_WITH_TIMEZONE);
            s.setString(8, status.name().toLowerCase(Locale.ROOT));
            setOptional(s, 9, report.outcome().map(o -> cut(o, 30)).orElse(null), Types.VARCHAR);
            setOptional(s, 10, report.scoreTotal().orElse(null), Types.INTEGER);
            setOptional(s, 11, report.passed().orElse(null), Types.BOOLEAN);
            s.setString(12, report.text());
            s.setInt(13, eventsSynced);
            s.setLong(14, recordingSynced);
            s.setObject(15, utc(now));
            setOptional(s, 16, report.postCall().orElse(null), Types.VARCHAR);
            s.setString(17, id);
            s.executeUpdate();
        }
    }

    /** Inserts journal lines; a line that is not a journal event is reported in {@code skipped} and left out. */
    static void insertEvents(Connection c, String id, List<JournalLines.Line> lines, Path file, List<String> skipped)
            throws SQLException {
        if (lines.isEmpty()) return;
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO drill_events (drill_id, seq, at_ms, type, body) VALUES (?, ?, ?, ?, ?)")) {
            int batched = 0;
            for (JournalLines.Line line : lines) {
                Optional<JsonNode> event = event(line.text());
                if (event.isEmpty()) {
                    skipped.add("drill " + id + ": " + file + ":" + (line.seq() + 1) + " is not a journal event; skipped: "
                            + cut(line.text(), 120));
                    continue;
                }
                s.setString(1, id);
                s.setInt(2, line.seq());
                s.setLong(3, event.get().get("atMs").asLong());
                s.setString(4, cut(event.get().get("type").asText(), 40));
                s.setString(5, line.text());
                s.addBatch();
                batched++;
            }
            if (batched > 0) s.executeBatch();
        }
    }

    static void insertAudio(Connection c, String id, long offset, byte[] pcm, int chunkBytes) throws SQLException {
        if (pcm.length == 0) return;
        try (PreparedStatement s = c.prepareStatement("INSERT INTO drill_audio (drill_id, offset_bytes, pcm) VALUES (?, ?, ?)")) {
            for (int from = 0; from < pcm.length; from += chunkBytes) {
                s.setString(1, id);
                s.setLong(2, offset + from);
                s.setBytes(3, Arrays.copyOfRange(pcm, from, Math.min(pcm.length, from + chunkBytes)));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** The line as an event: a JSON object with a text {@code type} and a whole-number {@code atMs}. */
    private static Optional<JsonNode> event(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node != null && node.isObject() && node.path("type").isTextual() && node.path("atMs").canConvertToLong()
                    && node.path("atMs").isIntegralNumber()) {
                return Optional.of(node);
            }
        } catch (java.io.IOException e) {
            // not JSON: reported by the caller
        }
        return Optional.empty();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static void setOptional(PreparedStatement s, int index, Object value, int sqlType) throws SQLException {
        if (value == null) s.setNull(index, sqlType); else s.setObject(index, value);
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
